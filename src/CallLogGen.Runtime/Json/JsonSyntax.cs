using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallLogGen.Json;

/// <summary>
/// Says what is wrong with JSON that <see cref="System.Text.Json.Utf8JsonReader"/> refused, in CallLogGen's words:
/// the first fault from the start of one value, where it is, and, where the input ends too early, what was
/// still open. Only error paths come here (the readers parse with Utf8JsonReader and ask once it has thrown),
/// so its messages never carry the reader's own "LineNumber: 0 | BytePositionInLine: 55" text, which counts
/// from 0 and from the start of whatever buffer it was given. It checks what the reader checks (default
/// options: no comments, no trailing commas, the same depth rule) and nothing more: UTF-8 is checked where
/// text is decoded.
/// </summary>
internal static class JsonSyntax
{
    private enum Expect
    {
        Value,
        ValueOrEnd,
        ValueAfterComma,
        KeyOrEnd,
        Key,
        Colon,
        CommaOrEnd,
    }

    /// <summary>
    /// The first fault in the JSON value at the start of <paramref name="json"/> (what follows the value is not
    /// looked at), or null where the value is sound, or sound so far and <paramref name="isFinal"/> is false.
    /// </summary>
    public static JsonSyntaxError? FindError(ReadOnlySpan<byte> json, bool isFinal, int maxDepth)
    {
        var open = new List<OpenValue>();
        string? key = null;
        var expect = Expect.Value;
        var i = 0;
        while (true)
        {
            if (expect == Expect.CommaOrEnd && open.Count == 0)
            {
                return null;
            }

            i = SkipWhitespace(json, i);
            if (i == json.Length)
            {
                return isFinal ? JsonSyntaxError.AtEnd(i, open, null) : null;
            }

            var b = json[i];
            switch (expect)
            {
                case Expect.ValueOrEnd when b == (byte)']':
                case Expect.KeyOrEnd when b == (byte)'}':
                case Expect.CommaOrEnd when b == (open[open.Count - 1].IsArray ? (byte)']' : (byte)'}'):
                    open.RemoveAt(open.Count - 1);
                    i++;
                    expect = Completed(open);
                    continue;
                case Expect.ValueAfterComma when b == (byte)']':
                    return JsonSyntaxError.At(i, "a comma before ']' (a trailing comma is not JSON)", open);
                case Expect.Key when b == (byte)'}':
                    return JsonSyntaxError.At(i, "a comma before '}' (a trailing comma is not JSON)", open);
                case Expect.CommaOrEnd:
                    if (b != (byte)',')
                    {
                        return Unexpected(i, b, open[open.Count - 1].IsArray ? "where ',' or ']' should be" : "where ',' or '}' should be", open);
                    }

                    i++;
                    expect = open[open.Count - 1].IsArray ? Expect.ValueAfterComma : Expect.Key;
                    continue;
                case Expect.KeyOrEnd:
                case Expect.Key:
                    if (b != (byte)'"')
                    {
                        return Unexpected(i, b, expect == Expect.Key ? "where a property name (in quotes) should be" : "where a property name (in quotes) or '}' should be", open);
                    }

                    var keyEnd = ScanString(json, i, isFinal, open, "a property name", out var keyError);
                    if (keyEnd < 0)
                    {
                        return keyError;
                    }

                    key = Text(json.Slice(i + 1, keyEnd - i - 2));
                    i = keyEnd;
                    expect = Expect.Colon;
                    continue;
                case Expect.Colon:
                    if (b != (byte)':')
                    {
                        return Unexpected(i, b, "after the property name '" + key + "', where ':' should be", open);
                    }

                    i++;
                    expect = Expect.Value;
                    continue;
            }

            // A value.
            int end;
            JsonSyntaxError? error;
            switch (b)
            {
                case (byte)'{':
                case (byte)'[':
                    if (open.Count >= maxDepth)
                    {
                        return JsonSyntaxError.At(i, "nesting deeper than " + maxDepth.ToString(CultureInfo.InvariantCulture) + " levels (LogReadOptions.MaxDepth)", open);
                    }

                    open.Add(new OpenValue(b == (byte)'[', key));
                    key = null;
                    i++;
                    expect = b == (byte)'[' ? Expect.ValueOrEnd : Expect.KeyOrEnd;
                    continue;
                case (byte)'"':
                    end = ScanString(json, i, isFinal, open, "a string", out error);
                    break;
                case (byte)'t':
                    end = ScanLiteral(json, i, "true"u8, isFinal, open, out error);
                    break;
                case (byte)'f':
                    end = ScanLiteral(json, i, "false"u8, isFinal, open, out error);
                    break;
                case (byte)'n':
                    end = ScanLiteral(json, i, "null"u8, isFinal, open, out error);
                    break;
                case (byte)'-':
                case >= (byte)'0' and <= (byte)'9':
                    end = ScanNumber(json, i, isFinal, open, out error);
                    break;
                default:
                    return Unexpected(i, b, expect == Expect.ValueOrEnd ? "where a value or ']' should be" : "where a value should be", open);
            }

            if (end < 0)
            {
                return error;
            }

            key = null;
            i = end;
            expect = Completed(open);
        }
    }

