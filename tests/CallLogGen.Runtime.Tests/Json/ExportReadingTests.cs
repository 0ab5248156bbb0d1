using System.Text;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>Reading diagnostic-settings exports into the generated models: shapes, mapping, variants.</summary>
public class ExportReadingTests
{
    internal const string Operation = """
        {"time":"2025-03-01T10:00:00.1234567Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/ACS","operationName":"Play","operationVersion":"2023-10-15","category":"CallAutomationOperational","resultType":"Succeeded","resultSignature":202,"durationMs":41,"callerIpAddress":"203.0.113.7","correlationId":"c1","level":"Informational","properties":{"CallConnectionId":"conn-1","ServerCallId":"srv-1","SdkVersion":"1.2.0","SdkType":"dotnet","SubOperationName":"PlayAudio","URI":"https://acs/calling/callConnections/conn-1:play","OperationId":"op-1"}}
        """;

    [Fact]
    public void Every_column_is_read_from_its_export_path()
    {
        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(Operation));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), record.TimeGenerated);
        Assert.Equal(TimeSpan.Zero, record.TimeGenerated.Offset);
        Assert.Equal("/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/ACS", record.ResourceId);
        Assert.Equal("Play", record.OperationName);
        Assert.Equal("2023-10-15", record.OperationVersion);
        Assert.Equal("Succeeded", record.ResultType);
        Assert.Equal(202, record.ResultSignature);
        Assert.Equal(41, record.DurationMs);
        Assert.Equal("203.0.113.7", record.CallerIpAddress);
        Assert.Equal("c1", record.CorrelationId);
        Assert.Equal("Informational", record.Level);
        Assert.Equal("conn-1", record.CallConnectionId);
        Assert.Equal("srv-1", record.ServerCallId);
        Assert.Equal("1.2.0", record.SdkVersion);
        Assert.Equal("dotnet", record.SdkType);
        Assert.Equal("PlayAudio", record.SubOperationName);
        Assert.Equal("https://acs/calling/callConnections/conn-1:play", record.Uri);
        Assert.Equal("op-1", record.OperationId);

        // The table has no Category column, and needs none: the category is the table's (writers write it back).
        Assert.Null(record.UnmappedFields);
    }

    [Fact]
    public void A_record_of_another_category_read_on_purpose_keeps_its_category()
    {
        var json = Operation.Replace("\"category\":\"CallAutomationOperational\"", "\"category\":\"AuditEvent\"", StringComparison.Ordinal);

        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json), new LogReadOptions { ReadOtherTableRecords = true });

        Assert.True(record.UnmappedFields!.TryGet("category", out var category));
        Assert.Equal("AuditEvent", category.GetString());
        Assert.DoesNotContain("CallAutomationOperational", WritingTests.WriteExportRecord(record), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_no_column_takes_are_kept_with_their_raw_json()
    {
        var json = "{\"time\":\"2025-03-01T10:00:00Z\",\"location\":\"westeurope\",\"identity\":{\"claim\":{\"oid\":\"x\\u00e9\"}},\"properties\":{\"extra\":[1,2.50,\"\\ud800\"]}}";

        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json));

        var fields = record.UnmappedFields!;
        Assert.Equal(new[] { "location", "identity", "extra" }, fields.Select(f => f.Name));
        Assert.Equal(new string?[] { null, null, "properties" }, fields.Select(f => f.Section));
        Assert.Equal("westeurope", fields[0].Value.GetString());
        Assert.Equal("x\u00e9", fields[1].Value.GetProperty("claim").GetProperty("oid").GetString());
        Assert.Equal("[1,2.50,\"\\ud800\"]", fields[2].Value.GetRawText());
        Assert.Contains("\"extra\":[1,2.50,\"\\ud800\"]", WritingTests.WriteExportRecord(record), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_column_knows_its_export_path()
    {
        string? PathOf(string column) => AcsCallAutomationIncomingOperations.Json.ExportPath(
            AcsCallAutomationIncomingOperations.Schema.Columns.ToList().FindIndex(c => c.Name == column));

        Assert.Equal("time", PathOf("TimeGenerated"));
        Assert.Equal("resourceId", PathOf("_ResourceId"));
        Assert.Equal("durationMs", PathOf("DurationMs"));
        Assert.Equal("properties.URI", PathOf("URI"));
        Assert.Null(PathOf("TenantId"));
        Assert.Null(PathOf("_BilledSize"));
    }

    [Theory]
    [InlineData("records")]
    [InlineData("array")]
    [InlineData("lines")]
    [InlineData("pretty-lines")]
    public void Every_export_shape_gives_the_same_records(string shape)
    {
        var second = Operation.Replace("\"c1\"", "\"c2\"", StringComparison.Ordinal);
        var json = shape switch
        {
            "records" => "{\"records\":[" + Operation + "," + second + "]}",
            "array" => "[" + Operation + ",\n" + second + "]",
            "lines" => Operation + "\n" + second + "\n",
            _ => Pretty(Operation) + "\r\n" + Pretty(second),
        };

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new[] { "c1", "c2" }, records.Select(r => r.CorrelationId));
    }

    [Fact]
    public void Shared_strings_of_low_cardinality_columns_are_one_instance()
    {
        var json = "{\"records\":[" + Operation + "," + Operation + "]}";

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes(json));

        Assert.Same(records[0].OperationName, records[1].OperationName);
        Assert.Same(records[0].Level, records[1].Level);
        Assert.NotSame(records[0].CorrelationId, records[1].CorrelationId);
    }

    [Theory]
    [InlineData("\"durationMs\":\"41\"", 41)]
    [InlineData("\"durationMs\":41", 41)]
    [InlineData("\"DurationMs\":41", 41)]
    [InlineData("\"DURATIONMS\":\"41\"", 41)]
    [InlineData("\"properties\":{\"durationMs\":41}", 41)]
    [InlineData("\"durationMs\":null", null)]
    [InlineData("\"durationMs\":\"\"", null)]
    public void Documented_variants_of_a_column_are_accepted(string field, int? expected)
    {
        var json = "{\"time\":\"2025-03-01T10:00:00Z\"," + field + "}";

        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json));

        Assert.Equal(expected, record.DurationMs);
    }

    [Theory]
    [InlineData("\"2025-03-01T10:00:00\"", 0)]
    [InlineData("\"2025-03-01T10:00:00Z\"", 0)]
    [InlineData("\"2025-03-01T12:00:00+02:00\"", 2)]
    [InlineData("\"2025-03-01 10:00:00Z\"", 0)]
    public void Datetimes_without_an_offset_are_utc(string value, int offsetHours)
    {
        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes("{\"time\":" + value + "}"));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), record.TimeGenerated);
        Assert.Equal(TimeSpan.FromHours(offsetHours), record.TimeGenerated.Offset);
    }

    [Fact]
    public void Every_type_reads_its_variants()
    {
        var json = """
            {"time":"2025-03-01T10:00:00Z","properties":{"Name":"n","Count":"9223372036854775807","Size":"-7","Ratio":"NaN","Amount":"79228162514264337593543950335","IsRetry":"TRUE","Elapsed":"1.02:03:04.5","RequestId":"{3f2504e0-4f89-11d3-9a0c-0305e82c3301}","Properties":"{\"a\":1}"}}
            """;

        var record = EveryColumnType.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json));

        Assert.Equal("n", record.Name);
        Assert.Equal(long.MaxValue, record.Count);
        Assert.Equal(-7, record.Size);
        Assert.True(double.IsNaN(record.Ratio!.Value));
        Assert.Equal(decimal.MaxValue, record.Amount);
        Assert.True(record.IsRetry);
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), record.Elapsed);
        Assert.Equal(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), record.RequestId);

        // JSON inside a string field stays the string it arrived as.
        Assert.Equal(JsonValueKind.String, record.Properties!.Value.ValueKind);
        Assert.Equal("{\"a\":1}", record.Properties.Value.GetString());
    }

    [Fact]
    public void A_dynamic_column_takes_a_string_in_one_record_and_an_object_in_another()
    {
        var json = """
            {"time":"2025-03-01T10:00:00Z","properties":{"Properties":"John Doe"}}
            {"time":"2025-03-01T10:00:00Z","properties":{"Properties":{"claim":{"oid":"6079"}}}}
            """;

        var records = EveryColumnType.Json.ReadExport(Encoding.UTF8.GetBytes(json));

        Assert.Equal("John Doe", records[0].Properties!.Value.GetString());
        Assert.Equal("6079", records[1].Properties!.Value.GetProperty("claim").GetProperty("oid").GetString());
    }

    [Fact]
    public void An_empty_records_array_is_no_records()
    {
        Assert.Empty(AcsCallAutomationIncomingOperations.Json.ReadExport("{\"records\":[]}"));
    }

    private static string Pretty(string json)
        => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });
}
