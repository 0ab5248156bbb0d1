using System.Text;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// A table's reader returns only its own table's records: a record whose category names another table is skipped,
/// counted and reported through <see cref="LogReadOptions.OnOtherTableRecord"/> (never as a bad record), unless
/// <see cref="LogReadOptions.ReadOtherTableRecords"/> asks for every record.
/// </summary>
public class OtherTableTests
{
    private static byte[] MixedExport => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "data", "export-records-mixed.json"));

    [Fact]
    public async Task Each_typed_reader_returns_only_its_own_records_from_a_mixed_export()
    {
        var categories = JsonDocument.Parse(MixedExport).RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("category").GetString()).ToList();
        var others = new List<OtherTableRecord>();
        var invalid = new List<LogJsonException>();
        var options = new LogReadOptions { OnOtherTableRecord = others.Add, OnInvalidRecord = invalid.Add };

        var operations = AcsCallAutomationIncomingOperations.Json.ReadExport(MixedExport, options);
        var usage = new List<AcsBillingUsage>();
        await foreach (var record in AcsBillingUsage.Json.ReadExportAsync(new ChunkedStream(MixedExport, 100)))
        {
            usage.Add(record);
        }

        Assert.Equal(60, categories.Count(c => c == "CallAutomationOperational"));
        Assert.Equal(60, operations.Count);
        Assert.Equal(13, usage.Count);
        Assert.Empty(invalid);
        Assert.Equal(13, others.Count);
        Assert.All(others, o => Assert.Equal("Usage", o.Category));
        Assert.Equal(Enumerable.Range(1, 13), others.Select(o => (int)o.Count));
        Assert.Equal(categories.Select((c, i) => (c, i)).Where(x => x.c == "Usage").Select(x => (long)x.i), others.Select(o => o.RecordIndex));
        Assert.All(others, o => Assert.Equal(o.RecordIndex + 1, o.RecordNumber));

        // Each report points at the record's first byte.
        var text = Encoding.UTF8.GetString(MixedExport);
        Assert.All(others, o => Assert.StartsWith("{\"time\":", text[(int)o.BytePosition..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("CallAutomationOperational", true)]
    [InlineData("callautomationoperational", true)]
    [InlineData("Usage", false)]
    [InlineData("AuditEvent", false)]
    public void IsOwnRecord_goes_by_the_category_and_takes_a_record_without_one(string? category, bool own)
    {
        Assert.Equal(own, AcsCallAutomationIncomingOperations.Json.IsOwnRecord(category));
        Assert.True(EveryColumnType.Json.IsOwnRecord(category), "a table without a category cannot tell, so it reads every record");
    }

    [Fact]
    public void A_record_whose_category_comes_after_a_field_it_would_fail_is_skipped_not_an_error()
    {
        // Usage's durationMs is no int, and its category comes last: the operations reader still sees it is not its own.
        var json = StreamingTests.Record(0) + "\n{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"n/a\",\"properties\":{\"x\":[1,{\"y\":2}]},\"category\":\"Usage\"}\n" + StreamingTests.Record(2);
        var others = new List<OtherTableRecord>();

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json), new LogReadOptions { OnOtherTableRecord = others.Add });

        Assert.Equal(new[] { "call-0", "call-2" }, records.Select(r => r.CorrelationId));
        Assert.Equal(2, Assert.Single(others).Line);
    }

    [Fact]
    public void A_record_without_a_category_or_with_one_in_another_case_is_the_table_s_and_written_back_as_it_came()
    {
        var json = """
            {"time":"2025-03-01T10:00:00Z","correlationId":"none"}
            {"time":"2025-03-01T10:00:00Z","Category":"callautomationoperational","correlationId":"other case"}
            """;

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new[] { "none", "other case" }, records.Select(r => r.CorrelationId));
        Assert.DoesNotContain("category", WritingTests.WriteExportRecord(records[0]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Category\":\"callautomationoperational\"", WritingTests.WriteExportRecord(records[1]), StringComparison.Ordinal);
        Assert.DoesNotContain("CallAutomationOperational", WritingTests.WriteExportRecord(records[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_is_read_when_asked_and_keeps_its_own_category()
    {
        var others = new List<OtherTableRecord>();

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(MixedExport, new LogReadOptions { ReadOtherTableRecords = true, OnOtherTableRecord = others.Add });

        Assert.Equal(73, records.Count);
        Assert.Empty(others);
        var usage = records.First(r => r.OperationName == "CallingUsage");
        Assert.True(usage.UnmappedFields!.TryGet("category", out var category));
        Assert.Equal("Usage", category.GetString());
        Assert.Contains("\"category\":\"Usage\"", WritingTests.WriteExportRecord(usage), StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_one_record_of_another_table_says_so()
    {
        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes("""{"time":"2025-03-01T10:00:00Z","category":"Usage"}""")));

        Assert.Contains("category 'Usage', which is another table's", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LogReadOptions.ReadOtherTableRecords), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_callback_throws_comes_out_unchanged()
    {
        var thrown = new JsonException("the caller's own");
        var bad = Encoding.UTF8.GetBytes("{\"records\":[{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"slow\"}]}");

        Assert.Same(thrown, Assert.Throws<JsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(MixedExport, new LogReadOptions { OnOtherTableRecord = _ => throw thrown })));
        Assert.Same(thrown, Assert.Throws<JsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(bad, new LogReadOptions { OnInvalidRecord = _ => throw thrown })));
    }

    [Fact]
    public void The_mixed_reader_routes_a_category_key_in_any_case()
    {
        var json = """
            {"time":"2025-03-01T10:00:00Z","CATEGORY":"usage","properties":{"RecordId":"r"}}
            {"time":"2025-03-01T10:00:00Z","Category":"CallAutomationOperational","correlationId":"c"}
            {"time":"2025-03-01T10:00:00Z","correlationId":"none"}
            """;

        var records = new LogExportReader(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json).Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal("r", Assert.IsType<AcsBillingUsage>(records[0]).RecordId);
        Assert.Equal("c", Assert.IsType<AcsCallAutomationIncomingOperations>(records[1]).CorrelationId);
        Assert.Null(Assert.IsType<UnknownLogRecord>(records[2]).Category);
    }
}
