using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Model;
using CallLogGen.Resolve;

namespace CallLogGen.Lock;

/// <summary>What changed about a column (or, where <see cref="SchemaChange.Column"/> is null, about the table itself).</summary>
internal enum ChangeKind
{
    Added,
    Removed,
    Retyped,
    Renamed,
    Required,
}

/// <summary>
/// One change between two versions of a table. <see cref="Column"/> names the column as it is now (as it was, for a
/// removed one), or is null for a change to the table itself (added, removed, renamed). <see cref="From"/> and
/// <see cref="To"/> are what changed: the types of a retyped column, the old and new names of a renamed column or
/// table, <c>required</c>/<c>optional</c>, the type of an added (removed) column in <see cref="To"/>
/// (<see cref="From"/>). <see cref="Breaking"/>: code that reads or queries the table breaks.
/// </summary>
internal sealed record SchemaChange(ChangeKind Kind, string? Column, string? From, string? To, bool Breaking)
{
    /// <summary>The kind as the tool's outputs spell it: <c>added</c>, <c>removed</c>, <c>retyped</c>, <c>renamed</c>, <c>required</c>.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>One line for people: <c>column 'SourcePort' retyped from int to string</c>.</summary>
    public string Describe()
    {
        if (Column is null)
        {
            return Kind switch
            {
                ChangeKind.Added => "table added",
                ChangeKind.Removed => "table removed",
                _ => $"table renamed from '{From}' to '{To}'",
            };
        }

        return Kind switch
        {
            ChangeKind.Added => $"column '{Column}' ({To}) added",
            ChangeKind.Removed => $"column '{Column}' ({From}) removed",
            ChangeKind.Retyped => $"column '{Column}' retyped from {From} to {To}",
            ChangeKind.Renamed => $"column '{From}' renamed to '{To}'",
            _ => $"column '{Column}' changed from {From} to {To}",
        };
    }
}

/// <summary>The changes to one table; <see cref="Table"/> is its name now (as it was, for a removed table).</summary>
internal sealed record TableChanges(string Table, IReadOnlyList<SchemaChange> Changes)
{
    public bool IsBreaking => Changes.Any(c => c.Breaking);
}

/// <summary>A column as the comparison sees it. <see cref="IsRequired"/> is null where it is not known (the lock does not record it).</summary>
internal readonly record struct ComparedColumn(string Name, KqlType Type, bool? IsRequired)
{
    public static ComparedColumn Of(ColumnSpec column) => new(column.Name, column.Type, column.IsRequired);

    public static ComparedColumn Of(LockedColumn column) => new(column.Name, column.Type, null);
}

/// <summary>
/// The rules for what changed between two versions of the schema, and what breaks: the lock check of the build and
/// <c>callloggen diff</c> both use these. Columns match by exact name (KQL names are case-sensitive). An unmatched
/// old column and an unmatched new one of the same type whose names fold alike (<see cref="ColumnNames.Same"/>:
/// case, spaces and punctuation aside) are a rename. Removed, retyped and renamed columns break readers and queries;
/// an added column does not. A column that became required breaks (records without it are refused, creations must
/// set it); one that became optional breaks where its property's type changes (<c>int</c> to <c>int?</c>).
/// Tables match by name (exact, then any case); an unmatched old table and an unmatched new one are a rename when
/// their names fold alike or their columns are the same (names and types).
/// </summary>
internal static class SchemaComparison
{
    public static List<SchemaChange> CompareColumns(IReadOnlyList<ComparedColumn> before, IReadOnlyList<ComparedColumn> after)
    {
        var oldByName = new Dictionary<string, ComparedColumn>(StringComparer.Ordinal);
        foreach (var column in before)
        {
            if (!oldByName.ContainsKey(column.Name))
            {
                oldByName.Add(column.Name, column);
            }
        }

        var newNames = new HashSet<string>(after.Select(c => c.Name), StringComparer.Ordinal);
        var removed = before.Where(c => !newNames.Contains(c.Name)).ToList();
        var changes = new List<SchemaChange>();
        foreach (var column in after)
        {
            if (oldByName.TryGetValue(column.Name, out var old))
            {
                if (old.Type != column.Type)
                {
                    changes.Add(new SchemaChange(ChangeKind.Retyped, column.Name, old.Type.ToKqlName(), column.Type.ToKqlName(), Breaking: true));
                }
                else if (old.IsRequired is { } wasRequired && column.IsRequired is { } isRequired && wasRequired != isRequired)
                {
                    changes.Add(new SchemaChange(ChangeKind.Required, column.Name, RequiredName(wasRequired), RequiredName(isRequired),
                        Breaking: isRequired || KqlTypes.Of(column.Type).IsValueType));
                }

                continue;
            }

            var renamedFrom = removed.FindIndex(r => r.Type == column.Type && ColumnNames.Same(r.Name, column.Name));
            if (renamedFrom >= 0)
            {
                changes.Add(new SchemaChange(ChangeKind.Renamed, column.Name, removed[renamedFrom].Name, column.Name, Breaking: true));
                removed.RemoveAt(renamedFrom);
                continue;
            }

            changes.Add(new SchemaChange(ChangeKind.Added, column.Name, null, column.Type.ToKqlName(), Breaking: false));
        }

        changes.AddRange(removed.Select(r => new SchemaChange(ChangeKind.Removed, r.Name, r.Type.ToKqlName(), null, Breaking: true)));
        return changes;
    }

