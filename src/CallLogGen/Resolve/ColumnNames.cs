using System;
using System.Text;

namespace CallLogGen.Resolve;

/// <summary>
/// When a docs page and a table name one column: pages write names for people (<c>Correlation ID</c>,
/// <c>SDKVersion</c>), tables for KQL (<c>CorrelationId</c>, <c>SdkVersion</c>). Case, spaces and
/// punctuation do not count; leading underscores do (<c>_ResourceId</c> is not <c>ResourceId</c>).
/// </summary>
internal static class ColumnNames
{
    public static bool Same(string left, string right) =>
        string.Equals(Key(left), Key(right), StringComparison.Ordinal);

    /// <summary>
    /// The name of a column the table lacks under the page's name, where the page writes the export record's name for
    /// it: <c>time</c> or <c>Timestamp</c> for <c>TimeGenerated</c>, <c>resourceId</c> for <c>_ResourceId</c>. By key; null where there is none.
    /// </summary>
    public static string? ExportAlias(string key) => key switch
    {
        "time" or "timestamp" or "timeutc" or "eventtime" => "timegenerated",
        "resourceid" => "_resourceid",
        _ => null,
    };

    /// <summary>The name as compared: lower-case letters and digits, leading underscores kept, a unit in brackets at the end dropped (<c>Time Generated (UTC)</c>).</summary>
    public static string Key(string name)
    {
        var trimmed = name.Trim();
        var bracket = trimmed.Length > 0 && trimmed[trimmed.Length - 1] is ')' or ']' ? trimmed.LastIndexOfAny(new[] { '(', '[' }) : -1;
        if (bracket > 0)
        {
            trimmed = trimmed.Substring(0, bracket).Trim();
        }

        var builder = new StringBuilder(trimmed.Length);
        var i = 0;
        for (; i < trimmed.Length && trimmed[i] == '_'; i++)
        {
            builder.Append('_');
        }

        for (; i < trimmed.Length; i++)
        {
            if (char.IsLetterOrDigit(trimmed[i]))
            {
                builder.Append(char.ToLowerInvariant(trimmed[i]));
            }
        }

        return builder.ToString();
    }
}
