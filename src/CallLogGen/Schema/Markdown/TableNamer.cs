using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Names the tables (and include references) of one page after the headings above them.
/// <list type="bullet">
/// <item>A table is named after the nearest heading above it, as plain text: <c>## `Foo` logs</c> gives
/// "Foo logs", the tab heading <c># [Vault](#tab/Vault)</c> gives "Vault".</item>
/// <item>A bold-only paragraph right before a table (<c>**Azure Diagnostics**</c>) is a caption and names it,
/// as pages use such lines as the last-level heading.</item>
/// <item>A generic heading ("Columns", "Schema", "Fields", "Properties", "Log schema"... see
/// <see cref="IsGeneric"/>) says nothing about which table it is: it defers to its parent heading, so
/// <c># AzureDiagnostics / ## Columns</c> names the table "AzureDiagnostics". When every heading above is generic,
/// or there is no heading at all (an include file), the file name without extension names the table.</item>
/// <item>Names are unique within the file, compared ignoring case: a second table under one heading is
/// "Heading 2", then "Heading 3". Include references take part: they reserve the name a table at their place
/// would get.</item>
/// <item>Tab headings (<c># [Title](#tab/id)</c>, DocFX tab groups) are written as level 1 whatever their depth;
/// they are taken as one level below the last ordinary heading, so that a tab does not end its section.</item>
/// </list>
/// </summary>
internal sealed class TableNamer
{
    private static readonly HashSet<string> GenericHeadings = new(StringComparer.Ordinal)
    {
        "column", "columns", "field", "fields", "property", "properties", "attribute", "attributes",
        "schema", "schemas", "log schema", "logs schema", "log schemas", "table schema", "data schema",
        "record schema", "event schema", "schema reference", "schema definition", "schema details",
        "table columns", "column reference", "columns reference", "field reference", "fields reference",
        "column definitions", "field definitions", "column descriptions", "field descriptions",
        "log fields", "log columns", "log properties", "reference", "table", "table reference",
    };

    private readonly List<(int Level, string Text, bool Generic)> _headings = new();
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _fileName;
    private int _lastOrdinaryLevel;

    public TableNamer(string fileName) => _fileName = fileName;

    public void OnHeading(int level, string text, bool isTab)
    {
        if (isTab)
        {
            level = _lastOrdinaryLevel + 1;
        }
        else
        {
            _lastOrdinaryLevel = level;
        }

        while (_headings.Count > 0 && _headings[_headings.Count - 1].Level >= level)
        {
            _headings.RemoveAt(_headings.Count - 1);
        }

        _headings.Add((level, text, text.Length == 0 || IsGeneric(text)));
    }

    /// <summary>The name a table here would get before it is made unique.</summary>
    public string BaseName(string? caption)
    {
        if (caption is { Length: > 0 } && !IsGeneric(caption))
        {
            return caption;
        }

        for (var i = _headings.Count - 1; i >= 0; i--)
        {
            if (!_headings[i].Generic)
            {
                return _headings[i].Text;
            }
        }

        return _fileName;
    }

    /// <summary>Makes <paramref name="baseName"/> unique in the file and claims it.</summary>
    public string Reserve(string baseName)
    {
        if (_used.Add(baseName))
        {
            return baseName;
        }

        for (var n = 2; ; n++)
        {
            var candidate = baseName + " " + n.ToString(CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// A heading that names no table: its words, lower case and without punctuation, are one of a fixed list
    /// of generic schema words ("Columns", "Log schema", "Fields:", "Table columns"...).
    /// </summary>
    public static bool IsGeneric(string heading)
    {
        var builder = new System.Text.StringBuilder(heading.Length);
        var space = false;
        foreach (var c in heading)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return GenericHeadings.Contains(builder.ToString());
    }
}
