using System.Text.Encodings.Web;
using System.Text.Json;
using CallLogGen.Lock;
using CallLogGen.Tool.Cli;

namespace CallLogGen.Tool.Commands;

/// <summary>Writes what <see cref="SchemaComparison"/> found, as text for people, markdown for a pull request, or JSON for scripts.</summary>
internal static class DiffReport
{
    public const string FormatOption = "--format";

    public static readonly string[] Formats = { "text", "markdown", "json" };

    /// <summary>The format the option names; text by default.</summary>
    public static string ParseFormat(Arguments arguments)
    {
        var format = arguments.Value(FormatOption, "text")!;
        return Formats.Contains(format, StringComparer.Ordinal)
            ? format
            : throw new ToolException($"--format '{format}' is none of {string.Join(", ", Formats)}");
    }

    /// <summary>Writes the changes; returns the exit code: 1 when one of them breaks, else 0.</summary>
    public static int Write(TextWriter output, IReadOnlyList<TableChanges> tables, string format)
    {
        switch (format)
        {
            case "json": WriteJson(output, tables); break;
            case "markdown": WriteMarkdown(output, tables); break;
            default: WriteText(output, tables); break;
        }

        return tables.Any(t => t.IsBreaking) ? ExitCodes.Breaking : ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<TableChanges> tables)
    {
        if (tables.Count == 0)
        {
            output.WriteLine("No changes.");
            return;
        }

        foreach (var table in tables)
        {
            output.WriteLine(table.Table);
            foreach (var change in table.Changes)
            {
                output.WriteLine("  " + (change.Breaking ? "! " : "+ ") + change.Describe() + (change.Breaking ? " (breaking)" : string.Empty));
            }
        }

        output.WriteLine(Summary(tables));
    }

    private static void WriteMarkdown(TextWriter output, IReadOnlyList<TableChanges> tables)
    {
        output.WriteLine("### Schema changes");
        output.WriteLine();
        if (tables.Count == 0)
        {
            output.WriteLine("No changes.");
            return;
        }

        output.WriteLine("| Table | Change | Column | From | To | Breaking |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var table in tables)
        {
            foreach (var change in table.Changes)
            {
                output.WriteLine($"| `{Cell(table.Table)}` | {change.KindName} | {Code(change.Column)} | {Code(change.From)} | {Code(change.To)} | {(change.Breaking ? "**yes**" : "no")} |");
            }
        }

        output.WriteLine();
        output.WriteLine(Summary(tables));
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<TableChanges> tables)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tables");
            foreach (var table in tables)
            {
                writer.WriteStartObject();
                writer.WriteString("table", table.Table);
                writer.WriteStartArray("changes");
                foreach (var change in table.Changes)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", change.KindName);
                    writer.WriteString("column", change.Column);
                    writer.WriteString("from", change.From);
                    writer.WriteString("to", change.To);
                    writer.WriteBoolean("breaking", change.Breaking);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string Summary(IReadOnlyList<TableChanges> tables)
    {
        var breaking = tables.Sum(t => t.Changes.Count(c => c.Breaking));
        return $"{tables.Count} table{(tables.Count == 1 ? string.Empty : "s")} changed; {(breaking == 0 ? "nothing breaks" : breaking + " breaking change" + (breaking == 1 ? string.Empty : "s"))}.";
    }

    private static string Code(string? text) => text is null ? string.Empty : "`" + Cell(text) + "`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
