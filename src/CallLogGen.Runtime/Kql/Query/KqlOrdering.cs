using System.Collections;
using System.Collections.Generic;

namespace CallLogGen.Kql;

/// <summary>
/// The sort keys of <c>order by</c> and <c>top</c>, written with a collection initializer:
/// <c>new KqlOrdering { { t.TimeGenerated, KqlSortDirection.Descending }, t.OperationName }</c>.
/// A key without a direction sorts descending, as KQL does.
/// </summary>
public sealed class KqlOrdering : IEnumerable<KqlExpression>
{
    private readonly List<(KqlNode Node, KqlSortDirection Direction, KqlNullsOrder Nulls)> _items = new();
    private readonly List<KqlExpression> _expressions = new();

    internal IReadOnlyList<(KqlNode Node, KqlSortDirection Direction, KqlNullsOrder Nulls)> Items => _items;

    /// <summary>Sorts by <paramref name="key"/>, descending.</summary>
    public void Add(KqlExpression key) => Add(key, KqlSortDirection.Descending);

    /// <summary>Sorts by <paramref name="key"/> in <paramref name="direction"/>, nulls where KQL puts them.</summary>
    public void Add(KqlExpression key, KqlSortDirection direction) => Add(key, direction, KqlNullsOrder.Default);

    /// <summary>Sorts by <paramref name="key"/> in <paramref name="direction"/>, with nulls first or last.</summary>
    public void Add(KqlExpression key, KqlSortDirection direction, KqlNullsOrder nulls)
    {
        _items.Add((key.Node, direction, nulls));
        _expressions.Add(key);
    }

    /// <inheritdoc/>
    public IEnumerator<KqlExpression> GetEnumerator() => _expressions.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _expressions.GetEnumerator();
}