    /// <summary>A value just ended: the container around it has one more item, and a ',' or its end comes next.</summary>
    private static Expect Completed(List<OpenValue> open)
    {
        if (open.Count > 0)
        {
            open[open.Count - 1] = open[open.Count - 1].WithOneMore();
        }

        return Expect.CommaOrEnd;
    }

    /// <summary>The end of the string at <paramref name="start"/> (after its closing quote), or -1 with the fault or, where more may come, null.</summary>
    private static int ScanString(ReadOnlySpan<byte> json, int start, bool isFinal, List<OpenValue> open, string what, out JsonSyntaxError? error)
    {
        error = null;
        var i = start + 1;
        while (i < json.Length)
        {
            var b = json[i];
            if (b == (byte)'"')
            {
                return i + 1;
            }

            if (b < 0x20)
            {
                error = JsonSyntaxError.At(i, "a control character (" + Byte(b) + ") inside a string; it must be escaped", open);
                return -1;
            }

            if (b != (byte)'\\')
            {
                i++;
                continue;
            }

            if (i + 1 == json.Length)
            {
                break;
            }

            var escaped = json[i + 1];
            if (escaped == (byte)'u')
            {
                for (var h = 0; h < 4; h++)
                {
                    if (i + 2 + h == json.Length)
                    {
                        return EndsInside(json.Length, isFinal, open, what, out error);
                    }

                    if (!IsHex(json[i + 2 + h]))
                    {
                        error = JsonSyntaxError.At(i, "an invalid \\u escape inside a string: four hex digits must follow \\u", open);
                        return -1;
                    }
                }

                i += 6;
                continue;
            }

            if (escaped is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
            {
                error = JsonSyntaxError.At(i, "an invalid escape '\\" + Printable(escaped) + "' inside a string", open);
                return -1;
            }

            i += 2;
        }

        return EndsInside(json.Length, isFinal, open, what, out error);
    }

    private static int ScanLiteral(ReadOnlySpan<byte> json, int start, ReadOnlySpan<byte> literal, bool isFinal, List<OpenValue> open, out JsonSyntaxError? error)
    {
        error = null;
        for (var k = 0; k < literal.Length; k++)
        {
            if (start + k == json.Length)
            {
                return EndsInside(json.Length, isFinal, open, "the literal '" + Text(literal) + "'", out error);
            }

            if (json[start + k] != literal[k])
            {
                error = JsonSyntaxError.At(start, "not a JSON value: expected '" + Text(literal) + "' (JSON has only true, false and null unquoted)", open);
                return -1;
            }
        }

        return AfterToken(json, start + literal.Length, isFinal, open, "after '" + Text(literal) + "'", out error);
    }

    /// <summary>A number as JSON spells it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static int ScanNumber(ReadOnlySpan<byte> json, int start, bool isFinal, List<OpenValue> open, out JsonSyntaxError? error)
    {
        error = null;
        var i = start;
        if (json[i] == (byte)'-')
        {
            i++;
        }

        if (i == json.Length)
        {
            return EndsInside(i, isFinal, open, "a number", out error);
        }

        if (!IsDigit(json[i]))
        {
            error = JsonSyntaxError.At(start, "a number is not valid: a digit must follow '-'", open);
            return -1;
        }

        if (json[i] == (byte)'0' && i + 1 < json.Length && IsDigit(json[i + 1]))
        {
            error = JsonSyntaxError.At(start, "a number is not valid: it has a leading zero", open);
            return -1;
        }

        i = Digits(json, i);
        if (i < json.Length && json[i] == (byte)'.')
        {
            i++;
            if (i == json.Length)
            {
                return EndsInside(i, isFinal, open, "a number", out error);
            }

            if (!IsDigit(json[i]))
            {
                error = JsonSyntaxError.At(start, "a number is not valid: a digit must follow the decimal point", open);
                return -1;
            }

            i = Digits(json, i);
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (i == json.Length)
            {
                return EndsInside(i, isFinal, open, "a number", out error);
            }

            if (!IsDigit(json[i]))
            {
                error = JsonSyntaxError.At(start, "a number is not valid: a digit must follow the exponent", open);
                return -1;
            }

            i = Digits(json, i);
        }

        return AfterToken(json, i, isFinal, open, "after a number", out error);
    }

    /// <summary>A number or literal must be followed by a delimiter; at the end of a partial input more digits may come.</summary>
    private static int AfterToken(ReadOnlySpan<byte> json, int i, bool isFinal, List<OpenValue> open, string where, out JsonSyntaxError? error)
    {
        error = null;
        if (i == json.Length)
        {
            return isFinal ? i : -1;
        }

        if (json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)']' or (byte)'}')
        {
            return i;
        }

        error = Unexpected(i, json[i], where, open);
        return -1;
    }

