using System.Text;

namespace CallLogGen;

/// <summary>Writes table and column names so that KQL reads them as names, whatever they contain.</summary>
public static class KqlNames
{
    // Identifiers that KQL reserves as keywords; a column of such a name must be bracketed.
    private static readonly string[] Keywords =
    {
        "and", "or", "not", "by", "on", "with", "in", "has", "contains", "between", "true", "false",
        "let", "where", "project", "extend", "summarize", "join", "union", "take", "limit", "sort", "order",
        "top", "count", "distinct", "as", "of", "to", "step", "from", "asc", "desc", "kind", "range", "print",
        "datatable", "materialize", "toscalar", "typeof", "null", "set", "declare", "alias", "pattern", "restrict",
    };

    /// <summary>
    /// Returns <paramref name="name"/> as is when it is a plain identifier, else bracketed and quoted:
    /// <c>['Operation Name']</c>.
    /// </summary>
    public static string Bracket(string name)
    {
        if (IsPlainIdentifier(name))
        {
            return name;
        }

        var builder = new StringBuilder("['");
        foreach (var c in name)
        {
            switch (c)
            {
                case '\'': builder.Append("\\'"); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
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

        return builder.Append("']").ToString();
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        foreach (var keyword in Keywords)
        {
            if (keyword == name)
            {
                return false;
            }
        }

        return true;
    }
}
