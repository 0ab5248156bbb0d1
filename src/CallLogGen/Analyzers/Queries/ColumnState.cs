using System.Collections.Generic;

namespace CallLogGen.Analyzers.Queries;

/// <summary>A column a query returns: its KQL name, its KQL type (null when not known), and the operator that made it (null: the table).</summary>
internal sealed class ResultColumn
{
    public ResultColumn(string name, string? type, string? setBy)
    {
        Name = name;
        Type = type;
        SetBy = setBy;
    }

    public string Name { get; }

    public string? Type { get; }

    public string? SetBy { get; }

    public ResultColumn WithSetBy(string op) => new(Name, Type, op);
}

/// <summary>
/// The columns a query has at one point of its chain, by KQL name, and which operator dropped each column it had before.
/// Never changed once made: an operator that changes the columns makes a new state.
/// </summary>
internal sealed class ColumnState
{
    private static readonly Dictionary<string, string> NoneDropped = new(System.StringComparer.Ordinal);

    private readonly Dictionary<string, string> _droppedBy;

    private ColumnState(IReadOnlyDictionary<string, ResultColumn> columns, Dictionary<string, string> droppedBy)
    {
        Columns = columns;
        _droppedBy = droppedBy;
    }

    /// <summary>The columns, by KQL name.</summary>
    public IReadOnlyDictionary<string, ResultColumn> Columns { get; }

    /// <summary>Whether some operator before dropped a column (until one does, nothing read can be missing).</summary>
    public bool HasDropped => _droppedBy.Count > 0;

    /// <summary>A table's columns, untouched.</summary>
    public static ColumnState Of(IReadOnlyDictionary<string, ResultColumn> table) => new(table, NoneDropped);

    /// <summary>The operator that dropped <paramref name="kqlName"/>, where the query had it and does not any more; else null.</summary>
    public string? DroppedBy(string kqlName) => _droppedBy.TryGetValue(kqlName, out var op) ? op : null;

    /// <summary>The state after <paramref name="op"/> leaves the query with <paramref name="after"/>: what was there and is not any more was dropped by it.</summary>
    public ColumnState Then(IEnumerable<ResultColumn> after, string op)
    {
        var next = new Dictionary<string, ResultColumn>(System.StringComparer.Ordinal);
        foreach (var column in after)
        {
            next[column.Name] = column;
        }

        var dropped = new Dictionary<string, string>(_droppedBy, System.StringComparer.Ordinal);
        foreach (var column in Columns.Keys)
        {
            if (!next.ContainsKey(column))
            {
                dropped[column] = op;
            }
        }

        foreach (var column in next.Keys)
        {
            dropped.Remove(column);
        }

        return new ColumnState(next, dropped);
    }
}
