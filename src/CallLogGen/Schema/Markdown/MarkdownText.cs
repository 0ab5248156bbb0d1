using System;
using System.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Turns Markdig inlines into plain text: emphasis and links give their text, code spans their content,
/// <c>&lt;br&gt;</c> and line breaks a space, other HTML tags nothing, entities their character.
/// Whitespace runs collapse to one space and the ends are trimmed.
/// </summary>
internal static class MarkdownText
{
    public static string Plain(ContainerInline? inline, StringBuilder buffer)
    {
        buffer.Clear();
        Append(inline, buffer);
        return Collapse(buffer);
    }

    /// <summary>The plain text of a leaf block (a heading, a paragraph).</summary>
    public static string Plain(LeafBlock? block, StringBuilder buffer) => Plain(block?.Inline, buffer);

    /// <summary>The plain text of every paragraph in a container block (a table cell), joined by spaces.</summary>
    public static string Plain(ContainerBlock? container, StringBuilder buffer)
    {
        buffer.Clear();
        AppendBlocks(container, buffer);
        return Collapse(buffer);
    }

    private static void AppendBlocks(ContainerBlock? container, StringBuilder buffer)
    {
        if (container is null)
        {
            return;
        }

        foreach (var block in container)
        {
            if (block is LeafBlock leaf)
            {
                Append(leaf.Inline, buffer);
                buffer.Append(' ');
            }
            else if (block is ContainerBlock inner)
            {
                AppendBlocks(inner, buffer);
            }
        }
    }

    private static void Append(Inline? inline, StringBuilder buffer)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                AppendSlice(buffer, literal.Content);
                return;
            case CodeInline code:
                buffer.Append(code.Content);
                return;
            case AutolinkInline autolink:
                buffer.Append(autolink.Url);
                return;
            case HtmlEntityInline entity:
                AppendSlice(buffer, entity.Transcoded);
                return;
            case HtmlInline html:
                // <br>, <br/>, <br /> separate words; other tags (<sup>, <b>) vanish and leave their text.
                if (IsLineBreakTag(html.Tag))
                {
                    buffer.Append(' ');
                }

                return;
            case LineBreakInline:
                buffer.Append(' ');
                return;
            case ContainerInline container:
                // Emphasis, links (their text, not the URL), images (their alt text), leftover delimiters.
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, buffer);
                }

                return;
        }
    }

    public static bool IsLineBreakTag(string? tag)
    {
        if (tag is null || tag.Length < 4 || tag[0] != '<')
        {
            return false;
        }

        var i = 1;
        if (char.ToLowerInvariant(tag[i]) != 'b' || char.ToLowerInvariant(tag[i + 1]) != 'r')
        {
            return false;
        }

        i += 2;
        return i < tag.Length && (tag[i] == '>' || tag[i] == '/' || char.IsWhiteSpace(tag[i]));
    }

    /// <summary>Collapses whitespace runs to one space and trims; reads and clears the buffer.</summary>
    public static string Collapse(StringBuilder buffer)
    {
        var start = 0;
        var end = buffer.Length;
        while (start < end && char.IsWhiteSpace(buffer[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(buffer[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            buffer.Clear();
            return string.Empty;
        }

        var write = start;
        var pendingSpace = false;
        for (var read = start; read < end; read++)
        {
            var c = buffer[read];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                buffer[write++] = ' ';
                pendingSpace = false;
            }

            buffer[write++] = c;
        }

        var result = buffer.ToString(start, write - start);
        buffer.Clear();
        return result;
    }

    /// <summary>True when the text holds a letter or a digit.</summary>
    public static bool HasLetterOrDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case with everything but letters and digits removed: "**Field Name**" and "field_name" -> "fieldname".</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static bool EqualsIgnoreCase(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Appends the characters a Markdig slice covers, without making a string of them first.</summary>
    public static void AppendSlice(StringBuilder buffer, StringSlice slice)
    {
        if (slice.Text is not null && slice.Length > 0)
        {
            buffer.Append(slice.Text, slice.Start, slice.Length);
        }
    }
}
