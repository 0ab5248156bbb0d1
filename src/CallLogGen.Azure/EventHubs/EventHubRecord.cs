using System;
using CallLogGen.Json;

namespace CallLogGen.Azure.EventHubs;

/// <summary>A record read from an Event Hubs event, with what a caller needs to checkpoint the event.</summary>
public sealed class EventHubRecord
{
    internal EventHubRecord(object record, EventPlace place, int indexInEvent, int recordsInEvent)
    {
        Record = record;
        PartitionId = place.PartitionId;
        Offset = place.Offset;
        SequenceNumber = place.SequenceNumber;
        EnqueuedTime = place.EnqueuedTime;
        IndexInEvent = indexInEvent;
        RecordsInEvent = recordsInEvent;
    }

    /// <summary>The typed record: a generated model, or an <see cref="UnknownLogRecord"/> for a category no table claims.</summary>
    public object Record { get; }

    /// <summary>The partition the event was read from, where known.</summary>
    public string? PartitionId { get; }

    /// <summary>The event's offset in its partition (Event Hubs' string offset: <c>EventData.OffsetString</c>), to checkpoint with.</summary>
    public string? Offset { get; }

    /// <summary>The event's sequence number in its partition.</summary>
    public long SequenceNumber { get; }

    /// <summary>When the event was enqueued.</summary>
    public DateTimeOffset EnqueuedTime { get; }

    /// <summary>The record's zero-based index among the event's records.</summary>
    public int IndexInEvent { get; }

    /// <summary>How many records the event held.</summary>
    public int RecordsInEvent { get; }

    /// <summary>Whether this is the event's last record: once it is processed, the event can be checkpointed.</summary>
    public bool IsLastInEvent => IndexInEvent == RecordsInEvent - 1;
}

/// <summary>Something skipped while reading an event: a body that is not JSON, or a record that does not fit its table.</summary>
public sealed class EventHubProblem
{
    internal EventHubProblem(EventPlace place, LogJsonException error)
    {
        PartitionId = place.PartitionId;
        Offset = place.Offset;
        SequenceNumber = place.SequenceNumber;
        Error = error;
        Message = "partition " + (place.PartitionId ?? "?") + ", offset " + (place.Offset ?? "?") + ", sequence number " + place.SequenceNumber + ": " + error.Message;
    }

    /// <summary>The event's partition, where known.</summary>
    public string? PartitionId { get; }

    /// <summary>The event's offset.</summary>
    public string? Offset { get; }

    /// <summary>The event's sequence number.</summary>
    public long SequenceNumber { get; }

    /// <summary>The reader's error, with its line and byte counted in the event's body.</summary>
    public LogJsonException Error { get; }

    /// <summary>The event and the place in its body: <c>partition 0, offset 4096, sequence number 12: line 1, byte 40, ...</c>.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}

/// <summary>A problem that ended a read because no <see cref="EventHubLogReader"/> problem handler was set.</summary>
public sealed class EventHubReadException : Exception
{
    internal EventHubReadException(EventHubProblem problem)
        : base(problem.Message, problem.Error)
    {
        Problem = problem;
    }

    /// <summary>The problem.</summary>
    public EventHubProblem Problem { get; }
}

/// <summary>Where an event came from.</summary>
internal readonly struct EventPlace
{
    public EventPlace(string? partitionId, string? offset, long sequenceNumber, DateTimeOffset enqueuedTime)
    {
        PartitionId = partitionId;
        Offset = offset;
        SequenceNumber = sequenceNumber;
        EnqueuedTime = enqueuedTime;
    }

    public string? PartitionId { get; }

    public string? Offset { get; }

    public long SequenceNumber { get; }

    public DateTimeOffset EnqueuedTime { get; }
}
