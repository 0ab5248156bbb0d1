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
    private readonly List<(KqlExpression Key, KqlSortDirection Direction, KqlNullsOrder Nulls)> _items = new(2);

    internal IReadOnlyList<(KqlExpression Key, KqlSortDirection Direction, KqlNullsOrder Nulls)> Items => _items;

    /// <summary>Sorts by <paramref name="key"/>, descending.</summary>
    public void Add(KqlExpression key) => Add(key, KqlSortDirection.Descending);

    /// <summary>Sorts by <paramref name="key"/> in <paramref name="direction"/>, nulls where KQL puts them.</summary>
    public void Add(KqlExpression key, KqlSortDirection direction) => Add(key, direction, KqlNullsOrder.Default);

    /// <summary>Sorts by <paramref name="key"/> in <paramref name="direction"/>, with nulls first or last.</summary>
    public void Add(KqlExpression key, KqlSortDirection direction, KqlNullsOrder nulls)
    {
        _items.Add((key ?? throw new System.ArgumentNullException(nameof(key)), direction, nulls));
    }

    /// <inheritdoc/>
    public IEnumerator<KqlExpression> GetEnumerator()
    {
        foreach (var item in _items)
        {
            yield return item.Key;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
