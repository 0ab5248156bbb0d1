// TEMPORARY SHIM: replaced by the kql-literals branch. Not to be committed.
#pragma warning disable CS1591
using System;
using System.Globalization;
using System.Text;
namespace CallLogGen.Kql;
public static class KqlLiteral
{
    public static string Render(string value) { var b = new StringBuilder(); Append(b, value); return b.ToString(); }
    public static void Append(StringBuilder b, string value) { b.Append('\''); foreach (var c in value) { if (c == '\'' || c == '\\') b.Append('\\'); b.Append(c); } b.Append('\''); }
    public static string Render(bool v) => v ? "true" : "false";
    public static string Render(int v) => "int(" + v.ToString(CultureInfo.InvariantCulture) + ")";
    public static string Render(long v) => "long(" + v.ToString(CultureInfo.InvariantCulture) + ")";
    public static string Render(double v) => "real(" + v.ToString("R", CultureInfo.InvariantCulture) + ")";
    public static string Render(decimal v) => "decimal(" + v.ToString(CultureInfo.InvariantCulture) + ")";
    public static string Render(DateTimeOffset v) => "datetime(" + v.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + ")";
    public static string Render(TimeSpan v) => "time(" + v.ToString("c", CultureInfo.InvariantCulture) + ")";
    public static string Render(Guid v) => "guid(" + v.ToString("D") + ")";
}
