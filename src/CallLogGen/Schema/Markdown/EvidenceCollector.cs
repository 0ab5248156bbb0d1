using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CallLogGen.Model;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Gathers, while the reader walks a page in order, what the page says near each table about which real table it is
/// (<see cref="TableEvidence"/>): the front matter's <c>ms.custom</c>, the heading path, the words and links of the
/// table's section (from its heading to the table), and the categories of the section's example records. It keeps
/// words, not meanings: the matcher knows the Azure Monitor reference, the reader does not.
/// </summary>
internal sealed class EvidenceCollector
{
    // A page's words: enough to name any table near it, and a bound on what one table's evidence holds.
    private const int MaxWords = 256;

    private static readonly Regex Word = new(@"[A-Za-z_][A-Za-z0-9_]{2,}", RegexOptions.CultureInvariant);

    private static readonly Regex QuotedWord = new("[\"\u201C]([A-Z][A-Za-z0-9]{3,60})[\"\u201D]", RegexOptions.CultureInvariant);

    private static readonly Regex CategoryValue = new("\"category\"\\s*:\\s*\"([^\"]{1,100})\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string TableReference = "/reference/tables/";

    private readonly List<string> _frontMatter = new();
    private readonly List<(int Level, string Text)> _headings = new();
    private readonly List<string> _sectionWords = new();
    private readonly List<string> _sectionLinks = new();
    private readonly List<string> _sectionCategories = new();
    private readonly List<string> _pageLinks = new();
    private readonly List<string> _pageWords = new();
    private readonly StringBuilder _buffer;
    private bool _firstHeadingSeen;

    public EvidenceCollector(StringBuilder buffer, string fileName)
    {
        _buffer = buffer;
        AddWords(fileName.Replace('-', ' ').Replace('_', ' '), _pageWords);
    }

    public void OnFrontMatter(YamlFrontMatterBlock block)
    {
        foreach (var line in block.Lines.Lines)
        {
            var text = line.Slice.ToString().Trim();
            if (text.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                AddWords(text.Substring("title:".Length), _pageWords);
            }

            if (text.StartsWith("ms.custom:", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in text.Substring("ms.custom:".Length).Split(','))
                {
                    var trimmed = value.Trim().Trim('"', '\'', '[', ']').Trim();
                    if (trimmed.Length > 0)
                    {
                        _frontMatter.Add(trimmed);
                    }
                }
            }
        }
    }

    public void OnHeading(int level, string text)
    {
        if (!_firstHeadingSeen)
        {
            _firstHeadingSeen = true;
            AddWords(text, _pageWords);
        }

        while (_headings.Count > 0 && _headings[_headings.Count - 1].Level >= level)
        {
            _headings.RemoveAt(_headings.Count - 1);
        }

        _headings.Add((level, text));
        _sectionWords.Clear();
        _sectionLinks.Clear();
        _sectionCategories.Clear();
    }

    public void OnParagraph(ParagraphBlock paragraph)
    {
        AddWords(MarkdownText.Plain(paragraph.Inline, _buffer), _sectionWords);
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = Next(inline))
        {
            if (inline is LinkInline { IsImage: false, Url: { } url } && LinkedTable(url) is { } table)
            {
                AddDistinct(_sectionLinks, table);
                AddDistinct(_pageLinks, table);
            }
        }
    }

