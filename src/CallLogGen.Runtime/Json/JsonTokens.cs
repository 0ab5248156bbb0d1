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
            throw new RecordFault("the input ends too early", reader.BytesConsumed, null);
        }

        return reader.TokenType;
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (Next(ref reader) != token)
        {
            throw new RecordFault("expected " + what + ", found " + reader.TokenType, reader.TokenStartIndex, null);
        }
    }

    public static LogJsonException Locate(ReadOnlySpan<byte> input, long offset, string problem, long row, string? column, Exception inner)
    {
        offset = Math.Min(Math.Max(offset, 0), input.Length);
        return new LogJsonException(problem, offset, CountLines(input.Slice(0, (int)offset)) + 1, row, column, inner);
    }

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
