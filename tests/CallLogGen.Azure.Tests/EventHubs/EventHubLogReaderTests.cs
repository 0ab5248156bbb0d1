using System.Runtime.CompilerServices;
using System.Text;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using CallLogGen.Azure.EventHubs;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Azure.Tests.Storage;
using CallLogGen.Json;

namespace CallLogGen.Azure.Tests.EventHubs;

/// <summary>
/// Event Hubs bodies as diagnostic settings send them, and as Stream Analytics and capture tools rewrite them. No Event
/// Hubs emulator runs here: events are built in memory with EventHubsModelFactory, and the consumer-client path runs
/// over a consumer whose ReadEventsAsync hands those events out (the client's own test seam).
/// </summary>
public class EventHubLogReaderTests
{
    private static readonly string Resource = ArchiveBuilder.Resource(1);
    private static readonly DateTimeOffset Time = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static EventData Event(string body, long sequenceNumber, string offset)
        => EventHubsModelFactory.EventData(new BinaryData(Encoding.UTF8.GetBytes(body)), sequenceNumber: sequenceNumber, offsetString: offset, enqueuedTime: Time.AddSeconds(sequenceNumber));

    private static string Records(params string[] records) => "{\"records\":[" + string.Join(",", records) + "]}";

    private static string Id(EventHubRecord record) => record.Record switch
    {
        AcsCallAutomationIncomingOperations operation => operation.CorrelationId!,
        AcsBillingUsage usage => usage.CorrelationId!,
        UnknownLogRecord other => "unknown:" + other.Category,
        _ => throw new InvalidOperationException(),
    };

    [Fact]
    public void A_records_body_comes_out_typed_with_the_events_partition_offset_and_sequence_number()
    {
        var reader = new EventHubLogReader(CallLogTables.CreateExportReader());
        var body = Records(TestRecords.Operation(Time, Resource, "e1"), TestRecords.Usage(Time, Resource, "e2"), "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\"AuditEvent\"}");

        var records = reader.Read(Event(body, 7, "4096"), "3");

        Assert.Equal(["e1", "e2", "unknown:AuditEvent"], records.Select(Id));
        Assert.IsType<AcsCallAutomationIncomingOperations>(records[0].Record);
        Assert.All(records, r => Assert.Equal(("3", "4096", 7L, 3), (r.PartitionId, r.Offset, r.SequenceNumber, r.RecordsInEvent)));
        Assert.Equal([false, false, true], records.Select(r => r.IsLastInEvent));
        Assert.Equal(Time.AddSeconds(7), records[0].EnqueuedTime);
    }

    [Fact]
    public void An_array_of_envelopes_from_stream_analytics_or_capture_is_unwrapped()
    {
        var reader = new EventHubLogReader(CallLogTables.CreateExportReader());
        var body = "[\n"
            + "{\"records\":[" + TestRecords.Operation(Time, Resource, "x1") + "," + TestRecords.Operation(Time, Resource, "x2") + "],\"EventProcessedUtcTime\":\"2026-03-10T09:00:05Z\",\"PartitionId\":1,\"EventEnqueuedUtcTime\":\"2026-03-10T09:00:01Z\"},\n"
            + "{\"EventProcessedUtcTime\":\"2026-03-10T09:00:06Z\",\"records\":[" + TestRecords.Usage(Time, Resource, "x3") + "]}\n"
            + "]";

        Assert.Equal(["x1", "x2", "x3"], reader.Read(Event(body, 1, "10")).Select(Id));

        // A plain array of records is not mistaken for envelopes.
        Assert.Equal(["y1"], reader.Read(Event("[" + TestRecords.Operation(Time, Resource, "y1") + "]", 2, "20")).Select(Id));
    }