    /// <summary>Every table that changed, in the order of <paramref name="after"/> and then the removed ones.</summary>
    public static List<TableChanges> CompareTables(IReadOnlyList<TableSpec> before, IReadOnlyList<TableSpec> after)
    {
        var unmatchedOld = before.ToList();
        var pairs = new List<(TableSpec? Old, TableSpec New)>();
        foreach (var table in after)
        {
            var match = unmatchedOld.FindIndex(t => t.TableName == table.TableName);
            if (match < 0)
            {
                match = unmatchedOld.FindIndex(t => string.Equals(t.TableName, table.TableName, StringComparison.OrdinalIgnoreCase));
            }

            pairs.Add((match < 0 ? null : unmatchedOld[match], table));
            if (match >= 0)
            {
                unmatchedOld.RemoveAt(match);
            }
        }

        // A new table that matched no name may be an old one renamed.
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Old is not null)
            {
                continue;
            }

            var table = pairs[i].New;
            var renamed = unmatchedOld.FindIndex(t => ColumnNames.Same(t.TableName, table.TableName));
            if (renamed < 0)
            {
                renamed = unmatchedOld.FindIndex(t => SameColumns(t, table));
            }

            if (renamed >= 0)
            {
                pairs[i] = (unmatchedOld[renamed], table);
                unmatchedOld.RemoveAt(renamed);
            }
        }

        var result = new List<TableChanges>();
        foreach (var (old, table) in pairs)
        {
            if (old is null)
            {
                result.Add(new TableChanges(table.TableName, new[] { new SchemaChange(ChangeKind.Added, null, null, table.TableName, Breaking: false) }));
                continue;
            }

            var changes = new List<SchemaChange>();
            if (old.TableName != table.TableName)
            {
                changes.Add(new SchemaChange(ChangeKind.Renamed, null, old.TableName, table.TableName, Breaking: true));
            }

            changes.AddRange(CompareColumns(Columns(old), Columns(table)));
            if (changes.Count > 0)
            {
                result.Add(new TableChanges(table.TableName, changes));
            }
        }

        result.AddRange(unmatchedOld.Select(t => new TableChanges(t.TableName, new[] { new SchemaChange(ChangeKind.Removed, null, t.TableName, null, Breaking: true) })));
        return result;
    }

    private static List<ComparedColumn> Columns(TableSpec table) => table.Columns.Select(ComparedColumn.Of).ToList();

    private static bool SameColumns(TableSpec left, TableSpec right) =>
        left.Columns.Count == right.Columns.Count
        && new HashSet<(string, KqlType)>(left.Columns.Select(c => (c.Name, c.Type))).SetEquals(right.Columns.Select(c => (c.Name, c.Type)));

    private static string RequiredName(bool required) => required ? "required" : "optional";
}
