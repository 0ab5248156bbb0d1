using CallLogGen.Schema.Json;
using Xunit;

namespace CallLogGen.Tests.Schema.Json;

public class JsonParserTests
{
    private static JsonNode ParseOk(string text)
    {
        var result = JsonParser.Parse(text);
        Assert.True(result.Success, result.Error?.Message);
        Assert.Null(result.Error);
        return result.Root!;
    }

    private static JsonParseError ParseError(string text, int line, int column, string messagePart)
    {
        var result = JsonParser.Parse(text);
        Assert.False(result.Success);
        Assert.Null(result.Root);
        var error = Assert.IsType<JsonParseError>(result.Error);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        return error;
    }

    [Theory]
    [InlineData("{}", "Object")]
    [InlineData("[]", "Array")]
    [InlineData("\"\"", "String")]
    [InlineData("0", "Number")]
    [InlineData("-0", "Number")]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("null", "Null")]
    [InlineData(" \t\r\n [ ] \r\n", "Array")]
    public void Reads_every_kind_of_value_at_the_top(string text, string kind) =>
        Assert.Equal(Enum.Parse<JsonKind>(kind), ParseOk(text).Kind);

    [Fact]
    public void Keeps_members_in_order_with_duplicates_and_lookups_take_the_last()
    {
        var obj = Assert.IsType<JsonObject>(ParseOk("""{"b": 1, "a": [true, false, null], "b": "two", "B": 3}"""));
        Assert.Equal(new[] { "b", "a", "b", "B" }, obj.Members.Select(m => m.Name));
        Assert.Equal("two", Assert.IsType<JsonString>(obj.Get("b")).Value);
        Assert.Equal("3", Assert.IsType<JsonNumber>(obj.GetIgnoreCase("b")).Text);
        Assert.Null(obj.Get("c"));
        var array = Assert.IsType<JsonArray>(obj.Get("a"));
        Assert.Equal(new[] { JsonKind.True, JsonKind.False, JsonKind.Null }, array.Items.Select(i => i.Kind));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-12.50E-003")]
    [InlineData("1e5")]
    [InlineData("1E+5")]
    [InlineData("123456789012345678901234567890.000000000000000000001")]
    [InlineData("-0.0e-0")]
    public void Keeps_numbers_as_their_text(string text) =>
        Assert.Equal(text, Assert.IsType<JsonNumber>(ParseOk(text)).Text);

    [Theory]
    [InlineData(@"""\""\\\/\b\f\n\r\t""", "\"\\/\b\f\n\r\t")]
    [InlineData(@"""\u00e9\u00E9""", "éé")]
    [InlineData(@"""a\u0000b""", "a\0b")]
    [InlineData(@"""\uD83D\uDE00""", "😀")]
    [InlineData(@"""x\ud83d\ude00y""", "x😀y")]
    [InlineData("\"héllo 😀 \u2028 \u007F\"", "héllo 😀 \u2028 \u007F")]
    [InlineData(@"""plain""", "plain")]
    public void Unescapes_strings(string json, string expected) =>
        Assert.Equal(expected, Assert.IsType<JsonString>(ParseOk(json)).Value);

    [Fact]
    public void Keeps_lone_surrogates_from_escapes()
    {
        // Not in [InlineData]: test discovery cannot carry lone surrogates through its UTF-8 serialization.
        Assert.Equal("\uD800", Assert.IsType<JsonString>(ParseOk(@"""\uD800""")).Value);
        Assert.Equal("\uDE00\uD83D", Assert.IsType<JsonString>(ParseOk(@"""\uDE00\uD83D""")).Value);
        Assert.Equal("a\uDBFFb", Assert.IsType<JsonString>(ParseOk(@"""a\udbffb""")).Value);
    }

    [Fact]
    public void Every_node_knows_offset_line_and_column()
    {
        const string text = "{\n  \"a\": [1, \"x\"],\n  \"b\": {}\n}";
        var root = Assert.IsType<JsonObject>(ParseOk(text));
        Assert.Equal(new JsonTextSpan(0, text.Length, 0, 0, 3, 1), root.Span);

        var a = root.Members[0];
        Assert.Equal(new JsonTextSpan(4, 3, 1, 2, 1, 5), a.NameNode.Span);
        var array = Assert.IsType<JsonArray>(a.Value);
        Assert.Equal(new JsonTextSpan(9, 8, 1, 7, 1, 15), array.Span);
        Assert.Equal(new JsonTextSpan(10, 1, 1, 8, 1, 9), array.Items[0].Span);
        Assert.Equal(new JsonTextSpan(13, 3, 1, 11, 1, 14), array.Items[1].Span);
        Assert.Equal("\"x\"", text.Substring(array.Items[1].Span.Start, array.Items[1].Span.Length));

        var b = root.Members[1];
        Assert.Equal((2, 2), (b.NameNode.Span.Line, b.NameNode.Span.Column));
        Assert.Equal(new JsonTextSpan(26, 2, 2, 7, 2, 9), b.Value.Span);
    }

    [Fact]
    public void Counts_CRLF_and_lone_CR_as_one_line_break_and_a_TAB_as_one_column()
    {
        var root = Assert.IsType<JsonObject>(ParseOk("{\r\n\t\"a\": 1,\r\t\t\"b\":\r\n2\r\n}"));
        Assert.Equal((1, 1), (root.Members[0].NameNode.Span.Line, root.Members[0].NameNode.Span.Column));
        Assert.Equal((2, 2), (root.Members[1].NameNode.Span.Line, root.Members[1].NameNode.Span.Column));
        Assert.Equal((3, 0), (root.Members[1].Value.Span.Line, root.Members[1].Value.Span.Column));
        Assert.Equal((4, 1), (root.Span.EndLine, root.Span.EndColumn));
    }

    [Fact]
    public void Counts_line_separators_inside_strings_as_Roslyn_does()
    {
        var array = Assert.IsType<JsonArray>(ParseOk("[\"a\u2028b\u0085c\", 1]"));
        var s = array.Items[0].Span;
        Assert.Equal((0, 1, 2, 2), (s.Line, s.Column, s.EndLine, s.EndColumn));
        Assert.Equal((2, 4), (array.Items[1].Span.Line, array.Items[1].Span.Column));
    }

    [Fact]
    public void Skips_a_byte_order_mark_without_counting_it_as_a_column()
    {
        var root = Assert.IsType<JsonObject>(ParseOk("\uFEFF{\"a\": 1}"));
        Assert.Equal((1, 0, 0), (root.Span.Start, root.Span.Line, root.Span.Column));
        Assert.Equal((2, 0, 1), (root.Members[0].NameNode.Span.Start, root.Members[0].NameNode.Span.Line, root.Members[0].NameNode.Span.Column));

        ParseError("\uFEFF{x}", 0, 1, "expected a member name in double quotes or '}', found 'x'");
        var empty = JsonParser.Parse("\uFEFF");
        Assert.True(empty.IsEmpty);
    }

    [Fact]
    public void Accepts_nesting_up_to_the_limit()
    {
        var depth = JsonParser.MaxDepth;
        var root = ParseOk(new string('[', depth) + new string(']', depth));
        for (var i = 1; i < depth; i++)
        {
            root = Assert.Single(Assert.IsType<JsonArray>(root).Items);
        }

        Assert.Empty(Assert.IsType<JsonArray>(root).Items);
        ParseOk(string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "[]" + new string('}', depth - 1));
    }

    [Fact]
    public void Rejects_nesting_beyond_the_limit_at_the_bracket_that_goes_too_deep()
    {
        var depth = JsonParser.MaxDepth;
        var error = ParseError(new string('[', depth + 1) + new string(']', depth + 1), 0, depth, "deeper than 256 levels");
        Assert.Equal(depth, error.Span.Start);
        ParseError(string.Concat(Enumerable.Repeat("{\"a\":", depth + 1)), 0, depth * 5, "deeper than 256 levels");

        // Far deeper input stops at the limit rather than overflowing the stack.
        ParseError(new string('[', 1_000_000), 0, depth, "deeper than 256 levels");
    }

    [Fact]
    public void Reports_an_empty_text_as_empty()
    {
        var result = JsonParser.Parse("");
        Assert.True(result.IsEmpty);
        Assert.Equal((0, 0), (result.Error!.Span.Line, result.Error.Span.Column));

        result = JsonParser.Parse("  \r\n\t ");
        Assert.True(result.IsEmpty);
        Assert.Equal((1, 2), (result.Error!.Span.Line, result.Error.Span.Column));
        Assert.Contains("empty", result.Error.Message, StringComparison.Ordinal);
        Assert.False(JsonParser.Parse("x").IsEmpty);
    }

    [Theory]
    [InlineData("{\"a\" 1}", 0, 5, "expected ':' after the member name, found '1'")]
    [InlineData("{\"a\":1 x}", 0, 7, "expected ',' or '}' after a member, found 'x'")]
    [InlineData("{\"a\":1 \"b\":2}", 0, 7, "expected ',' or '}' after a member, found '\"' (is a ',' missing?)")]
    [InlineData("{\"a\":1,}", 0, 7, "expected a member name in double quotes after ',', found '}' (JSON allows no trailing comma)")]
    [InlineData("{\"a\":1,,}", 0, 7, "expected a member name in double quotes after ',', found ','")]
    [InlineData("{a:1}", 0, 1, "expected a member name in double quotes or '}', found 'a' (member names must be quoted)")]
    [InlineData("{'a':1}", 0, 1, "found \"'\" (JSON strings take double quotes)")]
    [InlineData("{\"a\":1", 0, 6, "expected ',' or '}' after a member, found the end of the text")]
    [InlineData("{\"a\":", 0, 5, "expected a value, found the end of the text")]
    [InlineData("[", 0, 1, "expected a value, found the end of the text")]
    [InlineData("[1,]", 0, 3, "expected a value after ',', found ']' (JSON allows no trailing comma)")]
    [InlineData("[1 2]", 0, 3, "expected ',' or ']' after an array item, found '2' (is a ',' missing?)")]
    [InlineData("[1:2]", 0, 2, "expected ',' or ']' after an array item, found ':'")]
    [InlineData("[,1]", 0, 1, "expected a value, found ','")]
    [InlineData("\"abc", 0, 4, "the string opened at line 1, column 1 is not closed before the end of the text")]
    [InlineData("[\"ab\ncd\"]", 0, 4, "the string opened at line 1, column 2 is not closed before the end of the line")]
    [InlineData("\"a\tb\"", 0, 2, "the control character U+0009 must be escaped in a string (as \\u0009 or \\t)")]
    [InlineData("\"a\u0001\"", 0, 2, "the control character U+0001 must be escaped")]
    [InlineData("\"\\x\"", 0, 1, "invalid escape sequence '\\x' in a string")]
    [InlineData("\"\\'\"", 0, 1, "invalid escape sequence '\\'' in a string")]
    [InlineData("\"\\\n\"", 0, 1, "invalid escape sequence in a string: '\\' followed by U+000A")]
    [InlineData("\"\\u12G4\"", 0, 1, "'\\u' takes exactly four hexadecimal digits")]
    [InlineData("\"\\u12", 0, 1, "'\\u' takes exactly four hexadecimal digits")]
    [InlineData("\"\\", 0, 2, "ends in a '\\'")]
    [InlineData("01", 0, 1, "a number cannot start with 0 followed by more digits")]
    [InlineData("-", 0, 1, "expected a digit after '-', found the end of the text")]
    [InlineData("-a", 0, 1, "expected a digit after '-', found 'a'")]
    [InlineData("1.", 0, 2, "expected a digit after the decimal point, found the end of the text")]
    [InlineData("1.e5", 0, 2, "expected a digit after the decimal point, found 'e5'")]
    [InlineData("1e+", 0, 3, "expected a digit in the exponent")]
    [InlineData("[1x]", 0, 2, "expected ',' or ']' after an array item, found 'x'")]
    [InlineData(".5", 0, 0, "expected a value, found '.'")]
    [InlineData("+1", 0, 0, "expected a value, found '+'")]
    [InlineData("tru", 0, 0, "expected a value, found 'tru'")]
    [InlineData("nul", 0, 0, "expected a value, found 'nul'")]
    [InlineData("trueish", 0, 0, "expected a value, found 'trueish'")]
    [InlineData("True", 0, 0, "expected a value, found 'True' (JSON writes true, false and null in lower case)")]
    [InlineData("NaN", 0, 0, "expected a value, found 'NaN'")]
    [InlineData("[\0]", 0, 1, "expected a value, found U+0000")]
    [InlineData("[\u00A0]", 0, 1, "expected a value, found U+00A0")]
    [InlineData("{} {}", 0, 3, "expected the end of the text after the JSON value, found '{'")]
    [InlineData("{}]", 0, 2, "expected the end of the text after the JSON value, found ']'")]
    [InlineData("// comment\n{}", 0, 0, "expected a value, found '/' (JSON allows no comments)")]
    [InlineData("{} /* c */", 0, 3, "(JSON allows no comments)")]
    public void Reports_the_first_error_exactly(string text, int line, int column, string message) =>
        ParseError(text, line, column, message);

    [Fact]
    public void Reports_errors_on_later_lines_with_CRLF_and_TABs()
    {
        var error = ParseError("{\r\n  \"a\": 1,\r\n\t\"b\" 2\r\n}", 2, 5, "expected ':' after the member name, found '2'");
        Assert.Equal(19, error.Span.Start);
        Assert.Equal(1, error.Span.Length);

        ParseError("[\r\n\"x\u2028y\", tru]", 2, 4, "found 'tru'");
        ParseError("{\n\"a\":\n\"multi\nline\"}", 2, 6, "the string opened at line 3, column 1 is not closed before the end of the line");
    }

    [Fact]
    public void Error_spans_cover_the_offending_token()
    {
        var error = JsonParser.Parse("[undefined]").Error!;
        Assert.Equal(new JsonTextSpan(1, 9, 0, 1, 0, 10), error.Span);

        error = JsonParser.Parse("[").Error!;
        Assert.Equal(new JsonTextSpan(1, 0, 0, 1, 0, 1), error.Span);

        error = JsonParser.Parse("\"\\q\"").Error!;
        Assert.Equal(new JsonTextSpan(1, 2, 0, 1, 0, 3), error.Span);
    }

    [Fact]
    public void Never_throws_for_null_text() =>
        Assert.True(JsonParser.Parse(null!).IsEmpty);

    [Fact]
    public void Honors_cancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var text = "[" + string.Join(",", Enumerable.Repeat("1", 5000)) + "]";
        Assert.Throws<OperationCanceledException>(() => JsonParser.Parse(text, cts.Token));
    }
}
