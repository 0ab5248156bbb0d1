using System.Text;
using CallLogGen.Json;
using CallLogGen.Kql;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>Reading Log Analytics query API results: bound once by column name, then read by position.</summary>
public class QueryResultReadingTests
{
    private const string Result = """
        {"tables":[{"name":"PrimaryResult","columns":[
          {"name":"OperationName","type":"string"},
          {"name":"TimeGenerated","type":"datetime"},
          {"name":"DurationMs","type":"int"},
          {"name":"calls","type":"long"}],
         "rows":[
          ["Play","2025-03-01T10:00:00Z",41,3],
          ["Hangup","2025-03-01T10:05:00Z",null,1]]}]}
        """;

    [Fact]
    public void Columns_are_bound_by_name_in_any_order()
    {
        var records = AcsCallAutomationIncomingOperations.Json.ReadQueryResult(Result);

        Assert.Equal(new[] { "Play", "Hangup" }, records.Select(r => r.OperationName));
        Assert.Equal(new int?[] { 41, null }, records.Select(r => r.DurationMs));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 5, 0, TimeSpan.Zero), records[1].TimeGenerated);

        // A column the table lacks (a computed one) is kept on the record.
        Assert.True(records[0].UnmappedFields!.TryGet("calls", out var calls));
        Assert.Equal(3, calls.GetInt64());
    }

    [Fact]
    public void A_missing_required_column_is_an_error_naming_it()
    {
        var json = """{"tables":[{"name":"PrimaryResult","columns":[{"name":"OperationName","type":"string"}],"rows":[["Play"]]}]}""";

        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json));

        Assert.Equal("TimeGenerated", error.Column);
        Assert.Contains("lacks the required column TimeGenerated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_and_dynamic_cells_sent_as_strings_are_typed()
    {
        var json = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"Amount","type":"decimal"},{"name":"Properties","type":"dynamic"},{"name":"Name","type":"string"}],
             "rows":[["2025-03-01T10:00:00Z","79228162514264337593543950335","{\"a\":[1,2]}","x"],["2025-03-01T10:00:00Z","0.1","plain text",null]]}]}
            """;

        var records = EveryColumnType.Json.ReadQueryResult(json);

        Assert.Equal(decimal.MaxValue, records[0].Amount);
        Assert.Equal(2, records[0].Properties!.Value.GetProperty("a")[1].GetInt32());
        Assert.Equal(0.1m, records[1].Amount);
        Assert.Equal("plain text", records[1].Properties!.Value.GetString());
        Assert.Null(records[1].Name);
    }

    [Fact]
    public void A_bad_cell_names_row_and_column()
    {
        var json = Result.Replace("null,1", "\"slow\",1", StringComparison.Ordinal);

        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json));

        Assert.Equal(1, error.RecordIndex);
        Assert.Equal("DurationMs", error.Column);
        Assert.Equal(8, error.Line);
        Assert.Equal(json.IndexOf("\"slow\"", StringComparison.Ordinal), error.BytePosition);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_an_error()
    {
        var json = Result.Replace("41,3]", "41]", StringComparison.Ordinal);

        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json));

        Assert.Equal(0, error.RecordIndex);
        Assert.Contains("3 cells", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_table_is_picked_among_several()
    {
        var json = """{"tables":[{"name":"Other","columns":[],"rows":[[]]},""" + Result.Trim()["{\"tables\":[".Length..];

        var records = AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json, "PrimaryResult");

        Assert.Equal(2, records.Count);
        Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(json));
    }

    [Fact]
    public async Task A_query_result_is_read_from_a_stream()
    {
        var records = await AcsCallAutomationIncomingOperations.Json.ReadQueryResultAsync(new MemoryStream(Encoding.UTF8.GetBytes(Result)));

        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void A_query_that_drops_a_required_column_cannot_be_read_into_the_model()
    {
        var query = AcsCallAutomationIncomingOperations.Query().Project(t => new KqlProjection { t.OperationName, t.DurationMs });

        // CLG2003 reports this call at build time; the test is of the runtime check behind it.
#pragma warning disable CLG2003
        var error = Assert.Throws<InvalidOperationException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(query, Encoding.UTF8.GetBytes(Result)));
#pragma warning restore CLG2003

        Assert.Contains("required column TimeGenerated:datetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_that_keeps_the_required_columns_is_read()
    {
        var query = AcsCallAutomationIncomingOperations.Query().Project(t => new KqlProjection { t.OperationName, t.TimeGenerated, t.DurationMs });

        var records = AcsCallAutomationIncomingOperations.Json.ReadQueryResult(query, Encoding.UTF8.GetBytes(Result));

        Assert.Equal(2, records.Count);
    }
}
