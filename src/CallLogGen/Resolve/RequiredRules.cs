using System;
using System.Text.RegularExpressions;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>
/// Decides which columns every record must carry, where the schema files do not say it outright.
/// In order: table options' <c>required</c>; the document's Required column; the table's time column
/// (<c>TimeGenerated</c>, which Log Analytics fills for every record); descriptions that say so
/// ("required", "always present", "mandatory", but not "not required"). Everything else is optional:
/// docs pages list what a record may carry, not what each one does.
/// </summary>
internal static class RequiredRules
{
    private static readonly Regex SaysRequired = new(
        @"\b(required|always present|always populated|mandatory)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex SaysNotRequired = new(
        @"\b(not required|optional|if available|if any|if present|when present|may be empty|can be empty)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public const string TimeColumn = "TimeGenerated";

    public static bool IsRequired(string name, KqlType type, Requiredness documented, bool? fromOptions, string description)
    {
        if (fromOptions is { } explicitChoice)
        {
            return explicitChoice;
        }

        switch (documented)
        {
            case Requiredness.Required:
                return true;
            case Requiredness.Optional:
                return false;
        }

        if (type == KqlType.DateTime && string.Equals(name, TimeColumn, StringComparison.Ordinal))
        {
            return true;
        }

        // Most descriptions have none of the words: skip the regular expressions for them (this runs per column on every resolve).
        return MayMentionRequired(description) && SaysRequired.IsMatch(description) && !SaysNotRequired.IsMatch(description);
    }

    private static bool MayMentionRequired(string description) =>
        description.IndexOf("requir", StringComparison.OrdinalIgnoreCase) >= 0
        || description.IndexOf("always", StringComparison.OrdinalIgnoreCase) >= 0
        || description.IndexOf("mandatory", StringComparison.OrdinalIgnoreCase) >= 0;
}