    public void OnCode(CodeBlock code)
    {
        foreach (var line in code.Lines.Lines)
        {
            var text = line.Slice.ToString();
            if (text.IndexOf("category", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            foreach (Match match in CategoryValue.Matches(text))
            {
                AddDistinct(_sectionCategories, match.Groups[1].Value.Trim());
            }
        }
    }

    /// <summary>The evidence for a table here (its caption, its header cells after the first); page-wide links are added by <see cref="Complete"/>.</summary>
    public TableEvidence ForTable(Table table, string? caption)
    {
        var words = new List<string>(_sectionWords);
        var categories = new List<string>(_sectionCategories);
        for (var r = 0; r < table.Count; r++)
        {
            if (table[r] is not TableRow row)
            {
                continue;
            }

            for (var i = r == 0 ? 1 : 0; i < row.Count; i++)
            {
                if (row[i] is not TableCell cell)
                {
                    continue;
                }

                var text = MarkdownText.Plain(cell, _buffer);
                if (r == 0)
                {
                    // Header cells beyond the first may name the table ("Supported in AZMSArchiveLogs").
                    AddWords(text, words);
                }
                else
                {
                    // Quoted example values in cells may be categories ("DeliveryFailures" or "PublishFailures").
                    foreach (Match quoted in QuotedWord.Matches(text))
                    {
                        if (categories.Count < MaxWords)
                        {
                            AddDistinct(categories, quoted.Groups[1].Value);
                        }
                    }
                }
            }
        }

        var headings = new List<string>();
        if (caption is { Length: > 0 })
        {
            headings.Add(caption);
        }

        for (var i = _headings.Count - 1; i >= 0; i--)
        {
            headings.Add(_headings[i].Text);
            AddWords(_headings[i].Text, words);
        }

        if (caption is { Length: > 0 })
        {
            AddWords(caption, words);
        }

        return new TableEvidence(
            _frontMatter.ToEquatableArray(),
            headings.ToEquatableArray(),
            words.ToEquatableArray(),
            _sectionLinks.ToEquatableArray(),
            EquatableArray<string>.Empty,
            categories.ToEquatableArray(),
            _pageWords.ToEquatableArray());
    }

    /// <summary>
    /// Whether the section (its headings, its text, a caption) says it documents a log ("log", "logs", "logged") and not
    /// values ("values", "dimension"): what a table whose first header value lists share needs to be read as a schema.
    /// </summary>
    public bool SpeaksOfLogs(string? caption)
    {
        var log = false;
        foreach (var word in _sectionWords.Concat(_headings.Select(h => h.Text)).Concat(caption is null ? Array.Empty<string>() : new[] { caption }))
        {
            foreach (var part in word.Split(' '))
            {
                var lower = part.ToLowerInvariant();
                if (lower is "values" or "dimension" or "dimensions")
                {
                    return false;
                }

                log |= lower is "log" or "logs" or "logged";
            }
        }

        return log;
    }

    /// <summary>The context at an include line, which the included file's tables take.</summary>
    public TableEvidence ForInclude()
    {
        var headings = new List<string>();
        var words = new List<string>(_sectionWords);
        for (var i = _headings.Count - 1; i >= 0; i--)
        {
            headings.Add(_headings[i].Text);
            AddWords(_headings[i].Text, words);
        }

        return new TableEvidence(
            _frontMatter.ToEquatableArray(), headings.ToEquatableArray(), words.ToEquatableArray(),
            _sectionLinks.ToEquatableArray(), EquatableArray<string>.Empty, _sectionCategories.ToEquatableArray(), _pageWords.ToEquatableArray());
    }

    /// <summary>The evidence with what is known only once the whole page is read: every table the page links to.</summary>
    public TableEvidence Complete(TableEvidence evidence) =>
        _pageLinks.Count == 0 ? evidence : evidence with { PageLinkedTables = _pageLinks.ToEquatableArray() };

    /// <summary>The table a link to the Azure Monitor table reference names (<c>.../reference/tables/agwaccesslogs#columns</c>), or null.</summary>
    private static string? LinkedTable(string url)
    {
        var at = url.IndexOf(TableReference, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var name = url.Substring(at + TableReference.Length);
        var end = name.IndexOfAny(new[] { '#', '?', '/', ')' });
        name = end < 0 ? name : name.Substring(0, end);
        return name.Length == 0 ? null : name;
    }

    private static Inline? Next(Inline inline)
    {
        // Depth first: links sit inside emphasis and other containers.
        if (inline is ContainerInline { FirstChild: { } child })
        {
            return child;
        }

        for (var current = inline; current is not null; current = current.Parent)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    private static void AddWords(string text, List<string> into)
    {
        foreach (Match match in Word.Matches(text))
        {
            if (into.Count >= MaxWords)
            {
                return;
            }

            AddDistinct(into, match.Value);
        }
    }

    private static void AddDistinct(List<string> into, string value)
    {
        if (!into.Contains(value))
        {
            into.Add(value);
        }
    }
}
