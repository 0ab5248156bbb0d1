using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;

namespace CallLogGen.Schema.Json;

/// <summary>The first error in a JSON text: what is wrong, and exactly where.</summary>
internal sealed record JsonParseError(string Message, JsonTextSpan Span);

/// <summary>
/// The outcome of <see cref="JsonParser.Parse"/>: either a tree (<see cref="Root"/>) or the first error.
/// <see cref="IsEmpty"/> marks a text that is empty or holds only whitespace (and then carries an error too).
/// </summary>
internal readonly struct JsonParseResult
{
    public JsonParseResult(JsonNode? root, JsonParseError? error, bool isEmpty)
    {
        Root = root;
        Error = error;
        IsEmpty = isEmpty;
    }

    public JsonNode? Root { get; }

    public JsonParseError? Error { get; }

    public bool IsEmpty { get; }

    public bool Success => Root is not null;
}

/// <summary>
/// A strict RFC 8259 parser written for the compiler host (netstandard2.0, no System.Text.Json).
/// Strict: no comments, trailing commas, single quotes, unquoted names, NaN or leading zeros, exactly
/// one value per text, nesting at most <see cref="MaxDepth"/> deep. Tolerant: a byte order mark is
/// skipped, lone surrogates in strings are kept as they are, duplicate member names are kept (lookups
/// take the last) and numbers keep their text, so no number is out of range.
/// It never throws for bad input (only <see cref="System.OperationCanceledException"/>): the first error
/// comes back with its line and column. One pass over the text; strings without escapes are cut out of it
/// directly, and child lists are gathered on two shared stacks, so each container allocates its array once.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>The deepest nesting of objects and arrays accepted (the outermost one is level 1).</summary>
    public const int MaxDepth = 256;

    private const int CancellationCheckInterval = 1024;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<JsonNode> _items = new();
    private readonly List<JsonMember> _members = new();
    private StringBuilder? _builder;
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _valuesUntilCheck = CancellationCheckInterval;
    private JsonParseError? _error;

    private JsonParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses one JSON text. Never throws for bad input; see <see cref="JsonParseResult"/>.</summary>
    public static JsonParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        var parser = new JsonParser(text ?? string.Empty, cancellationToken);
        return parser.ParseText();
    }

    private JsonParseResult ParseText()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            // The mark is not part of the text an editor shows: columns on the first line start after it.
            _pos = 1;
            _lineStart = 1;
        }

        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            Fail("expected a JSON value, found the end of the text (the file is empty)", _pos);
            return new JsonParseResult(null, _error, isEmpty: true);
        }

        var root = ParseValue(0);
        if (root is null)
        {
            return new JsonParseResult(null, _error, isEmpty: false);
        }

        SkipWhitespace();
        if (_pos < _text.Length)
        {
            Fail("expected the end of the text after the JSON value, found " + Found(_pos) + Hint(_pos, afterValue: true), _pos);
            return new JsonParseResult(null, _error, isEmpty: false);
        }

        return new JsonParseResult(root, null, isEmpty: false);
    }

    private JsonNode? ParseValue(int depth)
    {
        if (--_valuesUntilCheck == 0)
        {
            _valuesUntilCheck = CancellationCheckInterval;
            _cancellationToken.ThrowIfCancellationRequested();
        }

        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return Fail("expected a value, found the end of the text", _pos);
        }

        var c = _text[_pos];
        if ((c == '{' || c == '[') && depth + 1 > MaxDepth)
        {
            return Fail($"the JSON nests objects and arrays deeper than {MaxDepth} levels", _pos);
        }

        switch (c)
        {
            case '{':
                return ParseObject(depth + 1);
            case '[':
                return ParseArray(depth + 1);
            case '"':
                return ParseString();
            case '-':
            case >= '0' and <= '9':
                return ParseNumber();
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                return Fail("expected a value, found " + Found(_pos) + Hint(_pos, afterValue: false), _pos);
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        var start = _pos;
        var line = _line;
        var column = _pos - _lineStart;
        _pos++;
        var mark = _members.Count;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return new JsonObject(ImmutableArray<JsonMember>.Empty, SpanFrom(start, line, column));
        }

        var afterComma = false;
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                var message = afterComma
                    ? "expected a member name in double quotes after ',', found " + Found(_pos)
                    : "expected a member name in double quotes or '}', found " + Found(_pos);
                return Fail(message + NameHint(_pos, afterComma), _pos);
            }

            var name = ParseString();
            if (name is null)
            {
                return null;
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                return Fail("expected ':' after the member name, found " + Found(_pos), _pos);
            }

            _pos++;
            var value = ParseValue(depth);
            if (value is null)
            {
                return null;
            }

            _members.Add(new JsonMember(name, value));
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _pos++;
                afterComma = true;
                continue;
            }

            if (next == '}')
            {
                _pos++;
                break;
            }

            return Fail("expected ',' or '}' after a member, found " + Found(_pos) + Hint(_pos, afterValue: true), _pos);
        }

        return new JsonObject(PopRange(_members, mark), SpanFrom(start, line, column));
    }

    private JsonNode? ParseArray(int depth)
    {
        var start = _pos;
        var line = _line;
        var column = _pos - _lineStart;
        _pos++;
        var mark = _items.Count;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return new JsonArray(ImmutableArray<JsonNode>.Empty, SpanFrom(start, line, column));
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() == ']' && _items.Count > mark)
            {
                return Fail("expected a value after ',', found ']' (JSON allows no trailing comma)", _pos);
            }

            var item = ParseValue(depth);
            if (item is null)
            {
                return null;
            }

            _items.Add(item);
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == ']')
            {
                _pos++;
                break;
            }

            return Fail("expected ',' or ']' after an array item, found " + Found(_pos) + Hint(_pos, afterValue: true), _pos);
        }

        return new JsonArray(PopRange(_items, mark), SpanFrom(start, line, column));
    }

    private JsonString? ParseString()
    {
        var text = _text;
        var start = _pos;
        var line = _line;
        var column = _pos - _lineStart;
        _pos++;
        var runStart = _pos;
        StringBuilder? builder = null;
        while (true)
        {
            // The common case: a run of ordinary characters.
            while (_pos < text.Length)
            {
                var ch = text[_pos];
                if (ch == '"' || ch == '\\' || ch < ' ' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029')
                {
                    break;
                }

                _pos++;
            }

            if (_pos >= text.Length)
            {
                return FailString($"the string opened at line {line + 1}, column {column + 1} is not closed before the end of the text", _pos);
            }

            var c = text[_pos];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                builder ??= RentBuilder();
                builder.Append(text, runStart, _pos - runStart);
                if (!ReadEscape(builder))
                {
                    return null;
                }

                runStart = _pos;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                return FailString($"the string opened at line {line + 1}, column {column + 1} is not closed before the end of the line (a line break in a string must be written \\n)", _pos);
            }

            if (c < ' ')
            {
                return FailString($"the control character U+{(int)c:X4} must be escaped in a string (as \\u{(int)c:X4}{ShortEscape(c)})", _pos);
            }

            // U+0085, U+2028, U+2029: allowed in a string, but they break lines for editors and Roslyn.
            _pos++;
            NewLine();
        }

        string value;
        if (builder is null)
        {
            value = text.Substring(runStart, _pos - runStart);
        }
        else
        {
            builder.Append(text, runStart, _pos - runStart);
            value = builder.ToString();
        }

        _pos++;
        return new JsonString(value, SpanFrom(start, line, column));
    }

    private bool ReadEscape(StringBuilder builder)
    {
        var text = _text;
        var escapeStart = _pos;
        if (_pos + 1 >= text.Length)
        {
            FailString("the string is not closed before the end of the text (it ends in a '\\')", text.Length);
            return false;
        }

        var c = text[_pos + 1];
        switch (c)
        {
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case '/': builder.Append('/'); break;
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'u':
                var value = 0;
                for (var i = 0; i < 4; i++)
                {
                    var index = _pos + 2 + i;
                    var digit = index < text.Length ? HexValue(text[index]) : -1;
                    if (digit < 0)
                    {
                        FailString("invalid escape sequence in a string: '\\u' takes exactly four hexadecimal digits", escapeStart, 2 + i);
                        return false;
                    }

                    value = (value << 4) | digit;
                }

                // Surrogate pairs come as two escapes and join up in the builder; lone ones are kept.
                builder.Append((char)value);
                _pos += 6;
                return true;
            default:
                const string Known = " (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)";
                if (c < ' ' || c == '\u007F' || char.IsWhiteSpace(c) || char.IsSurrogate(c))
                {
                    // Point at the backslash only: what follows may be a line break.
                    FailString("invalid escape sequence in a string: '\\' followed by " + Printable(c) + Known, escapeStart, 1);
                }
                else
                {
                    FailString("invalid escape sequence '\\" + c + "' in a string" + Known, escapeStart, 2);
                }

                return false;
        }

        _pos += 2;
        return true;
    }

    private JsonNode? ParseNumber()
    {
        var text = _text;
        var start = _pos;
        var line = _line;
        var column = _pos - _lineStart;
        if (text[_pos] == '-')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                return Fail("invalid number: expected a digit after '-', found " + Found(_pos), _pos);
            }
        }

        if (text[_pos] == '0')
        {
            _pos++;
            if (IsDigit(Peek()))
            {
                return Fail("invalid number: a number cannot start with 0 followed by more digits", _pos);
            }
        }
        else
        {
            SkipDigits();
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                return Fail("invalid number: expected a digit after the decimal point, found " + Found(_pos), _pos);
            }

            SkipDigits();
        }

        var e = Peek();
        if (e == 'e' || e == 'E')
        {
            _pos++;
            var sign = Peek();
            if (sign == '+' || sign == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                return Fail("invalid number: expected a digit in the exponent, found " + Found(_pos), _pos);
            }

            SkipDigits();
        }

        return new JsonNumber(text.Substring(start, _pos - start), SpanFrom(start, line, column));
    }

    private JsonNode? ParseLiteral(string literal, JsonKind kind)
    {
        var start = _pos;
        var line = _line;
        var column = _pos - _lineStart;
        var end = WordEnd(_pos);
        if (end - _pos != literal.Length || string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return Fail("expected a value, found " + Found(_pos) + Hint(_pos, afterValue: false), _pos);
        }

        _pos = end;
        return new JsonLiteral(kind, SpanFrom(start, line, column));
    }

    private void SkipWhitespace()
    {
        var text = _text;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == ' ' || c == '\t')
            {
                _pos++;
            }
            else if (c == '\n')
            {
                _pos++;
                NewLine();
            }
            else if (c == '\r')
            {
                _pos++;
                if (_pos < text.Length && text[_pos] == '\n')
                {
                    _pos++;
                }

                NewLine();
            }
            else
            {
                return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos;
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && IsDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    private int WordEnd(int pos)
    {
        while (pos < _text.Length && IsWordChar(_text[pos]))
        {
            pos++;
        }

        return pos;
    }

    private JsonTextSpan SpanFrom(int start, int line, int column) =>
        new(start, _pos - start, line, column, _line, _pos - _lineStart);

    private static ImmutableArray<T> PopRange<T>(List<T> stack, int mark)
    {
        var count = stack.Count - mark;
        if (count == 0)
        {
            return ImmutableArray<T>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<T>(count);
        for (var i = mark; i < stack.Count; i++)
        {
            builder.Add(stack[i]);
        }

        stack.RemoveRange(mark, count);
        return builder.MoveToImmutable();
    }

    private StringBuilder RentBuilder()
    {
        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        return builder;
    }

    /// <summary>Records the first error at <paramref name="pos"/>, which must be on the current line.</summary>
    private JsonNode? Fail(string message, int pos) => Fail(message, pos, TokenLength(pos));

    private JsonNode? Fail(string message, int pos, int length)
    {
        if (_error is null)
        {
            var column = pos - _lineStart;
            _error = new JsonParseError(message, new JsonTextSpan(pos, length, _line, column, _line, column + length));
        }

        return null;
    }

    private JsonString? FailString(string message, int pos, int length = -1)
    {
        Fail(message, pos, length < 0 ? TokenLength(pos) : length);
        return null;
    }

    private int TokenLength(int pos)
    {
        if (pos >= _text.Length)
        {
            return 0;
        }

        var c = _text[pos];
        if (IsWordChar(c) && !IsDigit(c))
        {
            return System.Math.Min(WordEnd(pos) - pos, 40);
        }

        if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
        {
            // A span over a line break would end on the next line: point at the end of this one instead.
            return 0;
        }

        return char.IsHighSurrogate(c) && pos + 1 < _text.Length && char.IsLowSurrogate(_text[pos + 1]) ? 2 : 1;
    }

    /// <summary>What stands at <paramref name="pos"/>, for messages: 'x', 'word', U+0000 or the end of the text.</summary>
    private string Found(int pos)
    {
        if (pos >= _text.Length)
        {
            return "the end of the text";
        }

        var c = _text[pos];
        var length = TokenLength(pos);
        if (length > 1)
        {
            return "'" + _text.Substring(pos, length) + "'";
        }

        return c switch
        {
            '\'' => "\"'\"",
            _ when c < ' ' || c == '\u007F' || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\uFEFF'
                => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => "'" + c + "'",
        };
    }

    private static string Printable(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static string ShortEscape(char c) => c switch
    {
        '\t' => " or \\t",
        '\b' => " or \\b",
        '\f' => " or \\f",
        _ => string.Empty,
    };

    /// <summary>Explains the usual reasons for an unexpected character where a value was expected or had ended.</summary>
    private string Hint(int pos, bool afterValue)
    {
        if (pos >= _text.Length)
        {
            return string.Empty;
        }

        var c = _text[pos];
        if (c == '/' && pos + 1 < _text.Length && (_text[pos + 1] == '/' || _text[pos + 1] == '*'))
        {
            return " (JSON allows no comments)";
        }

        if (c == '\'')
        {
            return " (JSON strings take double quotes)";
        }

        if (!afterValue && (c == 'T' || c == 'F' || c == 'N'))
        {
            var word = _text.Substring(pos, WordEnd(pos) - pos);
            if (word == "True" || word == "False" || word == "Null" || word == "TRUE" || word == "FALSE" || word == "NULL")
            {
                return " (JSON writes true, false and null in lower case)";
            }
        }

        if (afterValue && (c == '"' || c == '{' || c == '[' || IsDigit(c)))
        {
            return " (is a ',' missing?)";
        }

        return string.Empty;
    }

    private string NameHint(int pos, bool afterComma)
    {
        if (pos >= _text.Length)
        {
            return string.Empty;
        }

        var c = _text[pos];
        if (afterComma && c == '}')
        {
            return " (JSON allows no trailing comma)";
        }

        if (c == '\'')
        {
            return " (JSON strings take double quotes)";
        }

        if (IsWordChar(c))
        {
            return " (member names must be quoted)";
        }

        return Hint(pos, afterValue: false);
    }
}
