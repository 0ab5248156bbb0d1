using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CallLogGen;
using CallLogGen.Json;

namespace CallAutomationInsights;

/// <summary>
/// <c>tables</c>: every generated type, its Log Analytics table, where its columns came from (schema files and lines,
/// the built-in Azure Monitor reference, the standard columns) and the routes whose records land in it. Read from
/// <c>CallLogTables.Json</c>, the list the generator writes; nothing looks through the assembly.
/// </summary>
internal static class TableListing
{
    /// <summary>The source of Azure Monitor standard columns, which have no schema file.</summary>
    public const string StandardColumns = "Azure Monitor standard columns";

    public static void Write(IReadOnlyList<LogRecordJson> tables, TextWriter output)
    {
        foreach (var json in tables)
        {
            var schema = json.Schema;
            output.WriteLine($"{json.RecordType.FullName}  table {schema.TableName}, {schema.Columns.Count} columns");
            output.WriteLine("  from: " + string.Join("; ", Sources(schema)));
            output.WriteLine("  routes: " + (schema.Routes.Count == 0
                ? "none (no diagnostic category: its records come from queries)"
                : string.Join(", ", schema.Routes.Select(r => r.Category + " from " + (r.ResourceType ?? "any resource type")))));
        }
    }

    /// <summary>
    /// Where the columns came from, one entry per source: a schema file with the lines of its column rows, a source
    /// without lines (the built-in Azure Monitor table reference), and the standard columns last.
    /// </summary>
    private static IEnumerable<string> Sources(TableSchema schema)
    {
        var sources = schema.Columns
            .GroupBy(c => c.SourceFile, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0);
        foreach (var source in sources)
        {
            var count = source.Count();
            var columns = count + (count == 1 ? " column" : " columns");
            if (source.Key.Length == 0)
            {
                yield return $"{StandardColumns} ({columns})";
                continue;
            }

            var lines = source.Where(c => c.SourceLine > 0).Select(c => c.SourceLine).ToList();
            yield return lines.Count == 0
                ? $"{source.Key} ({columns})"
                : lines.Min() == lines.Max()
                    ? $"{source.Key} line {Number(lines.Min())} ({columns})"
                    : $"{source.Key} lines {Number(lines.Min())}-{Number(lines.Max())} ({columns})";
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
