using System.Text;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Error messages name one position, counted as people count (line and record from 1), give the reason in
/// CallLogGen's words (never System.Text.Json's "LineNumber: 0 | BytePositionInLine: 55"), and, where the input
/// ends too early, say what was still open.
/// </summary>
public class ErrorMessageTests
{
    private const string Good = """{"time":"2025-03-01T10:00:00Z","correlationId":"c"}""";

    private static LogJsonException Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    private static LogJsonException Read(byte[] json)
        => Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(json));

    [Fact]
    public void A_record_is_numbered_from_1_in_the_message_and_RecordNumber_and_from_0_in_RecordIndex()
    {
        var json = "{\"records\":[\n" + Good + ",\n{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"slow\"}\n]}";

        var error = Read(json);

        Assert.Equal(1, error.RecordIndex);
        Assert.Equal(2, error.RecordNumber);
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"line 3, byte offset {json.IndexOf("\"slow\"", StringComparison.Ordinal)}, record 2, column 'DurationMs': expected an int", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"records\":[" + Good + "," + Good + "," + Good + ",", "the input ends inside the records array after record 3")]
    [InlineData("{\"records\":[" + Good + "," + Good + "," + Good, "the input ends inside the records array after record 3")]
    [InlineData("{\"records\":[", "the input ends inside the records array, before any record")]
    [InlineData("[" + Good, "the input ends inside the array of records after record 1")]
    [InlineData("{\"records\":[" + Good + ",{\"time\":\"2025-03", "the input ends inside a string in record 2")]
    [InlineData("{\"records\":[" + Good + ",{\"time\":\"2025-03-01T10:00:00Z\",\"properties\":{\"a\":{\"b\":[1,", "the input ends inside the array 'b' in record 2")]
    [InlineData("{\"records\":[" + Good + ",{\"time\":\"2025-03-01T10:00:00Z\",\"properties\":{\"URI\":\"x\"", "the input ends inside the object 'properties' in record 2")]
    [InlineData("{\"records\":[" + Good + ",{\"time\":\"2025-03-01T10:00:00Z\"", "the input ends inside record 2")]
    [InlineData("{\"records\":[" + Good + ",{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":4", "the input ends inside record 2")]
    [InlineData("{\"records\":[" + Good + ",{\"time\":\"2025-03-01T10:00:00Z\",\"level\":tr", "the input ends inside the literal 'true' in record 2")]
    [InlineData("{\"records\":[" + Good + ",{\"ti", "the input ends inside a property name in record 2")]
    [InlineData("{\"records\":[" + Good + "]", "the input ends after the records array, before the '}' that closes the export object")]
    [InlineData(Good + "\n{\"time\":\"2025-03-01T1", "the input ends inside a string in record 2")]
    public void An_input_that_ends_too_early_says_what_was_open(string json, string problem)
    {
        var error = Read(json);

        Assert.Equal(problem, error.Problem);
        Assert.Equal(Encoding.UTF8.GetByteCount(json), error.BytePosition);
        Assert.EndsWith(": " + problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"time\":x}", 8, "unexpected character 'x' where a value should be")]
    [InlineData("{\"time\":\"2025-03-01T10:00:00Z\",}", 31, "a comma before '}' (a trailing comma is not JSON)")]
    [InlineData("{\"time\":\"2025-03-01T10:00:00Z\" \"level\":1}", 31, "unexpected character '\"' where ',' or '}' should be")]
    [InlineData("{\"time\" \"2025\"}", 8, "unexpected character '\"' after the property name 'time', where ':' should be")]
    [InlineData("{\"time\":\"2025\n\"}", 13, "a control character (byte 0x0A) inside a string; it must be escaped")]
    [InlineData("{\"time\":\"20\\q25\"}", 11, "an invalid escape '\\q' inside a string")]
    [InlineData("{\"time\":\"20\\u12x5\"}", 11, "an invalid \\u escape inside a string: four hex digits must follow \\u")]
    [InlineData("{\"durationMs\":012}", 14, "a number is not valid: it has a leading zero")]
    [InlineData("{\"durationMs\":-x}", 14, "a number is not valid: a digit must follow '-'")]
    [InlineData("{\"durationMs\":1.}", 14, "a number is not valid: a digit must follow the decimal point")]
    [InlineData("{\"durationMs\":12a}", 16, "unexpected character 'a' after a number")]
    [InlineData("{\"level\":nul}", 9, "not a JSON value: expected 'null' (JSON has only true, false and null unquoted)")]
    [InlineData("{\"level\":NaN}", 9, "unexpected character 'N' where a value should be")]
    [InlineData("{\"x\":[1,]}", 8, "a comma before ']' (a trailing comma is not JSON)")]
    [InlineData("{\"records\":[" + Good + ",]}", 64, "a comma before ']' (a trailing comma is not JSON)")]
    [InlineData("{\"records\":[" + Good + " " + Good + "]}", 64, "unexpected character '{' after record 1, where ',' or ']' should be")]
    public void Malformed_json_is_named_in_CallLogGen_s_words_at_its_byte(string json, long position, string problem)
    {
        var error = Read(json);

        Assert.Equal(problem, error.Problem);
        Assert.Equal(position, error.BytePosition);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_the_limit_names_the_limit_and_the_first_level_too_deep()
    {
        var json = "{\"identity\":" + new string('[', 64) + new string(']', 64) + "}";

        var error = Read(json);

        Assert.Equal("nesting deeper than 64 levels (LogReadOptions.MaxDepth)", error.Problem);
        Assert.Equal(12 + 63, error.BytePosition);

        // 64 levels, the record's included, are read.
        var atTheLimit = "{\"time\":\"2025-03-01T10:00:00Z\",\"identity\":" + new string('[', 63) + new string(']', 63) + "}";
        Assert.Equal(63, AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(atTheLimit)).UnmappedFields![0].Value.GetRawText().Count(c => c == '['));
    }

    [Fact]
    public void A_byte_that_starts_no_value_is_named_by_its_code()
    {
        var json = Encoding.UTF8.GetBytes("{\"level\":\u00e9}");

        var error = Read(json);

        Assert.Equal("unexpected byte 0xC3 where a value should be", error.Problem);
    }

    [Fact]
    public void A_byte_order_mark_split_over_reads_is_still_a_byte_order_mark()
    {
        var json = Encoding.UTF8.GetBytes("\uFEFF" + Good);

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(new ChunkedStream(json, 1)).ToList();

        Assert.Equal("c", Assert.Single(records).CorrelationId);
    }

    [Theory]
    [InlineData("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"}],"rows":[["2025-03-01T10:00:00Z"],["2025-03""", "the input ends inside a string in row 2", 1)]
    [InlineData("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"}],"rows":[["2025-03-01T10:00:00Z"],""", "the input ends inside the rows array after row 1", -1)]
    [InlineData("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},""", "the input ends inside the columns array", -1)]
    [InlineData("""{"tables":[{"name":"Primary""", "the input ends inside a string of the query result", -1)]
    public void A_query_result_that_ends_too_early_says_what_was_open(string json, string problem, long row)
    {
        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(row, error.RecordIndex);
        Assert.Equal(json.Length, error.BytePosition);
    }

    [Fact]
    public void A_query_result_s_rows_are_rows_in_the_message()
    {
        var json = """{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"}],"rows":[["2025-03-01T10:00:00Z"],[12]]}]}""";

        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json));

        Assert.Equal(2, error.RecordNumber);
        Assert.Contains(", row 2, column 'TimeGenerated': expected a datetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_result_without_columns_or_with_two_is_an_error()
    {
        Assert.Equal("the table has no columns array", Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult("""{"tables":[{"name":"PrimaryResult"}]}""")).Problem);
        Assert.Equal("the table has a second columns array", Assert.Throws<LogJsonException>(() => KqlResultTable.Read(Encoding.UTF8.GetBytes("""{"tables":[{"name":"T","columns":[],"columns":[]}]}"""))).Problem);
    }
}
