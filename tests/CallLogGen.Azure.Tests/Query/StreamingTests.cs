using System.Text;
using CallLogGen.Azure.Query;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Json;
using CallLogGen.Kql;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>
/// <c>QueryRowsAsync</c> against the loopback stand-in for the query API (the real service cannot run here), which
/// sends the body in chunks, flushing each, so that the client meets a response as the network delivers it.
/// </summary>
public class StreamingTests
{
    private static readonly LogAnalyticsTimeRange Day = LogAnalyticsTimeRange.Between(QueryData.DayStart, QueryData.DayEnd);

    private static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> Operations() =>
        AcsCallAutomationIncomingOperations.Query().Where(t => t.OperationName != "Hangup");

    private static HttpReply Chunked(byte[] body, int chunkSize) => new()
    {
        Headers = { ["Content-Type"] = "application/json; charset=utf-8" },
        Stream = async send =>
        {
            for (var i = 0; i < body.Length; i += chunkSize)
            {
                await send(body.AsMemory(i, Math.Min(chunkSize, body.Length - i)));
            }
        },
    };

    [Fact]
    public async Task Rows_are_handed_out_as_they_arrive_and_a_partial_error_after_them_ends_the_stream_with_a_typed_failure()
    {
        var rows = QueryData.Day(10);
        var body = Body(QueryData.OperationColumns, rows.Select(QueryData.Cells), error: PartialError(RecordLimitDetail()));
        var firstPart = Encoding.UTF8.GetBytes(body[..body.IndexOf(Cell(rows[4].TimeGenerated), StringComparison.Ordinal)]);
        var rest = Encoding.UTF8.GetBytes(body)[firstPart.Length..];
        var threeRowsSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LogAnalyticsStandIn(_ => new HttpReply
        {
            Headers = { ["Content-Type"] = "application/json; charset=utf-8" },
            Stream = async send =>
            {
                await send(firstPart);
                // The rest, and the error in it, leaves only once the client has handed out rows of the first part.
                await threeRowsSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await send(rest);
            },
        });
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var received = new List<AcsCallAutomationIncomingOperations>();
        var error = await Assert.ThrowsAsync<LogAnalyticsPartialResultException>(async () =>
        {
            await foreach (var row in client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, Operations(), Day))
            {
                received.Add(row);
                if (received.Count == 3)
                {
                    threeRowsSeen.SetResult();
                }
            }
        });

