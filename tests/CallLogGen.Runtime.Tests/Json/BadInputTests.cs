using System.Text;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>Bad input ends in a <see cref="LogJsonException"/> that says where: byte, line, record and column.</summary>
public class BadInputTests
{
    private static LogJsonException Read(string json, LogReadOptions? options = null)
        => Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json), options));

    [Fact]
    public void A_value_of_the_wrong_type_names_record_column_line_and_byte()
    {
        var json = "{\"records\":[\n{\"time\":\"2025-03-01T10:00:00Z\"},\n{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"slow\"}\n]}";

        var error = Read(json);

        Assert.Equal(1, error.RecordIndex);
        Assert.Equal("DurationMs", error.Column);
        Assert.Equal(3, error.Line);
        Assert.Equal(json.IndexOf("\"slow\"", StringComparison.Ordinal), error.BytePosition);
        Assert.Contains("expected an int", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"slow\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("4.5")]
    [InlineData("1e3")]
    [InlineData("\"12abc\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void A_number_that_does_not_fit_an_int_is_never_a_silently_wrong_value(string value)
    {
        var error = Read("{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":" + value + "}");

        Assert.Equal("DurationMs", error.Column);
        Assert.Equal(0, error.RecordIndex);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n  ", 6)]
    public void An_empty_input_is_an_error(string json, long position)
    {
        var error = Read(json);

        Assert.Equal(position, error.BytePosition);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"records\":[{\"time\":\"2025-03-01T10:00:00Z\"")]
    [InlineData("{\"records\":[{\"time\":\"2025-03-01T10:00:00Z\"},")]
    [InlineData("{\"time\":\"2025-03-01T1")]
    [InlineData("[{\"time\":\"2025-03-01T10:00:00Z\"}")]
    public void Truncated_json_is_an_error_not_fewer_records(string json)
    {
        var error = Read(json);

        Assert.True(error.BytePosition <= json.Length);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Malformed_json_names_the_byte()
    {
        var json = "{\"time\":\"2025-03-01T10:00:00Z\",\"level\":,}";

        var error = Read(json);

        Assert.Equal(json.IndexOf(",}", StringComparison.Ordinal), error.BytePosition);
        Assert.Equal(0, error.RecordIndex);
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var error = Read("{\"records\":[{\"time\":\"2025-03-01T10:00:00Z\"},{\"level\":\"Warning\"}]}");

        Assert.Equal("TimeGenerated", error.Column);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_required_column_is_named()
    {
        var error = Read("{\"time\":null}");

        Assert.Equal("TimeGenerated", error.Column);
    }

    [Fact]
    public void Invalid_utf8_in_a_value_is_an_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"time\":\"2025-03-01T10:00:00Z\",\"correlationId\":\"ab\"}");
        var at = Array.IndexOf(bytes, (byte)'b');
        bytes[at] = 0xC3;

        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(bytes));

        Assert.Equal("CorrelationId", error.Column);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error()
    {
        var deep = new string('[', 100) + new string(']', 100);

        var error = Read("{\"time\":\"2025-03-01T10:00:00Z\",\"identity\":" + deep + "}");

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Content_after_the_export_is_an_error()
    {
        var error = Read("{\"records\":[]} {\"records\":[]}");

        Assert.Equal(15, error.BytePosition);
    }

    [Fact]
    public void Untyped_values_can_be_kept_instead_of_failing_the_record()
    {
        var json = "{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"slow\",\"resultSignature\":\"OK\"}";

        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json), new LogReadOptions { KeepUntypedValues = true });

        Assert.Null(record.DurationMs);
        Assert.Null(record.ResultSignature);
        Assert.True(record.UnmappedFields!.TryGet("durationMs", out var duration));
        Assert.Equal("slow", duration.GetString());
        Assert.True(record.UnmappedFields.TryGet("resultSignature", out var signature));
        Assert.Equal("OK", signature.GetString());
    }

    [Fact]
    public void Bad_lines_can_be_skipped_and_reported()
    {
        var lines = new[]
        {
            "{\"time\":\"2025-03-01T10:00:00Z\",\"correlationId\":\"a\"}",
            "{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"slow\"}",
            "{\"time\":\"2025-03-01T10:0",
            "{\"correlationId\":\"no time\"}",
            "{\"time\":\"2025-03-01T10:00:00Z\",\"correlationId\":\"b\"}",
        };
        var reported = new List<LogJsonException>();

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(
            Encoding.UTF8.GetBytes(string.Join("\n", lines)), new LogReadOptions { OnInvalidRecord = reported.Add });

        Assert.Equal(new[] { "a", "b" }, records.Select(r => r.CorrelationId));
        Assert.Equal(new long[] { 1, 2, 3 }, reported.Select(e => e.RecordIndex));
        Assert.Equal(new long[] { 2, 3, 4 }, reported.Select(e => e.Line));
        Assert.Equal(new string?[] { "DurationMs", null, "TimeGenerated" }, reported.Select(e => e.Column));
    }

    [Fact]
    public void Bad_records_of_a_records_document_can_be_skipped_when_the_json_is_sound()
    {
        var json = "{\"records\":[{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":[1,{\"a\":2}]},{\"time\":\"2025-03-01T10:00:00Z\",\"correlationId\":\"b\"}]}";
        var reported = new List<LogJsonException>();

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json), new LogReadOptions { OnInvalidRecord = reported.Add });

        Assert.Equal("b", Assert.Single(records).CorrelationId);
        Assert.Equal(0, Assert.Single(reported).RecordIndex);
    }

    [Fact]
    public void Malformed_json_inside_a_records_document_still_stops_the_read()
    {
        var json = "{\"records\":[{\"time\":\"2025-03-01T10:00:00Z\",,},{\"time\":\"2025-03-01T10:00:00Z\"}]}";
        var reported = new List<LogJsonException>();

        Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json), new LogReadOptions { OnInvalidRecord = reported.Add }));
    }
}
