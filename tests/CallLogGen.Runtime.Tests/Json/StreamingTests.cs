using System.Text;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>Reading from a stream: records come out as they are parsed, whatever the stream's chunking.</summary>
public class StreamingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Records_straddling_reads_come_out_whole(int chunkSize)
    {
        var json = "{\"records\":[" + string.Join(",", Enumerable.Range(0, 300).Select(Record)) + "]}";

        var ids = new List<string?>();
        await foreach (var record in AcsCallAutomationIncomingOperations.Json.ReadExportAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunkSize)))
        {
            ids.Add(record.CorrelationId);
        }

        Assert.Equal(Enumerable.Range(0, 300).Select(i => "call-" + i), ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public void The_synchronous_reader_streams_the_same_records(int chunkSize)
    {
        var json = string.Join("\n", Enumerable.Range(0, 300).Select(Record)) + "\n";

        var ids = AcsCallAutomationIncomingOperations.Json.ReadExport(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunkSize)).Select(r => r.CorrelationId);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => "call-" + i), ids);
    }

    [Fact]
    public void The_synchronous_reader_reads_only_as_far_as_it_is_asked()
    {
        var stream = new ChunkedStream(Encoding.UTF8.GetBytes(Record(0) + "\n" + Record(1) + "\n"), 16) { FailAfter = Record(0).Length + 40 };

        using var records = AcsCallAutomationIncomingOperations.Json.ReadExport(stream).GetEnumerator();

        Assert.True(records.MoveNext());
        Assert.Equal("call-0", records.Current.CorrelationId);
        Assert.Throws<IOException>(() => records.MoveNext());
    }

    [Fact]
    public async Task A_record_larger_than_the_buffer_is_read()
    {
        var big = new string('x', 300_000);
        var json = "{\"time\":\"2025-03-01T10:00:00Z\",\"uRI\":\"" + big + "\"}\n" + Record(1);

        var records = new List<AcsCallAutomationIncomingOperations>();
        await foreach (var record in AcsCallAutomationIncomingOperations.Json.ReadExportAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 10_000)))
        {
            records.Add(record);
        }

        Assert.Equal(big, records[0].Uri);
        Assert.Equal("call-1", records[1].CorrelationId);
    }

    [Fact]
    public async Task Records_are_yielded_before_the_stream_ends()
    {
        var stream = new ChunkedStream(Encoding.UTF8.GetBytes(Record(0) + "\n" + Record(1) + "\n"), 16) { FailAfter = Record(0).Length + 40 };

        await using var records = AcsCallAutomationIncomingOperations.Json.ReadExportAsync(stream).GetAsyncEnumerator();

        Assert.True(await records.MoveNextAsync());
        Assert.Equal("call-0", records.Current.CorrelationId);
        await Assert.ThrowsAsync<IOException>(async () => await records.MoveNextAsync());
    }

    [Fact]
    public async Task Errors_in_a_stream_name_the_position_from_the_start_of_the_stream()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 50).Select(Record)) + "\n{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":\"x\"}\n";
        var bytes = Encoding.UTF8.GetBytes(lines);

        var error = await Assert.ThrowsAsync<LogJsonException>(async () =>
        {
            await foreach (var _ in AcsCallAutomationIncomingOperations.Json.ReadExportAsync(new ChunkedStream(bytes, 100)))
            {
            }
        });

        Assert.Equal(51, error.Line);
        Assert.Equal(50, error.RecordIndex);
        Assert.Equal(lines.LastIndexOf("\"x\"", StringComparison.Ordinal), error.BytePosition);
    }

    [Fact]
    public async Task A_mixed_stream_is_dispatched_by_category()
    {
        var usage = "{\"time\":\"2025-03-01T10:00:00Z\",\"category\":\"Usage\",\"properties\":{\"RecordId\":\"r1\",\"Quantity\":3}}";
        var unknown = "{\"time\":\"2025-03-01T10:00:00Z\",\"category\":\"AuditEvent\",\"x\":[1,2]}";
        var json = "{\"records\":[" + Record(0) + "," + usage + "," + unknown + "]}";
        var reader = new LogExportReader(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json);

        var records = new List<object>();
        await foreach (var record in reader.ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 13)))
        {
            records.Add(record);
        }

        Assert.Equal(records.Select(r => r.GetType()), reader.Read(new ChunkedStream(Encoding.UTF8.GetBytes(json), 5)).Select(r => r.GetType()));
        Assert.Equal("call-0", Assert.IsType<AcsCallAutomationIncomingOperations>(records[0]).CorrelationId);
        Assert.Equal("r1", Assert.IsType<AcsBillingUsage>(records[1]).RecordId);
        var kept = Assert.IsType<UnknownLogRecord>(records[2]);
        Assert.Equal("AuditEvent", kept.Category);
        Assert.Equal(unknown, kept.Json.GetRawText());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    public async Task Bad_lines_of_a_stream_are_skipped_and_reported_once(int chunkSize)
    {
        var lines = string.Join("\n", Record(0), "{\"time\":\"2025-03-01T10:00:00Z\",\"durationMs\":{\"a\":[1,2,3]}}", "{\"time\":\"2025-0", Record(3)) + "\n";
        var reported = new List<LogJsonException>();

        var ids = new List<string?>();
        await foreach (var record in AcsCallAutomationIncomingOperations.Json.ReadExportAsync(new ChunkedStream(Encoding.UTF8.GetBytes(lines), chunkSize), new LogReadOptions { OnInvalidRecord = reported.Add }))
        {
            ids.Add(record.CorrelationId);
        }

        Assert.Equal(new[] { "call-0", "call-3" }, ids);
        Assert.Equal(new long[] { 1, 2 }, reported.Select(e => e.RecordIndex));
        Assert.Equal(new long[] { 2, 3 }, reported.Select(e => e.Line));
    }

    internal static string Record(int i)
        => "{\"time\":\"2025-03-01T10:00:00Z\",\"category\":\"CallAutomationOperational\",\"operationName\":\"Play\",\"correlationId\":\"call-" + i + "\",\"properties\":{\"CallConnectionId\":\"conn-" + i + "\"}}";
}
