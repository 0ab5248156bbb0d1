using System.Globalization;
using System.Text.RegularExpressions;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using Xunit;

namespace CallLogGen.Tests.Schema.Json;

/// <summary>Checks shared by the JSON reader tests.</summary>
internal static class JsonAssert
{
    /// <summary>Line and column of an offset, counted the slow and obvious way (Roslyn's line breaks, BOM skipped).</summary>
    public static (int Line, int Column) NaiveLineColumn(string text, int offset)
    {
        var line = 0;
        var lineStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = lineStart; i < offset; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    /// <summary>Where the first occurrence of <paramref name="marker"/> stands (zero-based).</summary>
    public static (int Line, int Column) Find(string text, string marker, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{marker}' not found");
        }

        return NaiveLineColumn(text, index);
    }

    /// <summary>
    /// Every diagnostic has a location inside the file whose lines and columns match its offsets, and as many
    /// arguments as its message has placeholders after the location ({0}).
    /// </summary>
    public static void WellFormed(SchemaDocument document, string text)
    {
        foreach (var diagnostic in document.Diagnostics)
        {
            var location = Assert.IsType<SourceSpan>(diagnostic.Location);
            Assert.Equal(document.FilePath, location.FilePath);
            Assert.Equal(document.RelativePath, location.RelativePath);
            Assert.InRange(location.Start, 0, text.Length);
            Assert.InRange(location.Length, 0, text.Length - location.Start);
            var what = $"{diagnostic.Id} {string.Join(" | ", diagnostic.Arguments)} at {location} in {System.Text.Json.JsonSerializer.Serialize(text)}";
            Assert.True(NaiveLineColumn(text, location.Start) == (location.Line, location.Column), what);
            Assert.True(NaiveLineColumn(text, location.Start + location.Length) == (location.EndLine, location.EndColumn), what);

            var format = DiagnosticCatalog.Get(diagnostic.Id).MessageFormat.ToString(CultureInfo.InvariantCulture);
            var placeholders = Regex.Matches(format, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Max();
            Assert.True(placeholders == diagnostic.Arguments.Count, $"{diagnostic.Id} has {diagnostic.Arguments.Count} arguments for {format}");
            _ = string.Format(CultureInfo.InvariantCulture, format, new object[] { location.Display }.Concat(diagnostic.Arguments).ToArray());
        }
    }

    public static string Render(DiagnosticInfo diagnostic)
    {
        var format = DiagnosticCatalog.Get(diagnostic.Id).MessageFormat.ToString(CultureInfo.InvariantCulture);
        return diagnostic.Id + " " + string.Format(CultureInfo.InvariantCulture, format, new object[] { diagnostic.Location!.Value.Display }.Concat(diagnostic.Arguments).ToArray());
    }
}
