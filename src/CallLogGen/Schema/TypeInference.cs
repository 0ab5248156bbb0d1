using System;
using CallLogGen.Model;

namespace CallLogGen.Schema;

/// <summary>A type guessed for a column the document gives no type, and the rule that gave it (for CLG1010).</summary>
internal readonly record struct InferredType(KqlType Type, string Rule);

/// <summary>
/// Guesses the KQL type of a column from its name and description, for documents that give no type.
/// The first rule that matches wins:
/// <list type="number">
/// <item>The description says how it is stored: "stored as string", "in the string format" give string;
/// "stored as dynamic", "dynamic column" give dynamic.</item>
/// <item>Log Analytics type suffixes (AzureDiagnostics, custom logs): <c>_s</c> string, <c>_d</c> real,
/// <c>_g</c> guid, <c>_b</c> bool, <c>_t</c> datetime.</item>
/// <item>Bags of properties: the names Properties, AdditionalFields, AdditionalProperties, CustomDimensions, or
/// a description that speaks of JSON, a property bag, a dictionary, key/value pairs, "a list of" or "an array
/// of" give dynamic; so does a name ending in Detail/Details whose description speaks of "information".</item>
/// <item>Points in time: TimeGenerated, time, timestamp, and names ending in Time, Timestamp, Date, DateTime,
/// TimeUtc or On-with-a-date-description (but not durations: "in milliseconds", "seconds") give datetime.</item>
/// <item>Flags: names Is…, Has…, Can…, Was…, Should… (a capital letter or '_' after the prefix, an optional leading
/// '_'), or a description starting "Whether", "Indicates whether/if", "Specifies whether", "True if" give bool.</item>
/// <item>Identifiers: a name ending in Id/ID/Guid whose description says GUID (and not "string") gives guid.</item>
/// <item>Numbers. Log Analytics stores sizes, counts and durations as long and billing quantities as real:
/// names with "Billed" (the standard _BilledSize) and Quantity give real; names ending in Ms, Milliseconds,
/// Duration, DurationMs give long (a duration in milliseconds, not a timespan); names ending in Bytes, Size,
/// Count, Length give long; a description starting "Number of"/"The number of"/"Count of" gives long; an HTTP
/// status code (a name with "Status" or "Code" and "HTTP status code" in the description) and port numbers
/// (names ending in Port) give int.</item>
/// <item>Everything else is string, the type most documented columns have.</item>
/// </list>
/// The rules look at general naming conventions only, never at a list of known column names.
/// </summary>
internal static class TypeInference
{
    public static InferredType Infer(string columnName, string description)
    {
        var name = (columnName ?? string.Empty).Trim();
        var text = description ?? string.Empty;

        if (Has(text, "stored as string") || Has(text, "in the string format") || Has(text, "stored as a string"))
        {
            return new(KqlType.String, "the description says it is stored as a string");
        }

        if (Has(text, "stored as dynamic") || Has(text, "dynamic column"))
        {
            return new(KqlType.Dynamic, "the description says it is stored as dynamic");
        }

        if (TypeSuffix(name) is { } suffix)
        {
            return suffix;
        }

        if (EqualsAny(name, "Properties", "AdditionalFields", "AdditionalProperties", "CustomDimensions"))
        {
            return new(KqlType.Dynamic, "a property bag name");
        }

        if (Has(text, "json") || Has(text, "property bag") || Has(text, "dictionary") || Has(text, "key/value")
            || Has(text, "key-value") || Has(text, "key value pair") || StartsWithWords(text, "a list of", "list of", "an array of", "array of"))
        {
            return new(KqlType.Dynamic, "the description speaks of structured data (JSON, a bag, a list)");
        }

        if ((EndsWith(name, "Details") || EndsWith(name, "Detail")) && Has(text, "information"))
        {
            return new(KqlType.Dynamic, "name ends in 'Details' and holds information about several things");
        }

        var isDuration = Has(text, "millisecond") || Has(text, " seconds") || Has(text, "duration") || Has(text, "time taken");
        if (!isDuration && IsPointInTime(name, text))
        {
            return new(KqlType.DateTime, "name names a point in time ('Time', 'Timestamp', 'Date')");
        }

        if (IsFlagName(name))
        {
            return new(KqlType.Bool, "name starts with 'Is', 'Has', 'Can', 'Was' or 'Should'");
        }

        if (StartsWithWords(text, "whether", "indicates whether", "indicates if", "specifies whether", "true if", "true when"))
        {
            return new(KqlType.Bool, "the description says 'whether'");
        }

        if ((EndsWith(name, "Id") || EndsWith(name, "ID") || EndsWith(name, "Guid")) && Has(text, "guid") && !Has(text, "string"))
        {
            return new(KqlType.Guid, "name ends in 'Id' and the description says GUID");
        }

        if (Contains(name, "Billed") || EqualsAny(name, "Quantity") || EndsWith(name, "Quantity"))
        {
            return new(KqlType.Real, "a billed size or quantity (Log Analytics stores them as real)");
        }

        if (EndsWith(name, "Ms") || EndsWith(name, "Milliseconds") || EndsWith(name, "Duration"))
        {
            return new(KqlType.Long, "name ends in 'Ms' or 'Duration': milliseconds as long");
        }

        if (EndsWith(name, "Bytes") || EndsWith(name, "Size") || EndsWith(name, "Count") || EndsWith(name, "Length"))
        {
            return new(KqlType.Long, "name ends in 'Bytes', 'Size', 'Count' or 'Length'");
        }

        if (StartsWithWords(text, "number of", "the number of", "count of", "the count of"))
        {
            return new(KqlType.Long, "the description starts 'Number of'");
        }

        if ((Contains(name, "Status") || Contains(name, "Code")) && Has(text, "http status code"))
        {
            return new(KqlType.Int, "an HTTP status code");
        }

        if (EndsWith(name, "Port") && !Has(text, "string"))
        {
            return new(KqlType.Int, "name ends in 'Port'");
        }

        return new(KqlType.String, "no rule matched; string");
    }

