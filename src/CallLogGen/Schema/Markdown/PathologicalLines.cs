using System.Collections.Generic;
using System.Globalization;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Keeps lines that no schema table has away from Markdig. A line with thousands of <c>|</c> characters
/// after an emphasis makes Markdig's inline parsing quadratic (28,000 pipes: 12 s), which would freeze the
/// IDE on every keystroke. Real rows have a few dozen at most, so such a line is blanked (same length, so
/// every offset after it still holds) and reported instead.
/// </summary>
internal static class PathologicalLines
{
    public const int MaxCellSeparatorsPerLine = 512;

    public static string Blank(string parsed, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        char[]? blanked = null;
        var lineStart = 0;
        var pipes = 0;
        for (var i = 0; i <= parsed.Length; i++)
        {
            var end = i == parsed.Length || parsed[i] == '\n' || parsed[i] == '\r';
            if (!end)
            {
                if (parsed[i] == '|')
                {
                    pipes++;
                }

                continue;
            }

            if (pipes > MaxCellSeparatorsPerLine)
            {
                blanked ??= parsed.ToCharArray();
                for (var j = lineStart; j < i; j++)
                {
                    blanked[j] = ' ';
                }

                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.PathologicalLine,
                    map.ParsedSpan(lineStart, i - lineStart),
                    pipes.ToString(CultureInfo.InvariantCulture),
                    MaxCellSeparatorsPerLine.ToString(CultureInfo.InvariantCulture)));
            }

            lineStart = i + 1;
            pipes = 0;
        }

        return blanked is null ? parsed : new string(blanked);
    }
}
