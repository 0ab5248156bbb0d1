using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>How <see cref="KqlQuery{TColumns}.ToKql"/> lays out the query.</summary>
public enum KqlLayout
{
    /// <summary>The table, then one operator per line: <c>T\n| where ...\n| take 10</c>.</summary>
    MultiLine,

    /// <summary>Everything on one line: <c>T | where ... | take 10</c>.</summary>
    SingleLine,
}

/// <summary>
/// A KQL query over one table, built from typed columns: only the table's real columns and the operators of
/// their types compile, every value is escaped, and the query knows the columns it returns
/// (<see cref="ResultColumns"/>). Queries are immutable: each operator returns a new query, so a base query can
/// be shared and refined. Lambdas receive <typeparamref name="TColumns"/>, the table's generated columns.
/// </summary>
/// <typeparam name="TColumns">The generated column set of the table the query starts from.</typeparam>
public sealed class KqlQuery<TColumns> : IKqlQuery
    where TColumns : class
{
    private readonly string _table;
    private readonly string _tableText;
    private readonly KqlDateTime? _timeColumn;
    private readonly KqlQuery<TColumns>? _previous;
    private readonly KqlStage? _stage;
    private readonly List<KqlResultColumn>? _shape;

    private KqlQuery(string table, KqlDateTime? timeColumn, TColumns columns, KqlQuery<TColumns>? previous, KqlStage? stage, List<KqlResultColumn>? shape)
    {
        _table = table;
        _tableText = previous?._tableText ?? KqlNames.Bracket(table);
        _timeColumn = timeColumn;
        Columns = columns;
        _previous = previous;
        _stage = stage;
        _shape = shape;
    }

    /// <summary>The table's columns, for building expressions outside the lambdas.</summary>
    public TColumns Columns { get; }

    /// <summary>The table the query reads.</summary>
    public string TableName => _table;

    /// <summary>
    /// The columns the query returns, in order, with their types: the result shape to read results into.
    /// Empty when <see cref="IsShapeKnown"/> is false (after a raw operator).
    /// </summary>
    public IReadOnlyList<KqlResultColumn> ResultColumns => (IReadOnlyList<KqlResultColumn>?)_shape ?? Array.Empty<KqlResultColumn>();

    /// <summary>False after <see cref="AppendRawOperator"/>, whose effect on the columns the builder cannot know.</summary>
    public bool IsShapeKnown => _shape is not null;

    /// <summary>Starts a query over <paramref name="table"/>; generated models call this from their <c>Query()</c>.</summary>
    public static KqlQuery<TColumns> From(TableSchema table, TColumns columns)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        var timeColumn = table.TimeColumn;

        return new KqlQuery<TColumns>(table.TableName, timeColumn, columns ?? throw new ArgumentNullException(nameof(columns)), null, null, table.QueryColumns);
    }

    /// <summary><c>| where predicate</c>.</summary>
    public KqlQuery<TColumns> Where(Func<TColumns, KqlBool> predicate) => Then(new WhereStage(predicate(Columns).Node));

    /// <summary><c>| where predicate</c>, with a predicate built beforehand.</summary>
    public KqlQuery<TColumns> Where(KqlBool predicate) => Then(new WhereStage(predicate.Node));

    /// <summary>
    /// Records in <c>[from, to)</c> on the table's time column: <c>where TimeGenerated &gt;= from and TimeGenerated &lt; to</c>.
    /// Half-open, so adjacent windows never count a record twice.
    /// </summary>
    public KqlQuery<TColumns> InTimeRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The time range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        var time = RequireTimeColumn();
        return Where((time >= from) & (time < to));
    }

    /// <summary>Records of the last <paramref name="span"/>: <c>where TimeGenerated &gt; ago(span)</c>.</summary>
    public KqlQuery<TColumns> InLast(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "The time range must be positive.");
        }

        return Where(RequireTimeColumn() > KqlFunctions.Ago(span));
    }

    /// <summary><c>| project a, b, C = expression</c>.</summary>
    public KqlQuery<TColumns> Project(Func<TColumns, KqlProjection> columns) => Then(new ColumnsStage("project", columns(Columns).Items, keepInput: false));

    /// <summary><c>| project-away a, b</c>.</summary>
    public KqlQuery<TColumns> ProjectAway(Func<TColumns, KqlProjection> columns)
    {
        var items = columns(Columns).Items;
        var names = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            names[i] = items[i].Value is ColumnNode column && column.Name == items[i].Name
                ? column.Name
                : throw new ArgumentException($"project-away takes columns, not '{items[i].Name} = ...'.", nameof(columns));
        }

        return Then(new ProjectAwayStage(names));
    }

    /// <summary><c>| extend C = expression</c>: adds columns, or replaces ones of the same name.</summary>
    public KqlQuery<TColumns> Extend(Func<TColumns, KqlExtension> columns) => Then(new ColumnsStage("extend", columns(Columns).Items, keepInput: true));

    /// <summary><c>| distinct a, b</c>.</summary>
    public KqlQuery<TColumns> Distinct(Func<TColumns, KqlProjection> columns) => Then(new ColumnsStage("distinct", columns(Columns).Items, keepInput: false));

    /// <summary><c>| summarize A = agg(...) by b, C = bin(...)</c>.</summary>
    public KqlQuery<TColumns> Summarize(Func<TColumns, KqlAggregation> aggregates, Func<TColumns, KqlProjection>? by = null) =>
        Then(new SummarizeStage(aggregates(Columns).Items, by is null ? Array.Empty<KqlAssignment>() : by(Columns).Items));

    /// <summary>
    /// <c>| make-series S = agg(...) on Time from a to b step s by c</c>: one row per group, each aggregation and the
    /// time axis as dynamic arrays (name the axis with <paramref name="axis"/>'s column). Aggregations are written
    /// with <see cref="KqlAssignments.IsSeriesOf{T}"/>.
    /// </summary>
    public KqlQuery<TColumns> MakeSeries(
        Func<TColumns, KqlAggregation> aggregates,
        Func<TColumns, KqlDateTime> axis,
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan step,
        Func<TColumns, KqlProjection>? by = null)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The series ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A series step must be positive.");
        }

        return Then(new MakeSeriesStage(
            aggregates(Columns).Items,
            KqlAssignments.NameOf(axis(Columns)),
            KqlLiteral.Render(from),
            KqlLiteral.Render(to),
            KqlLiteral.Render(step),
            by is null ? Array.Empty<KqlAssignment>() : by(Columns).Items));
    }

    /// <summary><c>| order by a desc, b asc nulls last</c>.</summary>
    public KqlQuery<TColumns> OrderBy(Func<TColumns, KqlOrdering> keys) => Then(new OrderStage("order", 0, keys(Columns)));

    /// <summary><c>| top n by a desc</c>.</summary>
    public KqlQuery<TColumns> Top(long count, Func<TColumns, KqlOrdering> keys) =>
        Then(new OrderStage("top", count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count)), keys(Columns)));

    /// <summary><c>| take n</c>.</summary>
    public KqlQuery<TColumns> Take(long count) => Then(new TakeStage(count));

    /// <summary><c>| render chart</c>: a hint for tools that draw results.</summary>
    public KqlQuery<TColumns> Render(KqlChart chart) => Then(new RenderStage(chart));

    /// <summary>
    /// <c>| join kind=... (right) on key</c>. The kind is always written (KQL's default is innerunique).
    /// Both keys must have the same KQL type, or <see cref="KqlFunctions.On{T}"/> does not compile.
    /// </summary>
    public KqlQuery<TColumns> Join<TRight>(KqlJoinKind kind, KqlQuery<TRight> right, Func<TColumns, TRight, KqlJoinKey> on)
        where TRight : class
    {
        var stage = new JoinStage(kind, right.ToKql(KqlLayout.SingleLine), right.IsShapeKnown ? new List<KqlResultColumn>(right.ResultColumns) : null, on(Columns, right.Columns));
        return right.IsShapeKnown ? Then(stage) : new KqlQuery<TColumns>(_table, _timeColumn, Columns, this, stage, shape: null);
    }

    /// <summary>
    /// <c>| union (other)</c>: the records of both queries. Columns are matched by name; a column the queries
    /// give different types is refused (project one of them to the other's type first), rather than left to
    /// KQL's renaming.
    /// </summary>
    public KqlQuery<TColumns> Union<TOther>(KqlQuery<TOther> other)
        where TOther : class
    {
        var stage = new UnionStage(other.ToKql(KqlLayout.SingleLine), other.IsShapeKnown ? new List<KqlResultColumn>(other.ResultColumns) : null);
        return other.IsShapeKnown ? Then(stage) : new KqlQuery<TColumns>(_table, _timeColumn, Columns, this, stage, shape: null);
    }

    /// <summary>
    /// Appends raw KQL as an operator (<c>| text</c>). The escape hatch: nothing checks or escapes it, so pass
    /// only text written in your code, never values. After it, the result shape is unknown.
    /// </summary>
    public KqlQuery<TColumns> AppendRawOperator(string rawKql)
    {
        if (string.IsNullOrWhiteSpace(rawKql))
        {
            throw new ArgumentException("The raw operator is empty.", nameof(rawKql));
        }

        return new KqlQuery<TColumns>(_table, _timeColumn, Columns, this, new RawStage(rawKql.Trim()), shape: null);
    }

    /// <summary>The query as KQL text.</summary>
    public string ToKql(KqlLayout layout = KqlLayout.MultiLine)
    {
        var builder = KqlTextBuilder.Acquire();
        builder.Append(_tableText);
        WriteStages(builder, layout == KqlLayout.MultiLine ? "\n| " : " | ");
        return KqlTextBuilder.ToStringAndRelease(builder);
    }

    // Oldest stage first; recursion instead of a list, since queries are a few stages deep.
    private void WriteStages(StringBuilder builder, string separator)
    {
        if (_stage is null)
        {
            return;
        }

        _previous?.WriteStages(builder, separator);
        builder.Append(separator);
        _stage.Write(builder);
    }

    /// <inheritdoc/>
    public override string ToString() => ToKql();

    private KqlQuery<TColumns> Then(KqlStage stage)
    {
        var shape = _shape is null ? null : stage.Apply(_shape);
        return new KqlQuery<TColumns>(_table, _timeColumn, Columns, this, stage, shape);
    }

    private KqlDateTime RequireTimeColumn()
    {
        if (_timeColumn is null)
        {
            throw new InvalidOperationException($"Table '{_table}' has no TimeGenerated datetime column to filter on.");
        }

        return _timeColumn;
    }
}
