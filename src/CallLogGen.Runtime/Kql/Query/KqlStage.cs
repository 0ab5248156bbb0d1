using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>
/// One tabular operator (<c>| where ...</c>). A stage checks the columns it reads against the columns the
/// query has at that point, and says which columns come out, so that a query knows its result shape and a
/// reference to a column that a previous <c>project</c> dropped fails when the query is built, not in production.
/// </summary>
internal abstract class KqlStage
{
    public abstract void Write(StringBuilder builder);

    public abstract List<KqlResultColumn> Apply(List<KqlResultColumn> input);

    protected static void Require(List<KqlResultColumn> input, KqlNode node, string operatorName)
    {
        if (node.FindMissingColumn(input) is { } name)
        {
            throw new InvalidOperationException(
                $"'{operatorName}' reads column '{name}', which the query does not have at that point. Its columns are: {Describe(input)}.");
        }
    }

    protected static int IndexOf(List<KqlResultColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    protected static void WriteAssignments(StringBuilder builder, IReadOnlyList<KqlAssignment> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            var item = items[i];
            if (item.Outputs is null && !(item.Value is ColumnNode column && column.Name == item.Name))
            {
                builder.Append(KqlNames.Bracket(item.Name)).Append(" = ");
            }

            item.Value.Write(builder);
        }
    }

    private static string Describe(List<KqlResultColumn> columns)
    {
        var names = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            names[i] = columns[i].Name;
        }

        return string.Join(", ", names);
    }
}

internal sealed class WhereStage : KqlStage
{
    private readonly KqlNode _predicate;

    public WhereStage(KqlNode predicate) => _predicate = predicate;

    public override void Write(StringBuilder builder)
    {
        builder.Append("where ");
        _predicate.Write(builder);
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        Require(input, _predicate, "where");
        return input;
    }
}

/// <summary><c>project</c>, <c>distinct</c> and <c>extend</c>: lists of columns and named expressions.</summary>
internal sealed class ColumnsStage : KqlStage
{
    private readonly string _operator;
    private readonly IReadOnlyList<KqlAssignment> _items;
    private readonly bool _keepInput;

    public ColumnsStage(string op, IReadOnlyList<KqlAssignment> items, bool keepInput)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException($"'{op}' needs at least one column.", nameof(items));
        }

        _operator = op;
        _items = items;
        _keepInput = keepInput;
    }

    public override void Write(StringBuilder builder)
    {
        builder.Append(_operator).Append(' ');
        WriteAssignments(builder, _items);
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        var output = _keepInput ? new List<KqlResultColumn>(input) : new List<KqlResultColumn>();
        foreach (var item in _items)
        {
            Require(input, item.Value, _operator);
            var column = new KqlResultColumn(item.Name, item.Type);
            var existing = IndexOf(output, item.Name);
            if (existing >= 0 && _keepInput)
            {
                output[existing] = column;
            }
            else if (existing >= 0)
            {
                throw new ArgumentException($"'{_operator}' names column '{item.Name}' twice.");
            }
            else
            {
                output.Add(column);
            }
        }

        return output;
    }
}

internal sealed class ProjectAwayStage : KqlStage
{
    private readonly string[] _names;

    public ProjectAwayStage(string[] names) => _names = names;

    public override void Write(StringBuilder builder)
    {
        builder.Append("project-away ");
        for (var i = 0; i < _names.Length; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty).Append(KqlNames.Bracket(_names[i]));
        }
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        var output = new List<KqlResultColumn>(input);
        foreach (var name in _names)
        {
            var index = IndexOf(output, name);
            if (index < 0)
            {
                throw new InvalidOperationException($"'project-away' drops column '{name}', which the query does not have at that point.");
            }

            output.RemoveAt(index);
        }

        return output;
    }
}

internal sealed class SummarizeStage : KqlStage
{
    private readonly IReadOnlyList<KqlAssignment> _aggregates;
    private readonly IReadOnlyList<KqlAssignment> _by;

    public SummarizeStage(IReadOnlyList<KqlAssignment> aggregates, IReadOnlyList<KqlAssignment> by)
    {
        if (aggregates.Count == 0 && by.Count == 0)
        {
            throw new ArgumentException("'summarize' needs an aggregation or a 'by' column.");
        }

        _aggregates = aggregates;
        _by = by;
    }

