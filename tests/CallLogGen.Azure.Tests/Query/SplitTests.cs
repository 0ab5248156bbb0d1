using CallLogGen.Azure.Query;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Kql;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;
using static CallLogGen.Kql.KqlFunctions;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>
/// A result cut by the service's limit, then split into time windows. The loopback stand-in (the real service
/// cannot run here) holds a day of rows and a row limit lowered from 500,000 to 50 so that a test crosses it; it
/// answers a cut result in the shape docs/azure-query.md says the client assumes (the rows up to the limit and a
/// PartialError whose engine error is E_QUERY_RESULT_SET_TOO_LARGE), applies the window filter the client writes
/// after the table, and sends the columns the Kusto parser says the query returns.
/// </summary>
public class SplitTests
{
    private const int Limit = 50;

    private static readonly LogAnalyticsTimeRange Day = LogAnalyticsTimeRange.Between(QueryData.DayStart, QueryData.DayEnd);

    private static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> RowByRowQuery() =>
        AcsCallAutomationIncomingOperations.Query()
            .Where(t => t.DurationMs >= 0)
            .Project(t => new KqlProjection { t.TimeGenerated, t.OperationName, t.CorrelationId, t.ResultType, t.DurationMs });

    /// <summary>Answers as a workspace holding <paramref name="data"/> would, up to <paramref name="limit"/> rows.</summary>
    private static async Task<HttpReply> Workspace(QueryRequest request, IReadOnlyList<OperationRow> data, int limit, bool bySize, int delayMs = 0)
    {
        await Task.Delay(delayMs);
        IEnumerable<OperationRow> rows = data;
        if (request.Interval is { } interval)
        {
            rows = rows.Where(r => r.TimeGenerated >= interval.Start && r.TimeGenerated <= interval.End);
        }

        if (request.Window is { } window)
        {
            rows = rows.Where(r => r.TimeGenerated >= window.Start && r.TimeGenerated < window.End);
        }

        var columns = request.Check.Columns!.Select(c => new ApiColumn(c.Name, c.Type!)).ToList();
        var all = rows.ToList();
        var cells = all.Take(limit).Select(r => columns.Select(c => QueryData.Cells(r)[Array.FindIndex(QueryData.OperationColumns, o => o.Name == c.Name)]).ToArray());
        return Ok(Body(columns, cells, error: all.Count > limit ? PartialError(bySize ? SizeLimitDetail() : RecordLimitDetail(limit)) : null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cut_result_is_fetched_again_in_halves_of_its_time_range_and_joined_in_order(bool cutBySize)
    {
        var data = QueryData.Day(180);
        await using var server = new LogAnalyticsStandIn(request => Workspace(request, data, Limit, cutBySize, delayMs: 30));
        var options = server.ClientOptions();
        options.MaxConcurrentQueries = 2;
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, options);

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, RowByRowQuery(), Day);

        server.AssertEveryRequestFollowedTheContract();
        Assert.Equal(data.Select(r => (r.TimeGenerated, r.OperationName)), result.Rows.Select(r => (r.TimeGenerated, r.OperationName!)));
        Assert.Equal(LogAnalyticsQueryStatus.Success, result.Status);
        Assert.True(result.WasSplit);
        Assert.Equal(new[] { 0, 6, 12, 18 }, result.Windows.Select(w => (int)(w.Start - QueryData.DayStart).TotalHours));
        Assert.Equal(data.Count, result.Windows.Sum(w => w.RowCount));
        Assert.Equal(1 + 2 + 4, server.Requests.Count);
        Assert.Equal(2, server.MaxInFlight); // the halves ran side by side, within the client's limit
        var windowed = server.Requests.Skip(1).ToList();
        Assert.All(windowed, r => Assert.Equal(r.Window, r.Interval)); // the timespan and the filter say the same window
        Assert.All(windowed, r => Assert.EndsWith(RowByRowQuery().ToKql()[RowByRowQuery().ToKql().IndexOf('\n', StringComparison.Ordinal)..], r.Kql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duration_range_is_pinned_to_its_ends_when_split()
    {
        var now = DateTimeOffset.UtcNow;
        var data = Enumerable.Range(0, 120).Select(i => new OperationRow(now.AddMinutes(-119 + i).AddSeconds(-30), "Play", "c", "Succeeded", i)).ToList();
        await using var server = new LogAnalyticsStandIn(request => Workspace(request, data, Limit, bySize: false));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, RowByRowQuery(), LogAnalyticsTimeRange.Last(TimeSpan.FromHours(2)));

        Assert.Equal("PT2H", server.Requests[0].Timespan);
        Assert.All(server.Requests.Skip(1), r => Assert.NotNull(r.Interval));
        Assert.Equal(data.Select(r => r.DurationMs), result.Rows.Select(r => r.DurationMs!.Value));
        server.AssertEveryRequestFollowedTheContract();
    }

    [Fact]
    public async Task A_cut_summarize_is_not_split_and_the_limit_is_reported_clearly()
    {
        var failures = KqlLong.Column("Failures");
        var query = AcsCallAutomationIncomingOperations.Query()
            .Summarize(t => new KqlAggregation { failures.Is(Count()) }, by: t => new KqlProjection { t.CorrelationId });
        var columns = new[] { new ApiColumn("CorrelationId", "string"), new ApiColumn("Failures", "long") };
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(columns, new[] { new[] { Cell("c"), "1" } }, error: PartialError(RecordLimitDetail()))));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsPartialResultException>(() => client.QueryAsync(query, Day));

        Assert.True(error.IsResultLimitExceeded);
        Assert.Contains("'summarize'", error.Message, StringComparison.Ordinal);
        Assert.Contains("500,000 rows or 64 MB", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_cut_result_without_a_time_range_is_not_split()
    {
        var data = QueryData.Day(60);
        await using var server = new LogAnalyticsStandIn(request => Workspace(request, data, Limit, bySize: false));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsPartialResultException>(() => client.QueryAsync(AcsCallAutomationIncomingOperations.Json, RowByRowQuery(), LogAnalyticsTimeRange.All));
        var partial = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, RowByRowQuery(), LogAnalyticsTimeRange.All, new LogAnalyticsQueryOptions { AllowPartialResults = true });

        Assert.Contains("no bounded time range", error.Message, StringComparison.Ordinal);
        Assert.Equal(Limit, error.RowsReturned);
        Assert.Equal((LogAnalyticsQueryStatus.PartialFailure, Limit), (partial.Status, partial.Rows.Count));
        Assert.True(partial.Error!.IsResultLimitExceeded);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task More_rows_in_one_second_than_the_limit_are_reported_not_split_forever()
    {
        var instant = QueryData.DayStart.AddHours(9);
        var data = Enumerable.Range(0, 3).Select(i => new OperationRow(instant, "Play", "c", "Succeeded", i)).ToList();
        await using var server = new LogAnalyticsStandIn(request => Workspace(request, data, limit: 2, bySize: false));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var minute = LogAnalyticsTimeRange.Between(instant.AddSeconds(-20), instant.AddSeconds(44));
        var error = await Assert.ThrowsAsync<LogAnalyticsPartialResultException>(() => client.QueryAsync(AcsCallAutomationIncomingOperations.Json, RowByRowQuery(), minute));

        Assert.True(error.IsResultLimitExceeded);
        Assert.Contains("Even the window", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 2 * 6, server.Requests.Count); // 64 s halved six times down to 1 s, two windows a level
        server.AssertEveryRequestFollowedTheContract();
    }
}
