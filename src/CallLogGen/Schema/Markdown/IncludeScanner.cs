using System;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Finds DocFX include directives, <c>[!INCLUDE [title](path)]</c>, in a stretch of source text (a paragraph,
/// wherever it stands: alone, inside running text, in a list item or a quote). The path is kept as written.
/// </summary>
internal static class IncludeScanner
{
    private const string Marker = "[!INCLUDE";

    /// <summary>
    /// Looks for the next directive in <paramref name="text"/>[<paramref name="from"/>, <paramref name="end"/>).
    /// Returns false when there is none; otherwise its start, length and target.
    /// </summary>
    public static bool TryFindNext(string text, int from, int end, out int start, out int length, out string target)
    {
        start = 0;
        length = 0;
        target = string.Empty;
        while (from < end)
        {
            var at = text.IndexOf(Marker, from, end - from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            if (TryParseAt(text, at, end, out length, out target))
            {
                start = at;
                return true;
            }

            from = at + Marker.Length;
        }

        return false;
    }

    // [!INCLUDE [title](path)] with optional spaces; the title may hold balanced brackets.
    private static bool TryParseAt(string text, int at, int end, out int length, out string target)
    {
        length = 0;
        target = string.Empty;
        var i = SkipSpaces(text, at + Marker.Length, end);
        if (i >= end || text[i] != '[')
        {
            return false;
        }

        var depth = 0;
        for (; i < end; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                break;
            }
        }

        if (i + 1 >= end || text[i + 1] != '(')
        {
            return false;
        }

        i = SkipSpaces(text, i + 2, end);
        int pathStart, pathEnd;
        if (i < end && text[i] == '<')
        {
            pathStart = i + 1;
            pathEnd = text.IndexOf('>', pathStart, end - pathStart);
            if (pathEnd < 0)
            {
                return false;
            }

            i = pathEnd + 1;
        }
        else
        {
            pathStart = i;
            while (i < end && text[i] != ')' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            pathEnd = i;
        }

        // An optional link title ("...") may follow the path.
        while (i < end && text[i] != ')' && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }

        if (i >= end || text[i] != ')')
        {
            return false;
        }

        i = SkipSpaces(text, i + 1, end);
        if (i >= end || text[i] != ']' || pathEnd <= pathStart)
        {
            return false;
        }

        target = text.Substring(pathStart, pathEnd - pathStart);
        length = i + 1 - at;
        return true;
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }
}
