using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Lock;

/// <summary>
/// Compares what the build makes with the lock file: each breaking difference (a column removed, retyped or renamed;
/// a locked table no longer generated) is a warning in the schema file, naming the change and how to accept it.
/// Added columns and tables are no news for code that exists, so they pass silently.
/// </summary>
internal static class LockCheck
{
    /// <summary>
    /// One table against its locked record. A retyped or renamed column is reported where the column stands now, a
    /// removed one where the table stands (<paramref name="columnLocation"/> gives a column's place, null for none).
    /// </summary>
    public static void Compare(TableSpec table, LockedTable? locked, Func<string, SourceSpan?> columnLocation, SourceSpan? tableLocation, List<DiagnosticInfo> diagnostics)
    {
        if (locked is null)
        {
            return;
        }

        var changes = SchemaComparison.CompareColumns(
            locked.Columns.Select(ComparedColumn.Of).ToList(),
            table.Columns.Select(ComparedColumn.Of).ToList());
        foreach (var change in changes.Where(c => c.Breaking))
        {
            var at = change.Kind == ChangeKind.Removed ? tableLocation : columnLocation(change.Column!) ?? tableLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.BreakingChangeFromLock, at, table.TableName, change.Describe(), LockFile.FileName));
        }
    }

    /// <summary>The locked tables that no table of the schema files is any more, each reported at its lock entry.</summary>
    public static void ReportGoneTables(LockSnapshot lockFile, IEnumerable<string> tableNames, List<DiagnosticInfo> diagnostics)
    {
        if (lockFile.Tables.IsEmpty)
        {
            return;
        }

        var names = new HashSet<string>(tableNames, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in lockFile.Tables)
        {
            if (!names.Contains(entry.Table.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.LockedTableGone, entry.Location, entry.Table.Name));
            }
        }
    }
}
