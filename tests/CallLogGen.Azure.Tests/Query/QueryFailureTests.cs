using System.Diagnostics;
using CallLogGen.Azure.Query;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Json;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>
/// Errors, partial results and retries, against the loopback stand-in for the query API (the real service cannot
/// run here): OneAPI error bodies from errors.md, a 200 with a PartialError from response-format.md, 429 with
/// Retry-After and 503 retried through the Azure.Core pipeline, 504 never retried.
/// </summary>
public class QueryFailureTests
{
    private static readonly LogAnalyticsTimeRange Day = LogAnalyticsTimeRange.Between(QueryData.DayStart, QueryData.DayEnd);

    private static Task<LogAnalyticsQueryResult<AcsCallAutomationIncomingOperations>> Query(LogAnalyticsQueryClient client, LogAnalyticsQueryOptions? options = null) =>
        client.QueryAsync(AcsCallAutomationIncomingOperations.Json, AcsCallAutomationIncomingOperations.Query().Where(t => t.ResultType == "Failed"), Day, options);

    [Fact]
    public async Task A_oneapi_error_becomes_one_exception_type_with_its_code_message_and_inner_error()
    {
        await using var server = new LogAnalyticsStandIn(_ => OneApiError(400, "Bad Request", "BadArgumentError", "The request had some invalid properties", "SemanticError", "'where' operator: Failed to resolve column"));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Query(client));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadArgumentError", error.ErrorCode);
        Assert.Equal("The request had some invalid properties", error.Error.Message);
        Assert.Equal("SemanticError", error.Error.InnerError!.Code);
        Assert.Contains("Failed to resolve column", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests); // a 400 is not retried
    }

    [Theory]
    [InlineData(403, "Forbidden", "InsufficientAccessError", "The provided credentials have insufficient access to perform the requested operation")]
    [InlineData(404, "Not Found", "PathNotFoundError", "The requested path does not exist")]
    public async Task Access_and_path_errors_carry_the_services_code(int status, string reason, string code, string message)
    {
        await using var server = new LogAnalyticsStandIn(_ => OneApiError(status, reason, code, message));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Query(client));

        Assert.Equal((status, code, message), (error.Status, error.ErrorCode, error.Error.Message));
    }

    [Fact]
    public async Task The_token_services_error_shape_is_read_too()
    {
        // errors.md, "Bad authorization code": {"error": "invalid_grant", "error_description": ...}.
        await using var server = new LogAnalyticsStandIn(_ => new HttpReply
        {
            Status = 403,
            Reason = "Forbidden",
            Body = "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70002: Error validating credentials.\",\"error_codes\":[70002]}"u8.ToArray(),
        });
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Query(client));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.StartsWith("AADSTS70002", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_error_throws_by_default_and_is_a_typed_status_when_partial_results_are_allowed()
    {
        var rows = QueryData.Day(2);
        var warning = EngineError("-2133196790", "'union' operator: Failed to resolve tabular function named '_Im_WebSession'", 3, "Warning");
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, rows.Select(QueryData.Cells), error: PartialError(warning), errorFirst: true)));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var thrown = await Assert.ThrowsAsync<LogAnalyticsPartialResultException>(() => Query(client));
        var result = await Query(client, new LogAnalyticsQueryOptions { AllowPartialResults = true });

        Assert.Equal("PartialError", thrown.ErrorCode);
        Assert.Equal(2, thrown.RowsReturned);
        Assert.False(thrown.IsResultLimitExceeded);
        Assert.Contains("_Im_WebSession", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(LogAnalyticsQueryStatus.PartialFailure, result.Status);
        Assert.Equal(2, result.Rows.Count);
        var detail = Assert.Single(result.Error!.Details);
        Assert.Equal(("EngineError", "-2133196790"), (detail.Code, detail.InnerError!.Code));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_services_retry_after()
    {
        var calls = 0;
        await using var server = new LogAnalyticsStandIn(_ => Interlocked.Increment(ref calls) == 1
            ? OneApiError(429, "Too Many Requests", "ThrottledError", "Your request was throttled.", headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : Ok(Body(QueryData.OperationColumns, QueryData.Day(1).Select(QueryData.Cells))));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var clock = Stopwatch.StartNew();
        var result = await Query(client);

        // The pipeline's own delay is 5 ms here (LogAnalyticsStandIn.ClientOptions): only Retry-After explains a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(result.Rows);
        server.AssertEveryRequestFollowedTheContract();
    }

    [Fact]
    public async Task A_503_is_retried_and_a_429_that_never_ends_gives_up_after_the_configured_retries()
    {
        var calls = 0;
        await using var unavailable = new LogAnalyticsStandIn(_ => Interlocked.Increment(ref calls) <= 2
            ? OneApiError(503, "Service Unavailable", "ServiceUnavailableError", "The service is unavailable.", headers: new Dictionary<string, string> { ["Retry-After"] = "0" })
            : Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>())));
        await using var throttled = new LogAnalyticsStandIn(_ => OneApiError(429, "Too Many Requests", "ThrottledError", "Your request was throttled.", headers: new Dictionary<string, string> { ["Retry-After"] = "0" }));

        await Query(new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, unavailable.ClientOptions()));
        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Query(new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, throttled.ClientOptions(maxRetries: 2))));

        Assert.Equal(3, unavailable.Requests.Count);
        Assert.Equal(3, throttled.Requests.Count);
        Assert.Equal((429, "ThrottledError"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task A_504_is_the_services_own_timeout_and_is_never_retried()
    {
        await using var server = new LogAnalyticsStandIn(_ => OneApiError(504, "Gateway Timeout", "GatewayTimeout", "The query exceeded its timeout.", headers: new Dictionary<string, string> { ["Retry-After"] = "0" }));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Query(client, new LogAnalyticsQueryOptions { ServerTimeout = TimeSpan.FromSeconds(30) }));

        Assert.Equal(504, error.Status);
        Assert.Equal("GatewayTimeout", error.ErrorCode);
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
        Assert.Equal(30, Assert.Single(server.Requests).Wait);
    }

    [Fact]
    public async Task An_empty_200_is_an_error_not_an_empty_result()
    {
        await using var server = new LogAnalyticsStandIn(_ => new HttpReply { Status = 200 });
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Query(client));
        var streamed = await Assert.ThrowsAsync<LogAnalyticsQueryException>(async () =>
        {
            await foreach (var _ in client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, AcsCallAutomationIncomingOperations.Query(), Day))
            {
            }
        });

        Assert.Equal("EmptyResponse", error.ErrorCode);
        Assert.Equal("EmptyResponse", streamed.ErrorCode);
    }

    [Fact]
    public async Task A_body_that_is_no_query_result_is_a_json_error_with_its_position()
    {
        await using var server = new LogAnalyticsStandIn(_ => Ok("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[],\"rows\":[]}],\"error\":"));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogJsonException>(() => Query(client));

        Assert.Contains("ends", error.Problem, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }
}