    public override void Write(StringBuilder builder)
    {
        builder.Append("summarize");
        if (_aggregates.Count > 0)
        {
            builder.Append(' ');
            WriteAssignments(builder, _aggregates);
        }

        if (_by.Count > 0)
        {
            builder.Append(" by ");
            WriteAssignments(builder, _by);
        }
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        var output = new List<KqlResultColumn>();
        foreach (var item in _by)
        {
            Require(input, item.Value, "summarize");
            Add(output, item);
        }

        foreach (var item in _aggregates)
        {
            Require(input, item.Value, "summarize");
            if (item.Outputs is { } several)
            {
                // KQL names these itself, and numbers a name the output already has (OperationName1).
                foreach (var column in several)
                {
                    var name = column.Name;
                    for (var suffix = 1; IndexOf(output, name) >= 0; suffix++)
                    {
                        name = column.Name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    output.Add(new KqlResultColumn(name, column.Type));
                }

                continue;
            }

            Add(output, item);
        }

        return output;
    }

    private static void Add(List<KqlResultColumn> output, KqlAssignment item)
    {
        if (IndexOf(output, item.Name) >= 0)
        {
            throw new ArgumentException($"'summarize' names column '{item.Name}' twice.");
        }

        output.Add(new KqlResultColumn(item.Name, item.Type));
    }
}

internal sealed class OrderStage : KqlStage
{
    private readonly string _operator;
    private readonly long _count;
    private readonly KqlOrdering _ordering;

    public OrderStage(string op, long count, KqlOrdering ordering)
    {
        if (ordering.Items.Count == 0)
        {
            throw new ArgumentException($"'{op}' needs at least one column to sort by.");
        }

        _operator = op;
        _count = count;
        _ordering = ordering;
    }

    public override void Write(StringBuilder builder)
    {
        builder.Append(_operator);
        if (_operator == "top")
        {
            builder.Append(' ').Append(_count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.Append(" by ");
        for (var i = 0; i < _ordering.Items.Count; i++)
        {
            var (key, direction, nulls) = _ordering.Items[i];
            builder.Append(i > 0 ? ", " : string.Empty);
            key.Node.Write(builder);
            builder.Append(direction == KqlSortDirection.Ascending ? " asc" : " desc");
            if (nulls != KqlNullsOrder.Default)
            {
                builder.Append(nulls == KqlNullsOrder.First ? " nulls first" : " nulls last");
            }
        }
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        foreach (var (key, _, _) in _ordering.Items)
        {
            Require(input, key.Node, _operator);
        }

        return input;
    }
}

internal sealed class TakeStage : KqlStage
{
    private readonly long _count;

    public TakeStage(long count) => _count = count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "take needs a count of 0 or more.");

    public override void Write(StringBuilder builder) => builder.Append("take ").Append(_count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input) => input;
}

internal sealed class RenderStage : KqlStage
{
    private readonly KqlChart _chart;

    public RenderStage(KqlChart chart) => _chart = chart;

    public override void Write(StringBuilder builder) => builder.Append("render ").Append(_chart.ToString().ToLowerInvariant());

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input) => input;
}

internal sealed class MakeSeriesStage : KqlStage
{
    private readonly IReadOnlyList<KqlAssignment> _aggregates;
    private readonly string _axis;
    private readonly string _from;
    private readonly string _to;
    private readonly string _step;
    private readonly IReadOnlyList<KqlAssignment> _by;

    public MakeSeriesStage(IReadOnlyList<KqlAssignment> aggregates, string axis, string from, string to, string step, IReadOnlyList<KqlAssignment> by)
    {
        if (aggregates.Count == 0)
        {
            throw new ArgumentException("'make-series' needs at least one aggregation.");
        }

        foreach (var aggregate in aggregates)
        {
            if (aggregate.Type != KqlType.Dynamic)
            {
                throw new ArgumentException($"'make-series' makes '{aggregate.Name}' a dynamic array: write it as a KqlDynamic column with IsSeriesOf.");
            }
        }

        _aggregates = aggregates;
        _axis = axis;
        _from = from;
        _to = to;
        _step = step;
        _by = by;
    }

    public override void Write(StringBuilder builder)
    {
        builder.Append("make-series ");
        WriteAssignments(builder, _aggregates);
        builder.Append(" on ").Append(KqlNames.Bracket(_axis))
            .Append(" from ").Append(_from).Append(" to ").Append(_to).Append(" step ").Append(_step);
        if (_by.Count > 0)
        {
            builder.Append(" by ");
            WriteAssignments(builder, _by);
        }
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        var axis = IndexOf(input, _axis);
        if (axis < 0 || input[axis].Type != KqlType.DateTime)
        {
            throw new InvalidOperationException($"'make-series' runs on '{_axis}', which is not a datetime column of the query at that point.");
        }

        var output = new List<KqlResultColumn>();
        foreach (var item in _by)
        {
            Require(input, item.Value, "make-series");
            output.Add(new KqlResultColumn(item.Name, item.Type));
        }

        foreach (var item in _aggregates)
        {
            Require(input, item.Value, "make-series");
            output.Add(new KqlResultColumn(item.Name, KqlType.Dynamic));
        }

        output.Add(new KqlResultColumn(_axis, KqlType.Dynamic));
        return output;
    }
}
