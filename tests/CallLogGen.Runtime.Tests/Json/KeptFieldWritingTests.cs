using System.Text;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// What a reader kept, every writer writes: fields no column takes, second spellings and values a column could not
/// type, in exports where they came from, in query results as columns of their own, in ingestion arrays as
/// properties of their own; and an object or array that arrived in a string column, as it arrived.
/// </summary>
public class KeptFieldWritingTests
{
    private const string Export = """
        {"time":"2025-03-01T10:00:00Z","level":"Informational","properties":{"Level":"Warning","someNewField":{"nested":[1,2,3]},"TenantId":"t"},"durationMs":"slow","location":"westeurope"}
        """;

    private static AcsCallAutomationIncomingOperations ReadLeniently(string json)
        => AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json), new LogReadOptions { KeepUntypedValues = true });

    [Fact]
    public void The_ingestion_array_keeps_every_kept_field_as_a_property_of_its_own()
    {
        var record = ReadLeniently(Export);

        var written = WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteIngestion(w, new[] { record }));

        Assert.Equal("""[{"DurationMs":"slow","Level":"Informational","TimeGenerated":"2025-03-01T10:00:00Z","Level1":"Warning","someNewField":{"nested":[1,2,3]},"TenantId1":"t","location":"westeurope"}]""", written);
    }

    [Fact]
    public void The_query_result_keeps_every_kept_field_as_a_column_of_its_own()
    {
        var record = ReadLeniently(Export);

        var written = WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteQueryResult(w, new[] { record }));

        var table = JsonDocument.Parse(written).RootElement.GetProperty("tables")[0];
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString()).ToList();
        var row = table.GetProperty("rows")[0];
        var schemaCount = AcsCallAutomationIncomingOperations.Schema.Columns.Count;
        Assert.Equal(new[] { "Level1:string", "someNewField:dynamic", "TenantId1:string", "location:string" }, columns.Skip(schemaCount));
        Assert.Equal("\"slow\"", row[columns.IndexOf("DurationMs:int")].GetRawText());
        Assert.Equal("{\"nested\":[1,2,3]}", row[schemaCount + 1].GetString());

        // Read back (keeping what its int column cannot type), it is the same record again.
        var again = Assert.Single(AcsCallAutomationIncomingOperations.Json.ReadQueryResult(written, options: new LogReadOptions { KeepUntypedValues = true }));
        Assert.Equal(written, WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteQueryResult(w, new[] { again })));
    }

    [Fact]
    public void A_query_result_s_extra_columns_write_back_with_their_names_types_and_cells()
    {
        var result = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"DurationMs","type":"int"},{"name":"durationms","type":"int"},{"name":"calls","type":"long"},{"name":"ratio","type":"real"},{"name":"ok","type":"bool"},{"name":"bag","type":"dynamic"},{"name":"note","type":"string"},{"name":"when","type":"datetime"}],
             "rows":[["2025-03-01T10:00:00Z",41,42,3,0.5,true,"{\"a\":[1,{\"b\":null}]}","Zoë \"東京\"","2025-03-02T00:00:00Z"],
                     ["2025-03-01T10:00:01Z",null,null,null,null,null,null,null,null]]}]}
            """;

        var records = AcsCallAutomationIncomingOperations.Json.ReadQueryResult(result);
        var written = WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteQueryResult(w, records));

        var input = JsonDocument.Parse(result).RootElement.GetProperty("tables")[0];
        var output = JsonDocument.Parse(written).RootElement.GetProperty("tables")[0];
        var extra = output.GetProperty("columns").EnumerateArray().Skip(AcsCallAutomationIncomingOperations.Schema.Columns.Count).Select(c => c.GetRawText());
        Assert.Equal(input.GetProperty("columns").EnumerateArray().Skip(2).Select(c => c.GetRawText()), extra);
        for (var row = 0; row < 2; row++)
        {
            var cells = output.GetProperty("rows")[row].EnumerateArray().Skip(AcsCallAutomationIncomingOperations.Schema.Columns.Count).Select(Text);
            Assert.Equal(input.GetProperty("rows")[row].EnumerateArray().Skip(2).Select(Text), cells);
        }

        Assert.Equal(JsonValueKind.Object, records[0].UnmappedFields!.Single(f => f.Name == "bag").Value.ValueKind);
        Assert.Equal(KqlType.Int, records[0].UnmappedFields!.Single(f => f.Name == "durationms").ColumnType);
    }

    /// <summary>A cell as its value says it: a string's text whatever its escapes, anything else its JSON.</summary>
    private static string Text(JsonElement cell) => cell.ValueKind == JsonValueKind.String ? "string " + cell.GetString() : cell.GetRawText();

    [Fact]
    public void A_value_a_column_could_not_type_gives_way_to_a_value_set_since()
    {
        var record = ReadLeniently(Export);
        record.DurationMs = 5;

        var export = WritingTests.WriteExportRecord(record);
        var ingestion = WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteIngestion(w, new[] { record }));

        Assert.Contains("\"durationMs\":5", export, StringComparison.Ordinal);
        Assert.DoesNotContain("slow", export, StringComparison.Ordinal);
        Assert.Contains("\"DurationMs\":5", ingestion, StringComparison.Ordinal);
        Assert.DoesNotContain("slow", ingestion, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_or_array_in_a_string_column_is_kept_as_its_json_text_and_written_back_as_it_arrived()
    {
        var json = """{"time":"2025-03-01T10:00:00Z","properties":{"SdkVersion":{ "major" : 1, "tags":["a","\u00e9"] },"URI":[1, 2]}}""";

        var record = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(Encoding.UTF8.GetBytes(json));

        Assert.Equal("""{ "major" : 1, "tags":["a","\u00e9"] }""", record.SdkVersion);
        Assert.Equal("[1, 2]", record.Uri);
        var export = WritingTests.WriteExportRecord(record);
        Assert.Contains("""
            "SdkVersion":{ "major" : 1, "tags":["a","\u00e9"] }
            """.Trim(), export, StringComparison.Ordinal);
        Assert.Contains("\"URI\":[1, 2]", export, StringComparison.Ordinal);

        // Query results and ingestion arrays hold a string column's value as a string: its JSON text, as Log Analytics stores it.
        var ingestion = JsonDocument.Parse(WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteIngestion(w, new[] { record }))).RootElement[0];
        Assert.Equal("[1, 2]", ingestion.GetProperty("URI").GetString());
        var again = Assert.Single(AcsCallAutomationIncomingOperations.Json.ReadQueryResult(WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteQueryResult(w, new[] { record }))));
        Assert.Equal(record.SdkVersion, again.SdkVersion);

        // A new value that is no JSON is written as the string it is.
        record.SdkVersion = "1.3.0";
        Assert.Contains("\"SdkVersion\":\"1.3.0\"", WritingTests.WriteExportRecord(record), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"durationMs\":{\"a\":1}", "DurationMs", "found an object")]
    [InlineData("\"durationMs\":[1]", "DurationMs", "found an array")]
    [InlineData("\"properties\":{\"resultSignature\":{\"a\":1}}", "ResultSignature", "found an object")]
    public void Other_type_mismatches_stay_errors_in_strict_mode(string field, string column, string found)
    {
        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadExport(Encoding.UTF8.GetBytes("{\"time\":\"2025-03-01T10:00:00Z\"," + field + "}")));

        Assert.Equal(column, error.Column);
        Assert.EndsWith(found, error.Problem, StringComparison.Ordinal);
    }
}
