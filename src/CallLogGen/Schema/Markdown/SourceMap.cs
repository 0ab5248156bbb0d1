using System.Collections.Generic;
using CallLogGen.Model;

namespace CallLogGen.Schema.Markdown;

/// <summary>
/// Turns offsets into <see cref="SourceSpan"/>s of the original file text. Markdig parses the text without
/// its byte order mark (a leading U+FEFF would hide a heading on the first line), so offsets from Markdig
/// are shifted back by <see cref="Bias"/>. Lines end at LF, CR or CRLF, as CommonMark reads them.
/// Columns count UTF-16 characters (a TAB is one), as Roslyn's <c>LinePosition</c> does; on the first line
/// a byte order mark is not counted, so that the column is the one an editor shows.
/// </summary>
internal sealed class SourceMap
{
    private readonly string _filePath;
    private readonly string _relativePath;
    private readonly string _text;
    private readonly int[] _lineStarts;

    public SourceMap(string filePath, string relativePath, string text)
    {
        _filePath = filePath;
        _relativePath = relativePath;
        _text = text;
        Bias = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>1 when the original text starts with a byte order mark that the parser does not see.</summary>
    public int Bias { get; }

    public string Text => _text;

    /// <summary>A span of <paramref name="length"/> characters at <paramref name="start"/> in the ORIGINAL text.</summary>
    public SourceSpan Span(int start, int length)
    {
        if (start < 0)
        {
            start = 0;
        }

        if (start > _text.Length)
        {
            start = _text.Length;
        }

        if (length < 0 || start + length > _text.Length)
        {
            length = _text.Length - start;
        }

        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(start + length);
        return new SourceSpan(_filePath, _relativePath, start, length, line, column, endLine, endColumn);
    }

    /// <summary>A span given in the parser's offsets (the text without byte order mark).</summary>
    public SourceSpan ParsedSpan(int parsedStart, int length) => Span(parsedStart + Bias, length);

    private (int Line, int Column) Position(int offset)
    {
        var line = UpperBound(offset) - 1;
        var column = offset - _lineStarts[line];
        if (line == 0 && Bias == 1 && column > 0)
        {
            column--;
        }

        return (line, column);
    }

    // Index of the first line start greater than offset.
    private int UpperBound(int offset)
    {
        int lo = 0, hi = _lineStarts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_lineStarts[mid] <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(64) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
