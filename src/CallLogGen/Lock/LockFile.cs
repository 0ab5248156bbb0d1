using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using CallLogGen.Resolve;
using CallLogGen.Schema.Json;

namespace CallLogGen.Lock;

/// <summary>
/// The lock file, <c>schemas/callloggen.lock.json</c>: every generated table's columns and KQL types as
/// <c>callloggen lock</c> last wrote them. The generator knows it by its name, never reads it as a schema, and
/// compares each table with it (<see cref="LockCheck"/>). The format, written with one column per line so that a
/// review shows what a lock accepted:
/// <code>
/// {
///   "$comment": "...",
///   "callloggenLock": 1,
///   "tables": [
///     {
///       "table": "ACSBillingUsage",
///       "columns": [
///         { "name": "TimeGenerated", "type": "datetime" },
///         ...
/// </code>
/// </summary>
internal static class LockFile
{
    public const string FileName = "callloggen.lock.json";

    /// <summary>The member that tells a lock file from a schema, and the version of its format.</summary>
    public const string VersionProperty = "callloggenLock";

    public const int Version = 1;

    private const string Comment =
        "Written by `callloggen lock`: the columns and types of every table CallLogGen generates. The build compares each table with it and warns at every breaking change; run `callloggen lock` again to accept them.";

    /// <summary>Whether a file is the lock file: by its name, in any folder.</summary>
    public static bool IsLockFile(string path) =>
        Paths.FileName(path).Equals(FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The lock file's tables; a file that is not one (or a part of it that cannot be read) is CLG1034.</summary>
    public static LockSnapshot Read(SchemaFile file, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var tables = new List<LockedTableEntry>();
        void Invalid(JsonTextSpan at, string problem) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidLockFile, at.ToSourceSpan(file), problem));

        var parsed = JsonParser.Parse(file.Text, cancellationToken);
        if (parsed.Root is null)
        {
            Invalid(parsed.Error!.Span, parsed.IsEmpty ? "it is empty" : "it is not valid JSON: " + parsed.Error.Message);
            return new LockSnapshot(EquatableArray<LockedTableEntry>.Empty, diagnostics.ToEquatableArray());
        }

        var root = parsed.Root as JsonObject;
        if (root?.Get(VersionProperty) is not JsonNumber version || root.Get("tables") is not JsonArray list)
        {
            Invalid(JsonSpans.Head(parsed.Root), $"it is not a lock file as `callloggen lock` writes it ({{\"{VersionProperty}\": {Version}, \"tables\": [...]}})");
            return new LockSnapshot(EquatableArray<LockedTableEntry>.Empty, diagnostics.ToEquatableArray());
        }

        if (version.Text != Version.ToString(CultureInfo.InvariantCulture))
        {
            Invalid(version.Span, $"its format version is {version.Text}; this CallLogGen reads version {Version}");
            return new LockSnapshot(EquatableArray<LockedTableEntry>.Empty, diagnostics.ToEquatableArray());
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item is not JsonObject entry || entry.Get("table") is not JsonString { Value.Length: > 0 } name || entry.Get("columns") is not JsonArray columns)
            {
                Invalid(JsonSpans.Head(item), "a table entry needs \"table\" (a name) and \"columns\" (an array); the entry is skipped");
                continue;
            }

            if (!seen.Add(name.Value))
            {
                Invalid(name.Span, $"table '{name.Value}' is locked twice; the second entry is skipped");
                continue;
            }

            var locked = new List<LockedColumn>();
            foreach (var columnNode in columns.Items)
            {
                if (columnNode is JsonObject column && column.Get("name") is JsonString { Value.Length: > 0 } columnName
                    && column.Get("type") is JsonString typeName && KqlTypes.TryParse(typeName.Value, out var type))
                {
                    locked.Add(new LockedColumn(columnName.Value, type));
                }
                else
                {
                    Invalid(JsonSpans.Head(columnNode), $"a column of table '{name.Value}' needs \"name\" and \"type\" (a KQL type); the column is skipped");
                }
            }

            tables.Add(new LockedTableEntry(new LockedTable(name.Value, locked.ToEquatableArray()), name.Span.ToSourceSpan(file)));
        }

        return new LockSnapshot(tables.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Several lock files (there should be one) as one: the first by path locks a table named in more than one.</summary>
    public static LockSnapshot Merge(IEnumerable<LockSnapshot> snapshots)
    {
        var all = snapshots.ToList();
        if (all.Count == 0)
        {
            return LockSnapshot.None;
        }

        if (all.Count == 1)
        {
            return all[0];
        }

        var ordered = all.OrderBy(s => s.Tables.Count == 0 ? string.Empty : s.Tables[0].Location.RelativePath, StringComparer.Ordinal).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tables = ordered.SelectMany(s => s.Tables).Where(t => seen.Add(t.Table.Name)).ToEquatableArray();
        return new LockSnapshot(tables, ordered.SelectMany(s => s.Diagnostics).ToEquatableArray());
    }

    /// <summary>The lock file's text for these tables: sorted by name, columns in table order, <c>\n</c> line ends.</summary>
    public static string Write(IEnumerable<TableSpec> tables)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"$comment\": ").Append(Quote(Comment)).Append(",\n");
        text.Append("  \"").Append(VersionProperty).Append("\": ").Append(Version.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"tables\": [");
        var first = true;
        foreach (var table in tables.OrderBy(t => t.TableName, StringComparer.Ordinal))
        {
            text.Append(first ? "\n" : ",\n");
            first = false;
            text.Append("    {\n");
            text.Append("      \"table\": ").Append(Quote(table.TableName)).Append(",\n");
            text.Append("      \"columns\": [");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                text.Append(i == 0 ? "\n" : ",\n");
                text.Append("        { \"name\": ").Append(Quote(column.Name)).Append(", \"type\": ").Append(Quote(column.Type.ToKqlName())).Append(" }");
            }

            text.Append(table.Columns.Count == 0 ? "]\n" : "\n      ]\n");
            text.Append("    }");
        }

        text.Append(first ? "]\n" : "\n  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
