using System;
using System.Collections;
using System.Collections.Generic;

namespace CallLogGen.Kql;

/// <summary>A named column of a query's result: <c>Name = expression</c> in project, extend and summarize.</summary>
public sealed class KqlAssignment
{
    internal KqlAssignment(string name, KqlNode value, KqlType type, bool isAggregate = false)
    {
        Name = name;
        Value = value;
        Type = type;
        IsAggregate = isAggregate;
    }

    /// <summary>Whether the value is an aggregation, which only <c>summarize</c> takes.</summary>
    public bool IsAggregate { get; }

    /// <summary>For aggregations that make several columns (<c>arg_max</c>, <c>percentiles</c>): those columns; else null.</summary>
    internal IReadOnlyList<KqlResultColumn>? Outputs { get; private set; }

    internal static KqlAssignment Multiple(KqlMultiAggregate aggregate) =>
        new(aggregate.Outputs[0].Name, aggregate.Node, aggregate.Outputs[0].Type, isAggregate: true) { Outputs = aggregate.Outputs };

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The column's KQL type.</summary>
    public KqlType Type { get; }

    internal KqlNode Value { get; }
}

/// <summary>Names new columns: <c>var seconds = KqlReal.Column("Seconds"); ... seconds.Is(expression)</c>.</summary>
public static class KqlAssignments
{
    /// <summary><c>Column = value</c>: the column handle and the value have the same KQL type, or it does not compile.</summary>
    public static KqlAssignment Is<T>(this T column, T value)
        where T : KqlExpression => new(NameOf(column), value.Node, value.Type);

    /// <summary><c>Column = aggregate</c>, in summarize.</summary>
    public static KqlAssignment Is<T>(this T column, KqlAggregate<T> aggregate)
        where T : KqlExpression => new(NameOf(column), aggregate.Node, aggregate.Type, isAggregate: true);

    /// <summary>
    /// <c>Series = aggregate</c>, in make-series: the column holds one value of the aggregate per time step, as a
    /// dynamic array, whatever the aggregate's own type.
    /// </summary>
    public static KqlAssignment IsSeriesOf<T>(this KqlDynamic column, KqlAggregate<T> aggregate)
        where T : KqlExpression => new(NameOf(column), aggregate.Node, KqlType.Dynamic, isAggregate: true);

    internal static string NameOf(KqlExpression column) =>
        column.Node is ColumnNode named
            ? named.Name
            : throw new ArgumentException($"Only a column can be assigned to; '{column}' is an expression. Make one with {column.GetType().Name}.Column(\"Name\").", nameof(column));
}

/// <summary>Base of the column lists written with collection initializers: <c>new KqlProjection { t.A, b.Is(...) }</c>.</summary>
public abstract class KqlColumnList : IEnumerable<KqlAssignment>
{
    private readonly List<KqlAssignment> _items = new();

    internal IReadOnlyList<KqlAssignment> Items => _items;

    internal void AddItem(KqlAssignment item, bool aggregates)
    {
        if (item.IsAggregate != aggregates)
        {
            throw new ArgumentException(aggregates
                ? $"'{item.Name}' is not an aggregation; summarize takes aggregations such as KqlFunctions.Count() (group by columns in 'by')."
                : $"'{item.Name}' is an aggregation, which only summarize takes.");
        }

        _items.Add(item);
    }

    /// <inheritdoc/>
    public IEnumerator<KqlAssignment> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    internal static KqlAssignment ColumnItem(KqlExpression column) =>
        new(KqlAssignments.NameOf(column), column.Node, column.Type);
}

/// <summary>The columns of <c>project</c>, <c>distinct</c> or a <c>by</c> clause: existing columns and named expressions.</summary>
public sealed class KqlProjection : KqlColumnList
{
    /// <summary>Keeps an existing column.</summary>
    public void Add(KqlExpression column) => AddItem(ColumnItem(column), aggregates: false);

    /// <summary>A new (or replaced) column: <c>Name = expression</c>.</summary>
    public void Add(KqlAssignment assignment) => AddItem(assignment ?? throw new ArgumentNullException(nameof(assignment)), aggregates: false);
}

/// <summary>The aggregations of <c>summarize</c>, each named: <c>failures.Is(KqlFunctions.Count())</c>.</summary>
public sealed class KqlAggregation : KqlColumnList
{
    /// <summary>A named aggregation.</summary>
    public void Add(KqlAssignment assignment) => AddItem(assignment ?? throw new ArgumentNullException(nameof(assignment)), aggregates: true);

    /// <summary>An aggregation that makes several columns, named by KQL (<c>arg_max</c>, <c>percentiles</c>).</summary>
    public void Add(KqlMultiAggregate aggregate) => AddItem(KqlAssignment.Multiple(aggregate ?? throw new ArgumentNullException(nameof(aggregate))), aggregates: true);
}

/// <summary>The columns of <c>extend</c>: each a new (or replaced) named column.</summary>
public sealed class KqlExtension : KqlColumnList
{
    /// <summary><c>Name = expression</c>.</summary>
    public void Add(KqlAssignment assignment) => AddItem(assignment ?? throw new ArgumentNullException(nameof(assignment)), aggregates: false);
}
