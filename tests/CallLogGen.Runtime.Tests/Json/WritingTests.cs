using System.Buffers;
using System.Text;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>Writing models back: exports, query results and Logs Ingestion API arrays.</summary>
public class WritingTests
{
    [Fact]
    public void A_read_record_is_written_back_as_it_came()
    {
        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(ExportReadingTests.Operation));

        var written = WriteExportRecord(record);

        Assert.True(JsonSemantics.AreEqual(ExportReadingTests.Operation, written, out var difference), difference);
    }

    [Fact]
    public void Spellings_places_and_quoted_numbers_survive_a_round_trip()
    {
        var json = """{"Time":"2025-03-01T10:00:00Z","durationMs":"41","LEVEL":"Warning","properties":{"resultSignature":"500","sdkVersion":"1.2","extra":{"a":[1,2]}},"x":null,"identity":"John"}""";

        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json));
        var written = WriteExportRecord(record);

        Assert.Equal(41, record.DurationMs);
        Assert.Equal(500, record.ResultSignature);
        Assert.Equal("Warning", record.Level);
        using var document = JsonDocument.Parse(written);
        var root = document.RootElement;
        Assert.Equal("41", root.GetProperty("durationMs").GetString());
        Assert.Equal("Warning", root.GetProperty("LEVEL").GetString());
        Assert.Equal("500", root.GetProperty("properties").GetProperty("resultSignature").GetString());
        Assert.Equal("1.2", root.GetProperty("properties").GetProperty("sdkVersion").GetString());
        Assert.Equal("John", root.GetProperty("identity").GetString());
        Assert.True(JsonSemantics.AreEqual(json, written, out var difference), difference);
    }

    [Fact]
    public void A_changed_value_is_written_in_its_original_form()
    {
        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(
            Encoding.UTF8.GetBytes("""{"time":"2025-03-01T10:00:00Z","durationMs":"41"}"""));
        record.DurationMs = 7;

        var written = WriteExportRecord(record);

        Assert.Contains("\"durationMs\":\"7\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_model_is_written_with_its_export_paths()
    {
        var record = new AcsCallAutomationIncomingOperations
        {
            TimeGenerated = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero),
            OperationName = "Play",
            DurationMs = 12,
            CallConnectionId = "conn",
            ResourceId = "/R",
            TenantId = "not exported",
        };

        var written = WriteExportRecord(record);

        Assert.Equal("""{"time":"2025-03-01T10:00:00Z","resourceId":"/R","operationName":"Play","durationMs":12,"properties":{"CallConnectionId":"conn"}}""", written);
    }

    [Fact]
    public async Task Records_written_one_per_line_read_back_equal()
    {
        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(
            Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 20).Select(StreamingTests.Record))));
        using var stream = new MemoryStream();

        await AcsCallAutomationIncomingOperations.Json.WriteExportAsync(stream, records, oneRecordPerLine: true);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(20, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var again = AcsCallAutomationIncomingOperations.Json.ReadExport(stream.ToArray());
        Assert.Equal(records.Select(r => r.CorrelationId), again.Select(r => r.CorrelationId));
    }

    [Fact]
    public void Lines_written_to_a_buffer_writer_are_separate_documents()
    {
        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(StreamingTests.Record(1) + StreamingTests.Record(2)));
        var buffer = new ArrayBufferWriter<byte>();

        AcsCallAutomationIncomingOperations.Json.WriteExportLines(buffer, records);

        var lines = Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.True(JsonSemantics.AreEqual(StreamingTests.Record(2), lines[1], out var difference), difference);
    }

    [Fact]
    public void A_query_result_written_is_read_back_equal()
    {
        var json = """
            {"time":"2025-03-01T10:00:00Z","properties":{"Name":"n","Count":5,"Size":-7,"Ratio":0.25,"Amount":12.5,"IsRetry":true,"Elapsed":"00:00:01.5000000","RequestId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Properties":{"a":[1,"b"]}}}
            """;
        var record = EveryColumnType.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json));

        var result = Write(w => EveryColumnType.Json.WriteQueryResult(w, new[] { record }));
        var again = Assert.Single(EveryColumnType.Json.ReadQueryResult(result));

        using var document = JsonDocument.Parse(result);
        var table = document.RootElement.GetProperty("tables")[0];
        Assert.Equal("PrimaryResult", table.GetProperty("name").GetString());
        Assert.Equal(EveryColumnType.Schema.Columns.Select(c => c.KqlTypeName), table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.String, table.GetProperty("rows")[0][EveryColumnType.Schema.Columns.Count - 1].ValueKind);
        Assert.Equal(record.TimeGenerated, again.TimeGenerated);
        Assert.Equal(record.Count, again.Count);
        Assert.Equal(record.Size, again.Size);
        Assert.Equal(record.Ratio, again.Ratio);
        Assert.Equal(record.Amount, again.Amount);
        Assert.Equal(record.IsRetry, again.IsRetry);
        Assert.Equal(record.Elapsed, again.Elapsed);
        Assert.Equal(record.RequestId, again.RequestId);
        Assert.Equal(record.Properties!.Value.GetRawText(), again.Properties!.Value.GetRawText());
    }

    [Fact]
    public void The_ingestion_array_leaves_out_the_columns_azure_monitor_sets()
    {
        var record = new AcsCallAutomationIncomingOperations
        {
            TimeGenerated = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero),
            OperationName = "Play",
            TenantId = "t",
            Type = "ACSCallAutomationIncomingOperations",
            SourceSystem = "Azure",
            ResourceId = "/R",
            BilledSize = 12,
        };

        var written = Write(w => AcsCallAutomationIncomingOperations.Json.WriteIngestion(w, new[] { record }));

        Assert.Equal("""[{"OperationName":"Play","TimeGenerated":"2025-03-01T10:00:00Z"}]""", written);
    }

    [Fact]
    public void Reals_that_json_cannot_hold_are_written_as_strings_and_read_back()
    {
        var record = new EveryColumnType { TimeGenerated = DateTimeOffset.UnixEpoch, Ratio = double.PositiveInfinity };

        var written = WriteExport(new[] { record }, EveryColumnType.Json);
        var again = EveryColumnType.Json.ReadExport(written);

        Assert.Equal(double.PositiveInfinity, Assert.Single(again).Ratio);
    }

    internal static string WriteExportRecord(AcsCallAutomationIncomingOperations record)
        => Write(w => AcsCallAutomationIncomingOperations.Json.WriteExportRecord(w, record));

    private static string WriteExport<T>(IEnumerable<T> records, LogRecordJson<T> json)
        where T : class
        => Write(w => json.WriteExport(w, records));

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
