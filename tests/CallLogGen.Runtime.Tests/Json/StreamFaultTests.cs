using System.Text;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// A stream that fails part-way, and a read that is cancelled: the stream's own exception comes out unchanged,
/// after every record that was whole before it; cancellation ends the read with <see cref="OperationCanceledException"/>.
/// </summary>
public class StreamFaultTests
{
    private static readonly string[] Records =
    {
        StreamingTests.Record(0),
        """{"time":"2025-03-01T10:00:01Z","category":"Usage","properties":{"RecordId":"r1","Quantity":3}}""",
        """{"time":"2025-03-01T10:00:02Z","category":"CallAutomationOperational","correlationId":"call-2","properties":{"someNewField":{"nested":[1,{"deeper":[2,3]}]},"text":"Zoë 東京 🎧"}}""",
        """{"time":"2025-03-01T10:00:03Z","category":"AuditEvent","identity":{"claim":{"oid":"x"}}}""",
        StreamingTests.Record(4),
    };

    public static TheoryData<string, string> ReadersAndShapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in new[] { "typed sync", "typed async", "mixed sync", "mixed async" })
        {
            foreach (var shape in new[] { "records", "lines" })
            {
                data.Add(reader, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadersAndShapes))]
    public async Task A_failing_stream_s_exception_comes_out_unchanged_after_every_whole_record_before_it(string reader, string shape)
    {
        var (bytes, ends) = Export(shape);
        var expected = (await ReadAll(reader, bytes, failAfter: null, failure: null)).Records;
        Assert.Equal(reader.StartsWith("typed", StringComparison.Ordinal) ? 3 : 5, expected.Count);

        for (var failAfter = 0; failAfter <= bytes.Length; failAfter++)
        {
            var failure = new IOException("connection reset after " + failAfter + " bytes");
            var (records, thrown) = await ReadAll(reader, bytes, failAfter, failure);

            // Every record whose last byte came before the failure was delivered first, and no other.
            var whole = ends.Count(end => end <= failAfter);
            var delivered = expected.Take(Enumerable.Range(0, whole).Count(i => reader.StartsWith("mixed", StringComparison.Ordinal) || IsOperation(i))).ToList();
            Assert.Equal(delivered, records);
            Assert.Same(failure, thrown);
        }
    }

    [Fact]
    public async Task A_token_cancelled_between_records_ends_the_read_though_more_are_buffered()
    {
        var (bytes, _) = Export("lines");
        using var cancellation = new CancellationTokenSource();
        var records = new List<string?>();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in AcsCallAutomationIncomingOperations.Json.ReadExportAsync(new MemoryStream(bytes), cancellationToken: cancellation.Token))
            {
                records.Add(record.CorrelationId);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(new[] { "call-0" }, records);
        Assert.Equal(cancellation.Token, thrown.CancellationToken);
    }

    [Fact]
    public async Task A_read_waiting_on_a_stalled_stream_ends_when_its_token_is_cancelled()
    {
        var (bytes, ends) = Export("records");
        using var cancellation = new CancellationTokenSource();
        var records = new List<object>();

        // Half the export arrives, then nothing more: the read waits inside the stream until the token is cancelled.
        var stream = new StallingStream(bytes[..(ends[2] + 10)]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in CallLogTablesReader().ReadAsync(stream).WithCancellation(cancellation.Token))
            {
                records.Add(record);
                if (records.Count == 3)
                {
                    cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
                }
            }
        });

        Assert.Equal(3, records.Count);
    }

    [Fact]
    public async Task A_query_result_stream_s_failure_and_cancellation_come_out_unchanged()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"}],"rows":[["2025-03-01T10:00:00Z"]]}]}""");
        var failure = new IOException("reset");

        Assert.Same(failure, await Assert.ThrowsAsync<IOException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResultAsync(new ChunkedStream(bytes, 5) { FailAfter = 20, Failure = failure })));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResultAsync(new StallingStream(bytes[..20]), cancellationToken: new CancellationTokenSource(TimeSpan.FromMilliseconds(50)).Token));
        Assert.Single(await AcsCallAutomationIncomingOperations.Json.ReadQueryResultAsync(new ChunkedStream(bytes, 1)));
    }

    private static bool IsOperation(int record) => Records[record].Contains("CallAutomationOperational", StringComparison.Ordinal);

    private static LogExportReader CallLogTablesReader() => new(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json);

    /// <summary>The export's bytes, and where each record's last byte ends (its offset + 1).</summary>
    private static (byte[] Bytes, List<int> Ends) Export(string shape)
    {
        var text = new StringBuilder(shape == "records" ? "{\"records\":[\n" : string.Empty);
        var ends = new List<int>();
        for (var i = 0; i < Records.Length; i++)
        {
            text.Append(i > 0 ? (shape == "records" ? ",\n" : "\n") : string.Empty).Append(Records[i]);
            ends.Add(Encoding.UTF8.GetByteCount(text.ToString()));
        }

        text.Append(shape == "records" ? "\n]}" : "\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), ends);
    }

    private static async Task<(List<string> Records, Exception? Thrown)> ReadAll(string reader, byte[] bytes, int? failAfter, Exception? failure)
    {
        var stream = new ChunkedStream(bytes, 7) { FailAfter = failAfter ?? int.MaxValue, Failure = failure ?? new IOException() };
        var records = new List<string>();
        try
        {
            switch (reader)
            {
                case "typed sync":
                    foreach (var record in AcsCallAutomationIncomingOperations.Json.ReadExport(stream))
                    {
                        records.Add(Describe(record));
                    }

                    break;
                case "typed async":
                    await foreach (var record in AcsCallAutomationIncomingOperations.Json.ReadExportAsync(stream))
                    {
                        records.Add(Describe(record));
                    }

                    break;
                case "mixed sync":
                    foreach (var record in CallLogTablesReader().Read(stream))
                    {
                        records.Add(Describe(record));
                    }

                    break;
                default:
                    await foreach (var record in CallLogTablesReader().ReadAsync(stream))
                    {
                        records.Add(Describe(record));
                    }

                    break;
            }
        }
        catch (IOException e)
        {
            return (records, e);
        }

        return (records, null);
    }

    private static string Describe(object record) => record switch
    {
        AcsCallAutomationIncomingOperations operation => WritingTests.WriteExportRecord(operation),
        AcsBillingUsage usage => "usage " + usage.RecordId,
        UnknownLogRecord unknown => "unknown " + unknown.Json.GetRawText(),
        _ => throw new InvalidOperationException(record.GetType().Name),
    };
}
