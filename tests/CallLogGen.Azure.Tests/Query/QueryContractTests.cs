using Azure.Core;
using Azure.Core.Pipeline;
using System.Text.Json;
using CallLogGen.Azure.Query;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Json;
using CallLogGen.Kql;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;
using static CallLogGen.Kql.KqlFunctions;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>
/// The client against the query API's REST contract. The server is <see cref="LogAnalyticsStandIn"/>, a loopback
/// stand-in for the real service (which cannot run here) that checks every request and answers with the shapes of
/// the public API reference.
/// </summary>
public class QueryContractTests
{
    private static readonly LogAnalyticsTimeRange Day = LogAnalyticsTimeRange.Between(QueryData.DayStart, QueryData.DayEnd);

    private static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> FailedOperations() =>
        AcsCallAutomationIncomingOperations.Query().Where(t => t.ResultType == "Failed");

    [Fact]
    public async Task A_workspace_query_posts_the_kql_and_timespan_and_reads_the_rows_into_models()
    {
        var rows = QueryData.Day(3);
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, rows.Select(QueryData.Cells))));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"), credential: null, server.ClientOptions());

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day);

        server.AssertEveryRequestFollowedTheContract();
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/workspaces/5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/query", request.Path);
        Assert.Equal(FailedOperations().ToKql(), request.Kql);
        Assert.Equal("2026-11-25T00:00:00.0000000Z/2026-11-26T00:00:00.0000000Z", request.Timespan);
        Assert.Equal("wait=180", request.Http.Header("Prefer"));
        Assert.Null(request.Http.Header("Authorization"));
        Assert.Equal(LogAnalyticsQueryStatus.Success, result.Status);
        Assert.False(result.WasSplit);
        Assert.Equal(rows.Select(r => (r.TimeGenerated, r.OperationName, (int?)r.DurationMs)), result.Rows.Select(r => (r.TimeGenerated, r.OperationName!, r.DurationMs)));
    }

    [Fact]
    public async Task A_resource_centric_query_posts_to_the_resource_path_and_a_duration_is_sent_as_iso_8601()
    {
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>())));
        const string resource = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/calls/providers/Microsoft.Communication/CommunicationServices/contoso";
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Resource(resource), credential: null, server.ClientOptions());

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), LogAnalyticsTimeRange.Last(TimeSpan.FromHours(12)));

        server.AssertEveryRequestFollowedTheContract();
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1" + resource + "/query", request.Path);
        Assert.Equal("PT12H", request.Timespan);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task No_time_range_sends_no_timespan()
    {
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>())));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), LogAnalyticsTimeRange.All);

        Assert.Null(Assert.Single(server.Requests).Timespan);
        Assert.DoesNotContain("timespan", System.Text.Encoding.UTF8.GetString(server.Requests[0].Http.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_are_bound_by_name_so_another_order_a_missing_optional_column_and_an_unknown_one_all_read()
    {
        // The response's columns in another order than the model's, without CorrelationId, and with one the model lacks.
        var columns = new[] { new ApiColumn("DurationMs", "int"), new ApiColumn("Extra", "string"), new ApiColumn("OperationName", "string"), new ApiColumn("TimeGenerated", "datetime") };
        var time = QueryData.DayStart.AddHours(3);
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(columns, new[] { new[] { "41", Cell("kept"), Cell("Play"), Cell(time) } })));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var record = Assert.Single((await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day)).Rows);

        Assert.Equal(41, record.DurationMs);
        Assert.Equal("Play", record.OperationName);
        Assert.Equal(time, record.TimeGenerated);
        Assert.Null(record.CorrelationId);
        Assert.Equal("\"kept\"", Assert.Single(record.UnmappedFields!).Value.GetRawText());
    }

    [Fact]
    public async Task A_response_without_a_required_column_is_an_error_naming_it()
    {
        var columns = new[] { new ApiColumn("OperationName", "string") };
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(columns, new[] { new[] { Cell("Play") } })));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogJsonException>(() => client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day));

        Assert.Equal("TimeGenerated", error.Column);
    }

    [Fact]
    public async Task A_query_that_drops_a_required_column_of_the_model_fails_before_any_request()
    {
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>())));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());
        var query = AcsCallAutomationIncomingOperations.Query().Project(t => new KqlProjection { t.OperationName });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.QueryAsync(AcsCallAutomationIncomingOperations.Json, query, Day));

        Assert.Contains("TimeGenerated", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Dynamic_cells_read_alike_whether_sent_as_json_or_as_a_json_string()
    {
        var columns = new[] { new ApiColumn("TimeGenerated", "datetime"), new ApiColumn("Name", "string"), new ApiColumn("Properties", "dynamic") };
        var time = Cell(QueryData.DayStart.AddHours(1));
        const string properties = "{\"leg\":2,\"tags\":[\"a\",\"b\"]}";
        var rows = new[]
        {
            new[] { time, Cell("as-json"), properties },
            new[] { time, Cell("as-string"), JsonSerializer.Serialize(properties) },
        };
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(columns, rows)));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var records = (await client.QueryAsync(EveryColumnType.Json, EveryColumnType.Query().InTimeRange(QueryData.DayStart, QueryData.DayEnd), Day)).Rows;

        Assert.Equal(2, records.Count);
        foreach (var record in records)
        {
            Assert.Equal(JsonValueKind.Object, record.Properties!.Value.ValueKind);
            Assert.Equal(2, record.Properties.Value.GetProperty("leg").GetInt32());
            Assert.Equal("b", record.Properties.Value.GetProperty("tags")[1].GetString());
        }
    }

    [Fact]
    public async Task A_summarize_is_read_as_rows_typed_by_the_query_columns_with_dynamic_as_object_and_as_string()
    {
        var calls = KqlLong.Column("Calls");
        var names = KqlDynamic.Column("Names");
        var query = AcsCallAutomationIncomingOperations.Query()
            .InTimeRange(QueryData.DayStart, QueryData.DayEnd)
            .Summarize(t => new KqlAggregation { calls.Is(Count()), names.Is(MakeList(t.OperationName)) }, by: t => new KqlProjection { t.ResultType });
        var columns = new[] { new ApiColumn("ResultType", "string"), new ApiColumn("Calls", "long"), new ApiColumn("Names", "dynamic") };
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(columns, new[]
        {
            new[] { Cell("Failed"), "3", "[\"Play\",\"Hangup\"]" },
            new[] { Cell("Succeeded"), "12", JsonSerializer.Serialize("[\"Play\",\"Hangup\"]") },
        })));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var result = await client.QueryAsync(query, Day);

        server.AssertEveryRequestFollowedTheContract();
        Assert.Equal(new[] { "ResultType:string", "Calls:long", "Names:dynamic" }, result.Columns.Select(c => c.ToString()));
        Assert.Equal(new long?[] { 3, 12 }, result.Rows.Select(r => r.Get(calls)));
        Assert.All(result.Rows, r => Assert.Equal("Hangup", r.Get(names)!.Value[1].GetString()));
    }

    [Fact]
    public async Task A_204_is_an_empty_result()
    {
        await using var server = new LogAnalyticsStandIn(_ => NoContent());
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day);
        var streamed = await client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day).ToListAsync();

        Assert.Empty(result.Rows);
        Assert.Equal(LogAnalyticsQueryStatus.Success, result.Status);
        Assert.Empty(streamed);
    }

    [Fact]
    public async Task Statistics_are_asked_for_in_the_prefer_header_and_returned()
    {
        const string statistics = "{\"query\":{\"executionTime\":0.0312,\"resourceUsage\":{\"cache\":{\"memory\":{\"hits\":12}}}}}";
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>(), statistics: statistics)));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day, new LogAnalyticsQueryOptions { IncludeStatistics = true, ServerTimeout = TimeSpan.FromSeconds(45) });

        server.AssertEveryRequestFollowedTheContract();
        var request = Assert.Single(server.Requests);
        Assert.True(request.IncludeStatistics);
        Assert.Equal(45, request.Wait);
        Assert.Equal(0.0312, result.Statistics!.Value.GetProperty("query").GetProperty("executionTime").GetDouble());
    }

    [Fact]
    public async Task The_client_waits_longer_than_the_server_timeout_it_asks_for()
    {
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>())));
        var options = server.ClientOptions();
        var seen = new NetworkTimeoutProbe();
        options.AddPolicy(seen, HttpPipelinePosition.PerCall);
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, options);

        await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day, new LogAnalyticsQueryOptions { ServerTimeout = TimeSpan.FromMinutes(10) });

        Assert.Equal(600, Assert.Single(server.Requests).Wait);
        Assert.Equal(TimeSpan.FromMinutes(10) + options.NetworkTimeoutMargin, seen.NetworkTimeout);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.QueryAsync(AcsCallAutomationIncomingOperations.Json, FailedOperations(), Day, new LogAnalyticsQueryOptions { ServerTimeout = TimeSpan.FromMinutes(11) }));
        Assert.Single(server.Requests); // the service's limit is 10 minutes: the second query never left
    }

    private sealed class NetworkTimeoutProbe : HttpPipelineSynchronousPolicy
    {
        public TimeSpan? NetworkTimeout { get; private set; }

        public override void OnSendingRequest(HttpMessage message) => NetworkTimeout = message.NetworkTimeout;
    }
}
