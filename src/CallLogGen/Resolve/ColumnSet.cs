using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>The columns of a table being built, in order, refusing a second column of the same name.</summary>
internal sealed class ColumnSet
{
    private readonly List<WorkColumn> _items = new();
    private readonly string _tableName;
    private readonly List<DiagnosticInfo> _diagnostics;

    public ColumnSet(string tableName, List<DiagnosticInfo> diagnostics)
    {
        _tableName = tableName;
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<WorkColumn> Items => _items;

    public void Add(WorkColumn column)
    {
        if (FindExact(column.Name) is { } existing)
        {
            var where = existing.Location?.Display ?? "a standard column";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateColumn, column.Location ?? column.OptionsLocation, _tableName, column.Name, where));
            return;
        }

        _items.Add(column);
    }

    public void Remove(WorkColumn column) => _items.Remove(column);

    /// <summary>Puts the columns in the order of <paramref name="rank"/> (given each column and its position now); a stable sort.</summary>
    public void Order(Func<WorkColumn, int, int> rank)
    {
        var ranked = _items.Select((column, index) => (Column: column, Rank: rank(column, index), Index: index))
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.Index)
            .Select(c => c.Column)
            .ToList();
        _items.Clear();
        _items.AddRange(ranked);
    }

    public WorkColumn? FindExact(string name)
    {
        foreach (var column in _items)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The column of that name, or else the one whose name differs only in case, spaces or punctuation.</summary>
    public WorkColumn? Find(string name)
    {
        if (FindExact(name) is { } exact)
        {
            return exact;
        }

        foreach (var column in _items)
        {
            if (ColumnNames.Same(column.Name, name))
            {
                return column;
            }
        }

        return null;
    }
}
