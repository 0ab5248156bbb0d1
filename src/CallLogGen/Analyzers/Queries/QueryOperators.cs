using System;
using System.Collections.Generic;

namespace CallLogGen.Analyzers.Queries;

/// <summary>What an operator of <c>KqlQuery&lt;T&gt;</c> does to the columns the query has, as the runtime builder does it.</summary>
internal enum ColumnEffect
{
    /// <summary>The same columns after as before (<c>Where</c>, <c>OrderBy</c>, <c>Take</c>...).</summary>
    Keeps,

    /// <summary>Only the operator's column list (<c>Project</c>, <c>Distinct</c>).</summary>
    KeepsOnlyListed,

    /// <summary>All but the operator's column list (<c>ProjectAway</c>).</summary>
    DropsListed,

    /// <summary>The columns before, with the listed ones added or replaced (<c>Extend</c>).</summary>
    AddsListed,

    /// <summary>Only the groups, then the aggregations (<c>Summarize</c>).</summary>
    Aggregates,

    /// <summary>Only the groups, then the aggregations and the time axis as dynamic arrays (<c>MakeSeries</c>).</summary>
    AggregatesSeries,

    /// <summary>Not known from here on: the columns come from elsewhere (<c>Join</c>, <c>Union</c>, raw KQL).</summary>
    Unknown,

    /// <summary>Renders the query as text: the end of a chain, no operator of the query.</summary>
    Renders,
}

/// <summary>
/// One public method of <c>KqlQuery&lt;T&gt;</c> as the query rules see it: what it does to the columns, which of its
/// parameters are column lists (lambdas returning <c>new KqlProjection { ... }</c> or one column), and whether it is a time
/// filter by itself. A <c>Where</c> is a time filter when its predicate reads the time column.
/// </summary>
internal sealed class QueryOperator
{
    public QueryOperator(string name, ColumnEffect effect, bool filtersTime = false, params string[] columnLists)
    {
        Name = name;
        Effect = effect;
        FiltersTime = filtersTime;
        ColumnLists = columnLists;
    }

    /// <summary>The method's name.</summary>
    public string Name { get; }

    public ColumnEffect Effect { get; }

    /// <summary>Whether the operator filters on the time column whatever its arguments (<c>InTimeRange</c>, <c>InLast</c>); it then reads that column too.</summary>
    public bool FiltersTime { get; }

    /// <summary>The parameters whose lambdas make the columns the operator keeps, drops or adds, in the order the result has them.</summary>
    public IReadOnlyList<string> ColumnLists { get; }

    public override string ToString() => Name;
}

/// <summary>
/// Every public method of the runtime's <c>KqlQuery&lt;T&gt;</c>, modelled; a test fails when the runtime gains one that is
/// not here, so that a new operator is a decision for the rules, not a silent gap.
/// </summary>
internal static class QueryOperators
{
    public const string Where = nameof(Where);
    public const string InTimeRange = nameof(InTimeRange);
    public const string InLast = nameof(InLast);
    public const string ToKql = nameof(ToKql);
    public const string AppendRawOperator = nameof(AppendRawOperator);

    /// <summary>The operators, by name (overloads share one entry: they do the same to the columns).</summary>
    public static IReadOnlyDictionary<string, QueryOperator> ByName { get; } = Index(
        new QueryOperator(Where, ColumnEffect.Keeps),
        new QueryOperator(InTimeRange, ColumnEffect.Keeps, filtersTime: true),
        new QueryOperator(InLast, ColumnEffect.Keeps, filtersTime: true),
        new QueryOperator("Project", ColumnEffect.KeepsOnlyListed, false, "columns"),
        new QueryOperator("Distinct", ColumnEffect.KeepsOnlyListed, false, "columns"),
        new QueryOperator("ProjectAway", ColumnEffect.DropsListed, false, "columns"),
        new QueryOperator("Extend", ColumnEffect.AddsListed, false, "columns"),
        new QueryOperator("Summarize", ColumnEffect.Aggregates, false, "by", "aggregates"),
        new QueryOperator("MakeSeries", ColumnEffect.AggregatesSeries, false, "by", "aggregates", "axis"),
        new QueryOperator("OrderBy", ColumnEffect.Keeps),
        new QueryOperator("Top", ColumnEffect.Keeps),
        new QueryOperator("Take", ColumnEffect.Keeps),
        new QueryOperator("Render", ColumnEffect.Keeps),
        new QueryOperator("Join", ColumnEffect.Unknown),
        new QueryOperator("Union", ColumnEffect.Unknown),
        new QueryOperator(AppendRawOperator, ColumnEffect.Unknown),
        new QueryOperator(ToKql, ColumnEffect.Renders),
        new QueryOperator(nameof(ToString), ColumnEffect.Renders));

    /// <summary>What the rules assume of a method they do not know (a newer runtime's): nothing about the columns after it.</summary>
    public static QueryOperator Unmodelled(string name) => new(name, ColumnEffect.Unknown);

    private static Dictionary<string, QueryOperator> Index(params QueryOperator[] operators)
    {
        var byName = new Dictionary<string, QueryOperator>(StringComparer.Ordinal);
        foreach (var op in operators)
        {
            byName.Add(op.Name, op);
        }

        return byName;
    }
}
