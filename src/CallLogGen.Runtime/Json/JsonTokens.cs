using System;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>Small steps of the query-result readers, which walk one reader over a whole buffered response.</summary>
internal static class JsonTokens
{
    public static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            // A final reader ends early only where the whole input is empty: inside a value it throws.
            throw new RecordFault("the input is empty: no JSON value", reader.BytesConsumed, null);
        }

        return reader.TokenType;
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (Next(ref reader) != token)
        {
            throw new RecordFault("expected " + what + ", found " + Describe(reader.TokenType), reader.TokenStartIndex, null);
        }
    }

    /// <summary>Whether the reader is on the property name <c>category</c>, in any case, as exports spell it in several.</summary>
    /// <summary>Whether a top-level key is the export's <c>resourceId</c> (any case), from its unescaped bytes.</summary>
    public static bool IsResourceIdKey(ReadOnlySpan<byte> name)
    {
        var resourceId = "resourceid"u8;
        if (name.Length != resourceId.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if ((name[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(name[i] | 0x20) : name[i]) != resourceId[i])
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsCategoryKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("category"u8))
        {
            return true;
        }

        var name = reader.ValueSpan;
        if (reader.ValueIsEscaped || name.Length != 8)
        {
            return false;
        }

        var category = "category"u8;
        for (var i = 0; i < 8; i++)
        {
            if ((name[i] | 0x20) != category[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A token as messages name it: <c>an array</c>, <c>a number</c>.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        _ => "nothing",
    };

    /// <summary>The line breaks in <paramref name="bytes"/>: how errors name their line.</summary>
    public static long CountLines(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return bytes.Count((byte)'\n');
#else
        long count = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                count++;
            }
        }

        return count;
#endif
    }
}
