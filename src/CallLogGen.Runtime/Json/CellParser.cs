using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>How reading one cell went.</summary>
internal enum CellStatus
{
    /// <summary>The cell holds the typed value.</summary>
    Typed,

    /// <summary>JSON null: the column has no value.</summary>
    Null,

    /// <summary>An empty string in a column that is not a string: no value, and the original is worth keeping.</summary>
    Empty,

    /// <summary>The value cannot be read as the column's type; <see cref="CellParser"/> says why.</summary>
    Untyped,
}

/// <summary>
/// Reads one JSON value as a KQL type, accepting the variants real logs send: numbers and booleans as
/// strings (<c>"82"</c>, <c>"TRUE"</c>), <c>0</c>/<c>1</c> for booleans, datetimes without an offset (UTC),
/// <c>NaN</c> and infinities for reals, an object or array in a string column (its JSON text, as Log Analytics
/// stores it). Anything else is <see cref="CellStatus.Untyped"/>, never a guess. The reader stays on the value's
/// first token, except for a dynamic column and an object or array in a string column, whose whole value it
/// consumes (the caller makes sure the whole value is in the buffer).
/// </summary>
internal static class CellParser
{
    public static CellStatus Read(ref Utf8JsonReader reader, KqlType type, ref CellValue cell, StringPool? pool, bool decodeJsonStrings, out string? problem)
    {
        problem = null;
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            return CellStatus.Null;
        }

        if (type == KqlType.Dynamic)
        {
            return ReadDynamic(ref reader, ref cell, decodeJsonStrings);
        }

        if (type == KqlType.String)
        {
            return ReadString(ref reader, ref cell, pool, out problem);
        }

        if (token == JsonTokenType.String && reader.ValueSpan.Length == 0 && !reader.ValueIsEscaped)
        {
            return CellStatus.Empty;
        }

        var ok = type switch
        {
            KqlType.Int => ReadInt(ref reader, ref cell),
            KqlType.Long => ReadLong(ref reader, ref cell),
            KqlType.Real => ReadReal(ref reader, ref cell),
            KqlType.Decimal => ReadDecimal(ref reader, ref cell),
            KqlType.Bool => ReadBool(ref reader, ref cell),
            KqlType.DateTime => ReadDateTime(ref reader, ref cell),
            KqlType.TimeSpan => ReadTimeSpan(ref reader, ref cell),
            KqlType.Guid => ReadGuid(ref reader, ref cell),
            _ => false,
        };

        if (ok)
        {
            return CellStatus.Typed;
        }