    private static int EndsInside(int end, bool isFinal, List<OpenValue> open, string what, out JsonSyntaxError? error)
    {
        error = isFinal ? JsonSyntaxError.AtEnd(end, open, what) : null;
        return -1;
    }

    private static JsonSyntaxError Unexpected(int offset, byte b, string where, List<OpenValue> open)
        => JsonSyntaxError.At(offset, "unexpected " + (b is > 0x20 and < 0x7F ? "character '" + (char)b + "'" : Byte(b)) + " " + where, open);

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && IsDigit(json[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool IsHex(byte b) => IsDigit(b) || b is >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static string Byte(byte b) => "byte 0x" + b.ToString("X2", CultureInfo.InvariantCulture);

    private static string Printable(byte b) => b is > 0x20 and < 0x7F ? ((char)b).ToString() : Byte(b);

    /// <summary>A property name for messages: its bytes as text (escapes left as written), shortened.</summary>
    private static string Text(ReadOnlySpan<byte> bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes.Slice(0, Math.Min(bytes.Length, 60)).ToArray());
        return bytes.Length > 60 ? text + "..." : text;
    }
}

/// <summary>An object or array still open where JSON went wrong: the property that holds it, and how many items it has so far.</summary>
internal readonly struct OpenValue
{
    public OpenValue(bool isArray, string? key, int items = 0)
    {
        IsArray = isArray;
        Key = key;
        Items = items;
    }

    public bool IsArray { get; }

    /// <summary>The property whose value it is; null for an item of an array, or the outermost value.</summary>
    public string? Key { get; }

    /// <summary>The items (array) or fields (object) it has, complete.</summary>
    public int Items { get; }

    public OpenValue WithOneMore() => new(IsArray, Key, Items + 1);

    /// <summary>How a message names it: <c>the object 'properties'</c>, <c>an array</c>.</summary>
    public override string ToString() => Key is null ? (IsArray ? "an array" : "an object") : (IsArray ? "the array '" : "the object '") + Key + "'";
}

/// <summary>The first fault in some JSON: where, why, and what was open there (outermost first).</summary>
internal sealed class JsonSyntaxError
{
    private JsonSyntaxError(int offset, string? problem, IReadOnlyList<OpenValue> open, string? openToken)
    {
        Offset = offset;
        Problem = problem;
        Open = open;
        OpenToken = openToken;
    }

    /// <summary>The offset of the fault from the start of the JSON given.</summary>
    public int Offset { get; }

    /// <summary>What is wrong; null where the input ends before the value does.</summary>
    public string? Problem { get; }

    public bool EndsEarly => Problem is null;

    /// <summary>The objects and arrays open at the fault, outermost first.</summary>
    public IReadOnlyList<OpenValue> Open { get; }

    /// <summary>Where the input ends inside a token: <c>a string</c>, <c>a number</c>...; else null.</summary>
    public string? OpenToken { get; }

    public static JsonSyntaxError At(int offset, string problem, List<OpenValue> open) => new(offset, problem, open.ToArray(), null);

    public static JsonSyntaxError AtEnd(int offset, List<OpenValue> open, string? token) => new(offset, null, open.ToArray(), token);

    /// <summary>
    /// What the input ends inside, below the outermost <paramref name="skip"/> values (which the caller names itself):
    /// <c>a string</c>, <c>the object 'properties'</c>; null where only those outer values are open.
    /// </summary>
    public string? Innermost(int skip)
        => OpenToken ?? (Open.Count > skip ? Open[Open.Count - 1].ToString() : null);
}
