using System.Text;

namespace CallLogGen.Emit;

/// <summary>C# literals and XML doc text from schema strings, whatever they contain.</summary>
internal static class Literals
{
    /// <summary>A C# string literal of <paramref name="value"/>, or <c>null</c>.</summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    // Control characters, line separators and lone surrogates would break or change the line; escape them.
                    if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

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
