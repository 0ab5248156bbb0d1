using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = CallLogGen.Model.SourceSpan;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Finds the log schema tables in a markdown page (see <see cref="MarkdownTableReader"/> for what a schema table
/// is and how rows are read, <see cref="TableNamer"/> for how tables are named), and the
/// <c>[!INCLUDE [title](path)]</c> directives that bring other files' tables into the page.
/// Tables inside code fences, HTML blocks and YAML front matter are not looked at.
/// Never throws for bad input: an internal failure ends the reading and is reported (CLG1016 for the
/// document), with whatever was read before it.
/// </summary>
internal static class MarkdownSchemaReader
{
    // What a published page gets wrong (a row that is no column, a name twice, a type no KQL type, a table with no
    // column, a runaway line) is the page's quirk, not the user's mistake: Info, so that no docs page fails a build.
    private static readonly HashSet<string> DocsQuirks = new(StringComparer.Ordinal)
    {
        DiagnosticCatalog.UnreadableColumn.Id, DiagnosticCatalog.DuplicateColumn.Id, DiagnosticCatalog.UnknownType.Id,
        DiagnosticCatalog.InvalidName.Id, DiagnosticCatalog.EmptyTable.Id, DiagnosticCatalog.PathologicalLine.Id,
    };

    // Built once; Markdig pipelines are immutable and thread-safe. The permissive (non-GFM) pipe tables keep
    // a code span holding '|' in one cell, as authors mean it.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true })
        .UseYamlFrontMatter()
        .Build();

    public static SchemaDocument Read(SchemaFile file, CancellationToken cancellationToken)
    {
        var filePath = file.FilePath ?? string.Empty;
        var relativePath = file.RelativePath ?? filePath;
        var text = file.Text ?? string.Empty;
        var tables = new List<SourceTable>();
        var includes = new List<IncludeReference>();
        var diagnostics = new List<DiagnosticInfo>();
        SourceMap? map = null;
        try
        {
            map = new SourceMap(filePath, relativePath, text);
            ReadInto(map, FileName(relativePath.Length > 0 ? relativePath : filePath), tables, includes, diagnostics, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The catalogue has no "reader failed" id; CLG1016 ("no column could be read") is the honest
            // nearest for the part of the document that was not read.
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticCatalog.EmptyTable,
                map?.Span(0, 0) ?? SourceSpan.At(filePath, relativePath, 0, 0, 0),
                FileName(relativePath) + " (the markdown reader failed: " + ex.GetType().Name + ")"));
        }

        return new SchemaDocument(
            filePath,
            relativePath,
            SchemaFormat.Markdown,
            tables.ToEquatableArray(),
            includes.ToEquatableArray(),
            EquatableArray<TableOptions>.Empty,
            diagnostics.Select(d => DocsQuirks.Contains(d.Id) ? d.AsInfo() : d).ToEquatableArray());
    }

    private static void ReadInto(
        SourceMap map, string fileName, List<SourceTable> tables, List<IncludeReference> includes,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var parsed = PathologicalLines.Blank(map.Bias == 0 ? map.Text : map.Text.Substring(map.Bias), map, diagnostics);
        var document = Markdig.Markdown.Parse(parsed, Pipeline);
        cancellationToken.ThrowIfCancellationRequested();

        var buffer = new StringBuilder(256);
        var namer = new TableNamer(fileName);
        var evidence = new EvidenceCollector(buffer, fileName);
        var reader = new MarkdownTableReader(map, parsed, buffer, diagnostics);
        var firstTable = tables.Count;
        var firstInclude = includes.Count;

        // Depth-first in document order, with an explicit stack: deeply nested quotes or lists cannot overflow it.
        var stack = new Stack<(ContainerBlock Container, int Next)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (container, next) = stack.Pop();
            if (next >= container.Count)
            {
                continue;
            }

            stack.Push((container, next + 1));
            var block = container[next];
            switch (block)
            {
                case HeadingBlock heading:
                    var headingText = HeadingText(heading, buffer, out var isTab);
                    namer.OnHeading(heading.Level, headingText, isTab);
                    evidence.OnHeading(heading.Level, headingText);
                    break;
                case Table table:
                    cancellationToken.ThrowIfCancellationRequested();
                    ReadTable(table, reader, namer, evidence, buffer, tables, diagnostics, cancellationToken);
                    break;
                case ParagraphBlock paragraph:
                    evidence.OnParagraph(paragraph);
                    FindIncludes(paragraph, parsed, map, namer, evidence, includes);
                    break;
                case YamlFrontMatterBlock frontMatter:
                    evidence.OnFrontMatter(frontMatter);
                    break;
                case CodeBlock code:
                    evidence.OnCode(code);
                    break;
                case HtmlBlock:
                    break;
                case ContainerBlock inner:
                    stack.Push((inner, 0));
                    break;
            }
        }

        // What only the whole page tells (every table it links to) reaches each table and include once the page is read.
        for (var i = firstTable; i < tables.Count; i++)
        {
            tables[i] = tables[i] with { Evidence = evidence.Complete(tables[i].Evidence) };
        }

        for (var i = firstInclude; i < includes.Count; i++)
        {
            includes[i] = includes[i] with { Evidence = evidence.Complete(includes[i].Evidence) };
        }
    }

    private static void ReadTable(
        Table table, MarkdownTableReader reader, TableNamer namer, EvidenceCollector evidence, StringBuilder buffer,
        List<SourceTable> tables, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (!MarkdownTableReader.TryGetLayout(table, buffer, out var layout))
        {
            return;
        }

        var headerAnchor = table.Count > 0 && table[0] is TableRow header && header.Count > 0 ? header[0].Span.Start : table.Span.Start;
        var location = reader.LineSpan(headerAnchor, table.Span.Start);
        var caption = Caption(table, buffer);
        var baseName = namer.BaseName(caption);
        if (layout.NeedsLogContext && !evidence.SpeaksOfLogs(caption))
        {
            // "| Value | Description |" lists values (a dimension's, an enum's) far more often than a log's fields.
            return;
        }

        var foreign = reader.FindForeignType(table, layout);
        if (foreign is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.NotALogSchema, location, baseName, foreign));
            return;
        }

        var name = namer.Reserve(baseName);
        if (reader.Read(table, layout, name, location, cancellationToken) is { } read)
        {
            tables.Add(read with { Evidence = evidence.ForTable(table, caption) });
        }
    }

    private static void FindIncludes(ParagraphBlock paragraph, string parsed, SourceMap map, TableNamer namer, EvidenceCollector evidence, List<IncludeReference> includes)
    {
        var from = Math.Max(0, paragraph.Span.Start);
        var end = Math.Min(parsed.Length, paragraph.Span.End + 1);
        while (from < end && IncludeScanner.TryFindNext(parsed, from, end, out var start, out var length, out var target))
        {
            includes.Add(new IncludeReference(target, namer.Reserve(namer.BaseName(null)), map.ParsedSpan(start, length)) { Evidence = evidence.ForInclude() });
            from = start + length;
        }
    }

    /// <summary>Plain heading text; a tab heading <c>[Vault](#tab/Vault)</c> gives its link text.</summary>
    private static string HeadingText(HeadingBlock heading, StringBuilder buffer, out bool isTab)
    {
        isTab = false;
        LinkInline? only = null;
        var others = false;
        for (var child = heading.Inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LinkInline { IsImage: false } link && only is null)
            {
                only = link;
            }
            else if (child is not LiteralInline literal || !IsBlank(literal))
            {
                others = true;
            }
        }

        if (only is not null && !others && only.Url is { } url && url.StartsWith("#tab/", StringComparison.OrdinalIgnoreCase))
        {
            isTab = true;
        }

        return MarkdownText.Plain(heading.Inline, buffer);
    }

    /// <summary>The text of a bold-only paragraph right before the table (<c>**Azure Diagnostics**</c>), or null.</summary>
    private static string? Caption(Table table, StringBuilder buffer)
    {
        var parent = table.Parent;
        if (parent is null)
        {
            return null;
        }

        var index = parent.IndexOf(table);
        if (index <= 0 || parent[index - 1] is not ParagraphBlock paragraph || paragraph.Inline is null)
        {
            return null;
        }

        EmphasisInline? bold = null;
        for (var child = paragraph.Inline.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is EmphasisInline { DelimiterCount: 2 } emphasis && bold is null)
            {
                bold = emphasis;
            }
            else if (child is not LiteralInline literal || !IsBlankOrColon(literal))
            {
                return null;
            }
        }

        return bold is null ? null : MarkdownText.Plain(bold, buffer);
    }

    private static bool IsBlank(LiteralInline literal)
    {
        var content = literal.Content;
        for (var i = content.Start; i <= content.End; i++)
        {
            if (!char.IsWhiteSpace(content.Text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlankOrColon(LiteralInline literal)
    {
        var content = literal.Content;
        for (var i = content.Start; i <= content.End; i++)
        {
            if (!char.IsWhiteSpace(content.Text[i]) && content.Text[i] != ':')
            {
                return false;
            }
        }

        return true;
    }

    private static string FileName(string path)
    {
        if (path.Length == 0)
        {
            return "schema";
        }

        try
        {
            var name = Path.GetFileNameWithoutExtension(path);
            return name.Length > 0 ? name : "schema";
        }
        catch (ArgumentException)
        {
            return "schema";
        }
    }
}