    private static InferredType? TypeSuffix(string name)
    {
        if (name.Length < 3 || name[name.Length - 2] != '_')
        {
            return null;
        }

        return name[name.Length - 1] switch
        {
            's' => new InferredType(KqlType.String, "type suffix '_s'"),
            'd' => new InferredType(KqlType.Real, "type suffix '_d'"),
            'g' => new InferredType(KqlType.Guid, "type suffix '_g'"),
            'b' => new InferredType(KqlType.Bool, "type suffix '_b'"),
            't' => new InferredType(KqlType.DateTime, "type suffix '_t'"),
            _ => null,
        };
    }

    private static bool IsPointInTime(string name, string text)
    {
        if (EqualsAny(name, "time", "timestamp", "TimeGenerated", "date", "datetime"))
        {
            return true;
        }

        if (EndsWith(name, "Time") || EndsWith(name, "Timestamp") || EndsWith(name, "Date") || EndsWith(name, "DateTime")
            || EndsWith(name, "TimeUtc") || EndsWith(name, "DateUtc"))
        {
            return true;
        }

        // CreatedOn, LastModifiedOn: only when the description speaks of a date or time.
        return name.Length > 2 && EndsWith(name, "On") && char.IsLower(name[name.Length - 3])
            && (Has(text, "date") || Has(text, "time"));
    }

    private static bool IsFlagName(string name)
    {
        var start = name.StartsWith("_", StringComparison.Ordinal) ? 1 : 0;
        foreach (var prefix in new[] { "Is", "Has", "Can", "Was", "Should" })
        {
            var end = start + prefix.Length;
            if (name.Length > end
                && string.CompareOrdinal(name, start, prefix, 0, prefix.Length) == 0
                && (char.IsUpper(name[end]) || name[end] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool Contains(string name, string part) => name.IndexOf(part, StringComparison.Ordinal) >= 0;

    // Suffix match on a word boundary of a PascalCase or snake_case name: "RequestBodySize" ends in "Size",
    // "resize" does not; "DurationMs" ends in "Ms", "Items" does not.
    private static bool EndsWith(string name, string suffix)
    {
        if (name.Length == suffix.Length)
        {
            return string.Equals(name, suffix, StringComparison.OrdinalIgnoreCase);
        }

        if (name.Length < suffix.Length || !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var before = name[name.Length - suffix.Length - 1];
        return char.IsLower(before) || char.IsDigit(before) || before == '_' || (char.IsUpper(before) && suffix.Length > 2);
    }

    private static bool EqualsAny(string name, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithWords(string text, params string[] starts)
    {
        var trimmed = text.TrimStart();
        foreach (var start in starts)
        {
            if (trimmed.StartsWith(start, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == start.Length || !char.IsLetter(trimmed[start.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