    [Fact]
    public void A_bad_record_or_body_is_reported_with_its_event_and_place_and_reading_goes_on()
    {
        var problems = new List<EventHubProblem>();
        var reader = new EventHubLogReader(CallLogTables.CreateExportReader(), onProblem: problems.Add);
        var envelope = "[{\"records\":[" + TestRecords.Operation(Time, Resource, "ok", durationMs: "slow") + "]}]";

        Assert.Empty(reader.Read(Event(envelope, 1, "100"), "0"));
        Assert.Empty(reader.Read(Event("{\"records\":[{\"time\": nope", 2, "200"), "0"));
        Assert.Equal(["fine"], reader.Read(Event(Records(TestRecords.Usage(Time, Resource, "fine")), 3, "300"), "0").Select(Id));

        Assert.Equal(2, problems.Count);
        Assert.Equal("100", problems[0].Offset);
        Assert.Equal("DurationMs", problems[0].Error.Column);
        Assert.Equal(envelope.IndexOf("\"slow\"", StringComparison.Ordinal), problems[0].Error.BytePosition);
        Assert.StartsWith("partition 0, offset 100, sequence number 1: line 1, byte ", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, problems[1].SequenceNumber);

        var strict = new EventHubLogReader(CallLogTables.CreateExportReader());
        Assert.Equal("200", Assert.Throws<EventHubReadException>(() => strict.Read(Event("{\"records\":[{\"time\": nope", 2, "200"))).Problem.Offset);
    }

    [Fact]
    public async Task The_consumer_client_path_reads_every_partitions_events_in_order_and_skips_heartbeats()
    {
        var events = new[]
        {
            (Partition: "0", Data: Event(Records(TestRecords.Operation(Time, Resource, "p0-1"), TestRecords.Operation(Time, Resource, "p0-2")), 1, "0")),
            (Partition: "1", Data: (EventData?)null),
            (Partition: "1", Data: Event(Records(TestRecords.Usage(Time, Resource, "p1-1")), 1, "0")),
            (Partition: "0", Data: Event("[{\"records\":[" + TestRecords.Operation(Time, Resource, "p0-3") + "]}]", 2, "512")),
        };
        var consumer = new InMemoryConsumer(events.Select(e => new PartitionEvent(EventHubsModelFactory.PartitionContext("ns.servicebus.windows.net", "insights-logs", "$Default", e.Partition), e.Data!)).ToList());

        var read = new List<EventHubRecord>();
        await foreach (var record in new EventHubLogReader(CallLogTables.CreateExportReader()).ReadAsync(consumer, new ReadEventOptions { MaximumWaitTime = TimeSpan.FromSeconds(1) }))
        {
            read.Add(record);
        }

        Assert.Equal(["p0-1", "p0-2", "p1-1", "p0-3"], read.Select(Id));
        Assert.Equal(["0", "0", "1", "0"], read.Select(r => r.PartitionId));
        Assert.Equal("512", read[3].Offset);
        Assert.True(consumer.Read);

        // One partition from a stored position: the consumer is asked for that partition and position.
        var fromPartition = new List<string>();
        await foreach (var record in new EventHubLogReader(CallLogTables.CreateExportReader()).ReadFromPartitionAsync(consumer, "0", EventPosition.FromOffset("512")))
        {
            fromPartition.Add(Id(record));
        }

        Assert.Equal(["p0-3"], fromPartition);
        Assert.Equal(("0", EventPosition.FromOffset("512")), consumer.AskedFor);
    }

    /// <summary>A consumer client over events built in memory: the SDK's protected constructor exists for exactly this.</summary>
    private sealed class InMemoryConsumer(IReadOnlyList<PartitionEvent> events) : EventHubConsumerClient
    {
        public bool Read { get; private set; }

        public (string Partition, EventPosition Position)? AskedFor { get; private set; }

        public override async IAsyncEnumerable<PartitionEvent> ReadEventsFromPartitionAsync(string partitionId, EventPosition startingPosition, ReadEventOptions readOptions, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            AskedFor = (partitionId, startingPosition);
            var reached = false;
            foreach (var partitionEvent in events.Where(e => e.Partition.PartitionId == partitionId && e.Data is not null))
            {
                // Offsets are opaque strings: the events from the one at the stored position on, in partition order.
                reached |= startingPosition.Equals(EventPosition.FromOffset(partitionEvent.Data.OffsetString));
                if (reached)
                {
                    await Task.Yield();
                    yield return partitionEvent;
                }
            }
        }

        public override async IAsyncEnumerable<PartitionEvent> ReadEventsAsync(ReadEventOptions readOptions, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Read = true;
            foreach (var partitionEvent in events)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return partitionEvent;
            }
        }
    }
}