        problem = "expected " + Expected(type) + ", found " + Describe(ref reader);
        return CellStatus.Untyped;
    }

    /// <summary>A string value, decoded; invalid UTF-8 is a <see cref="FormatException"/> rather than the reader's InvalidOperationException.</summary>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("the text is not valid Unicode (invalid UTF-8, or an escaped lone surrogate)", e);
        }
    }

    /// <summary>Reads a whole value as it arrived, checking that its text can be written back (valid UTF-8).</summary>
    public static JsonElement ParseValue(ref Utf8JsonReader reader)
    {
        var value = JsonElement.ParseValue(ref reader);
        _ = RawText(value);
        return value;
    }

    /// <summary>A value's JSON text exactly as it arrived (escapes and spacing included); invalid UTF-8 is a <see cref="FormatException"/>.</summary>
    private static string RawText(JsonElement value)
    {
        try
        {
            return value.GetRawText();
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("the value is not valid UTF-8", e);
        }
    }

    private static CellStatus ReadString(ref Utf8JsonReader reader, ref CellValue cell, StringPool? pool, out string? problem)
    {
        problem = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (pool is not null && !reader.ValueIsEscaped)
                {
                    var bytes = reader.ValueSpan;
                    if (!pool.TryGet(bytes, out var shared))
                    {
                        shared = GetString(ref reader);
                        pool.Add(bytes, shared);
                    }

                    cell.String = shared;
                }
                else
                {
                    cell.String = GetString(ref reader);
                }

                return CellStatus.Typed;
            case JsonTokenType.Number:
                // Log Analytics stores a number sent to a string column as its text.
                cell.String = Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                return CellStatus.Typed;
            case JsonTokenType.True:
                cell.String = "true";
                return CellStatus.Typed;
            case JsonTokenType.False:
                cell.String = "false";
                return CellStatus.Typed;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                // Log Analytics stores an object or array sent to a string column as its JSON text.
                cell.String = RawText(JsonElement.ParseValue(ref reader));
                return CellStatus.Typed;
            default:
                problem = "expected a string, found " + Describe(ref reader);
                return CellStatus.Untyped;
        }
    }

    private static CellStatus ReadDynamic(ref Utf8JsonReader reader, ref CellValue cell, bool decodeJsonStrings)
    {
        if (decodeJsonStrings && reader.TokenType == JsonTokenType.String)
        {
            // The query API sends dynamic cells as JSON text; plain text that is no JSON object or array stays a string.
            var span = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(GetString(ref reader)) : reader.ValueSpan.ToArray();
            var start = 0;
            while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                start++;
            }

            if (start < span.Length && span[start] is (byte)'{' or (byte)'[')
            {
                try
                {
                    using var document = JsonDocument.Parse(span);
                    cell.Dynamic = document.RootElement.Clone();
                    return CellStatus.Typed;
                }
                catch (JsonException)
                {
                    // Not JSON after all: kept as the string it is.
                }
            }
        }

        cell.Dynamic = ParseValue(ref reader);
        return CellStatus.Typed;
    }

    private static bool ReadInt(ref Utf8JsonReader reader, ref CellValue cell)
    {
        int value;
        if (reader.TokenType == JsonTokenType.Number ? reader.TryGetInt32(out value) : TryParseString(ref reader, out value))
        {
            cell.Int = value;
            return true;
        }

        return false;
    }

    private static bool ReadLong(ref Utf8JsonReader reader, ref CellValue cell)
    {
        long value;
        if (reader.TokenType == JsonTokenType.Number ? reader.TryGetInt64(out value) : TryParseString(ref reader, out value))
        {
            cell.Long = value;
            return true;
        }

        return false;
    }

    private static bool ReadReal(ref Utf8JsonReader reader, ref CellValue cell)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var number) && !double.IsInfinity(number))
            {
                cell.Real = number;
                return true;
            }

            return false;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        ReadOnlySpan<byte> text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(GetString(ref reader)) : reader.ValueSpan;
        if (Utf8Parser.TryParse(text, out double parsed, out var consumed) && consumed == text.Length && !double.IsInfinity(parsed))
        {
            cell.Real = parsed;
            return true;
        }

        switch (Encoding.UTF8.GetString(text.ToArray()).ToLowerInvariant())
        {
            case "nan": cell.Real = double.NaN; return true;
            case "infinity": case "+infinity": cell.Real = double.PositiveInfinity; return true;
            case "-infinity": cell.Real = double.NegativeInfinity; return true;
            default: return false;
        }
    }

    private static bool ReadDecimal(ref Utf8JsonReader reader, ref CellValue cell)
    {
        decimal value;
        if (reader.TokenType == JsonTokenType.Number ? reader.TryGetDecimal(out value) : TryParseString(ref reader, out value))
        {
            cell.Decimal = value;
            return true;
        }

        return false;
    }

    private static bool ReadBool(ref Utf8JsonReader reader, ref CellValue cell)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                cell.Bool = true;
                return true;
            case JsonTokenType.False:
                cell.Bool = false;
                return true;
            case JsonTokenType.Number when reader.TryGetInt32(out var number) && number is 0 or 1:
                cell.Bool = number == 1;
                return true;
            case JsonTokenType.String:
                switch (GetString(ref reader).ToLowerInvariant())
                {
                    case "true": case "1": cell.Bool = true; return true;
                    case "false": case "0": cell.Bool = false; return true;
                    default: return false;
                }

            default:
                return false;
        }
    }

    private static bool ReadDateTime(ref Utf8JsonReader reader, ref CellValue cell)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // System.Text.Json reads a datetime without an offset as local time; Azure logs mean UTC.
        if (reader.TryGetDateTimeOffset(out var value))
        {
            cell.DateTime = HasOffset(reader.ValueSpan, reader.ValueIsEscaped) ? value : new DateTimeOffset(value.DateTime, TimeSpan.Zero);
            return true;
        }

        var text = GetString(ref reader);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            cell.DateTime = value;
            return true;
        }

        return false;
    }

    private static bool HasOffset(ReadOnlySpan<byte> text, bool escaped)
    {
        if (escaped)
        {
            return true;
        }

        // After the date (10 bytes), a 'Z' or a sign introduces the offset.
        for (var i = text.Length - 1; i > 10; i--)
        {
            if (text[i] is (byte)'Z' or (byte)'z' or (byte)'+' or (byte)'-')
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadTimeSpan(ref Utf8JsonReader reader, ref CellValue cell)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        ReadOnlySpan<byte> text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(GetString(ref reader)) : reader.ValueSpan;
        if (Utf8Parser.TryParse(text, out TimeSpan value, out var consumed, 'c') && consumed == text.Length)
        {
            cell.TimeSpan = value;
            return true;
        }

        if (System.TimeSpan.TryParse(Encoding.UTF8.GetString(text.ToArray()), CultureInfo.InvariantCulture, out value))
        {
            cell.TimeSpan = value;
            return true;
        }

        return false;
    }

    private static bool ReadGuid(ref Utf8JsonReader reader, ref CellValue cell)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.TryGetGuid(out var value) || System.Guid.TryParse(GetString(ref reader), out value))
        {
            cell.Guid = value;
            return true;
        }

        return false;
    }

    private static bool TryParseString(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.String && TryParseDigits(ref reader, out var text)
            && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    private static bool TryParseString(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.String && TryParseDigits(ref reader, out var text)
            && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    private static bool TryParseString(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.String && TryParseDigits(ref reader, out var text)
            && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    private static bool TryParseDigits(ref Utf8JsonReader reader, out ReadOnlySpan<byte> text)
    {
        text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(GetString(ref reader)) : reader.ValueSpan;
        return text.Length > 0;
    }

    private static string Expected(KqlType type) => type switch
    {
        KqlType.Int => "an int (a whole number from -2147483648 to 2147483647)",
        KqlType.Long => "a long (a whole number within 64 bits)",
        KqlType.Real => "a real (a number)",
        KqlType.Decimal => "a decimal (a number within 28 digits)",
        KqlType.Bool => "a bool (true, false, \"true\", \"false\", 0 or 1)",
        KqlType.DateTime => "a datetime (an ISO 8601 string)",
        KqlType.TimeSpan => "a timespan (such as \"1.02:03:04.5\")",
        KqlType.Guid => "a guid",
        _ => "a " + KqlTypeNames.Of(type),
    };

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                string text;
                try
                {
                    text = reader.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return "a string that is not valid UTF-8";
                }

                return "the string \"" + (text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "\"";
            case JsonTokenType.Number:
                var number = Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                return "the number " + (number.Length > 40 ? number.Substring(0, 40) + "..." : number);
            case JsonTokenType.True: return "the boolean true";
            case JsonTokenType.False: return "the boolean false";
            case JsonTokenType.StartObject: return "an object";
            case JsonTokenType.StartArray: return "an array";
            default: return reader.TokenType.ToString();
        }
    }

    /// <summary>The JSON kind of the value the reader is on (its first token).</summary>
    public static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}