        Assert.True(threeRowsSeen.Task.IsCompletedSuccessfully);
        Assert.Equal(rows.Select(r => r.TimeGenerated), received.Select(r => r.TimeGenerated));
        Assert.Equal(10, error.RowsReturned);
        Assert.True(error.IsResultLimitExceeded);
        Assert.Contains("QueryAsync", error.Message, StringComparison.Ordinal);
        server.AssertEveryRequestFollowedTheContract();
    }

    [Fact]
    public async Task A_partial_error_before_the_rows_still_ends_the_stream_after_them()
    {
        var rows = QueryData.Day(4);
        var body = Body(QueryData.OperationColumns, rows.Select(QueryData.Cells), error: PartialError(EngineError("-2133196790", "a warning", 3, "Warning")), errorFirst: true);
        await using var server = new LogAnalyticsStandIn(_ => Chunked(Encoding.UTF8.GetBytes(body), 64));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var received = new List<AcsCallAutomationIncomingOperations>();
        var error = await Assert.ThrowsAsync<LogAnalyticsPartialResultException>(async () =>
        {
            await foreach (var row in client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, Operations(), Day))
            {
                received.Add(row);
            }
        });

        Assert.Equal(4, received.Count);
        Assert.Equal("-2133196790", error.Error.Details[0].InnerError!.Code);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task A_streamed_result_cut_into_chunks_of_any_size_reads_as_the_buffered_one(int chunkSize)
    {
        // Enough rows for several batches: every boundary (inside a string, a number, between rows) is crossed somewhere.
        var rows = QueryData.Day(chunkSize < 100 ? 60 : 4000);
        var body = Encoding.UTF8.GetBytes(Body(QueryData.OperationColumns, rows.Select(QueryData.Cells), statistics: "{\"query\":{\"executionTime\":1.5}}"));
        await using var server = new LogAnalyticsStandIn(_ => Chunked(body, chunkSize));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var streamed = await client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, Operations(), Day).ToListAsync();
        var buffered = (await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, Operations(), Day)).Rows;

        Assert.Equal(rows.Count, streamed.Count);
        Assert.Equal(
            buffered.Select(r => (r.TimeGenerated, r.OperationName, r.CorrelationId, r.ResultType, r.DurationMs)),
            streamed.Select(r => (r.TimeGenerated, r.OperationName, r.CorrelationId, r.ResultType, r.DurationMs)));
        server.AssertEveryRequestFollowedTheContract();
    }

    [Fact]
    public async Task Rows_of_another_shape_stream_typed_by_the_query_columns()
    {
        var name = KqlString.Column("OperationName");
        var query = Operations().Project(t => new KqlProjection { t.OperationName });
        var body = Encoding.UTF8.GetBytes(Body(new[] { new ApiColumn("OperationName", "string") }, new[] { new[] { Cell("Play") }, new[] { Cell("Answer") } }));
        await using var server = new LogAnalyticsStandIn(_ => Chunked(body, 5));
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());

        var names = new List<string?>();
        await foreach (var row in client.QueryRowsAsync(query, Day))
        {
            names.Add(row.Get(name));
        }

        Assert.Equal(new[] { "Play", "Answer" }, names);
    }

    [Fact]
    public async Task A_bad_cell_deep_in_a_stream_is_reported_where_it_is_in_the_response_as_the_buffered_reader_reports_it()
    {
        var cells = QueryData.Day(3000).Select(QueryData.Cells).ToList();
        cells[2500][4] = "\"slow\"";
        var text = Body(QueryData.OperationColumns, cells);
        var body = Encoding.UTF8.GetBytes(text);

        var buffered = Assert.Throws<LogJsonException>(() => LogAnalyticsResponse.Read(AcsCallAutomationIncomingOperations.Json, body));
        using var stream = new MemoryStream(body);
        var streamed = await Assert.ThrowsAsync<LogJsonException>(async () =>
        {
            await foreach (var _ in LogAnalyticsResponse.ReadRowsAsync(AcsCallAutomationIncomingOperations.Json, stream))
            {
            }
        });

        Assert.Equal(Encoding.UTF8.GetByteCount(text[..text.IndexOf("\"slow\"", StringComparison.Ordinal)]), buffered.BytePosition);
        Assert.Equal((buffered.BytePosition, buffered.Line, buffered.RecordIndex, buffered.Column), (streamed.BytePosition, streamed.Line, streamed.RecordIndex, streamed.Column));
        Assert.Equal((2500L, "DurationMs"), (streamed.RecordIndex, streamed.Column));
    }

    [Fact]
    public async Task Cancelling_a_stream_mid_way_stops_it_with_the_cancellation()
    {
        var rows = QueryData.Day(6);
        var body = Encoding.UTF8.GetBytes(Body(QueryData.OperationColumns, rows.Select(QueryData.Cells)));
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LogAnalyticsStandIn(_ => new HttpReply
        {
            Headers = { ["Content-Type"] = "application/json; charset=utf-8" },
            Stream = async send =>
            {
                await send(body.AsMemory(0, body.Length / 2));
                await released.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the rest never comes while the client waits
            },
        });
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null, server.ClientOptions());
        using var cancellation = new CancellationTokenSource();

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, Operations(), Day, cancellationToken: cancellation.Token))
            {
                if (++received == 1)
                {
                    cancellation.Cancel();
                }
            }
        });
        released.SetResult();

        Assert.InRange(received, 1, 3);
    }

    [Fact]
    public async Task A_row_larger_than_the_read_buffer_and_the_rows_after_it_all_arrive()
    {
        // 300 KB in one cell: the read buffer (64 KB) grows to hold the row, and the batch (128 KB) fills mid-buffer.
        var rows = QueryData.Day(2000);
        var cells = rows.Select(QueryData.Cells).ToList();
        cells[3][1] = Cell(new string('x', 300_000));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Body(QueryData.OperationColumns, cells)));

        var read = new List<AcsCallAutomationIncomingOperations>();
        await foreach (var row in LogAnalyticsResponse.ReadRowsAsync(AcsCallAutomationIncomingOperations.Json, stream))
        {
            read.Add(row);
        }

        Assert.Equal(rows.Select(r => r.TimeGenerated), read.Select(r => r.TimeGenerated));
        Assert.Equal(300_000, read[3].OperationName!.Length);
    }

    [Fact]
    public async Task A_stream_that_ends_inside_the_rows_says_so()
    {
        var text = Body(QueryData.OperationColumns, QueryData.Day(5).Select(QueryData.Cells));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text[..(text.Length - 20)]));

        var error = await Assert.ThrowsAsync<LogJsonException>(async () =>
        {
            await foreach (var _ in LogAnalyticsResponse.ReadRowsAsync(AcsCallAutomationIncomingOperations.Json, stream))
            {
            }
        });

        Assert.Contains("ends inside the rows array", error.Problem, StringComparison.Ordinal);
    }
}
