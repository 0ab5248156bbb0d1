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

    private static string Key(string name)
    {
        var trimmed = name.Trim();
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
