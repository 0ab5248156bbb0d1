using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CallLogGen.Emit;

/// <summary>C# literals and XML doc text from schema strings, whatever they contain.</summary>
internal static class Literals
{
    public static string String(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Escapes text for an XML doc comment and drops characters XML does not allow.</summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    if (c >= 0x20 || c == '\t' || c == '\n')
                    {
                        builder.Append(c == '\t' ? ' ' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
