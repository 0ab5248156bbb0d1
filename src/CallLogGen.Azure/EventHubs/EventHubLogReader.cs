using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using CallLogGen.Json;

namespace CallLogGen.Azure.EventHubs;

/// <summary>
/// Reads the events a diagnostic setting streams to an event hub: each body is <c>{"records":[...]}</c>; the
/// array of envelopes that Stream Analytics and capture tools write (<c>[{"records":[...], "EventProcessedUtcTime":
/// ...}]</c>) and plain arrays or lines of records are read too. Records come out typed through the generated
/// export reader, each with its event's partition, offset and sequence number, so that the caller can checkpoint.
/// </summary>
public sealed class EventHubLogReader
{
    private readonly LogExportReader _reader;
    private readonly LogReadOptions? _readOptions;
    private readonly Action<EventHubProblem>? _onProblem;

    /// <summary>Creates a reader.</summary>
    /// <param name="reader">The generated export reader (<c>CallLogTables.CreateExportReader()</c>), which types each record.</param>
    /// <param name="readOptions">How records are typed; its <see cref="LogReadOptions.OnInvalidRecord"/> is not used (problems go to <paramref name="onProblem"/>).</param>
    /// <param name="onProblem">Told of each event body that is not JSON and each record that does not fit, after which reading goes on; when null, the first one ends the read with an <see cref="EventHubReadException"/>.</param>
    public EventHubLogReader(LogExportReader reader, LogReadOptions? readOptions = null, Action<EventHubProblem>? onProblem = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _readOptions = readOptions;
        _onProblem = onProblem;
    }

    /// <summary>Reads the events an <see cref="EventHubConsumerClient"/> receives from every partition (see <see cref="EventHubConsumerClient.ReadEventsAsync(ReadEventOptions, CancellationToken)"/>).</summary>
    public IAsyncEnumerable<EventHubRecord> ReadAsync(EventHubConsumerClient consumer, ReadEventOptions? options = null, CancellationToken cancellationToken = default)
        => ReadAsync((consumer ?? throw new ArgumentNullException(nameof(consumer))).ReadEventsAsync(options, cancellationToken), cancellationToken);

    /// <summary>Reads the events of one partition from a position (an offset or sequence number the caller checkpointed).</summary>
    public IAsyncEnumerable<EventHubRecord> ReadFromPartitionAsync(EventHubConsumerClient consumer, string partitionId, EventPosition startingPosition, ReadEventOptions? options = null, CancellationToken cancellationToken = default)
        => ReadAsync((consumer ?? throw new ArgumentNullException(nameof(consumer))).ReadEventsFromPartitionAsync(partitionId, startingPosition, options, cancellationToken), cancellationToken);

    /// <summary>Reads events received some other way (an <c>EventProcessorClient</c> handler, a test): each event's records in order.</summary>
    public async IAsyncEnumerable<EventHubRecord> ReadAsync(IAsyncEnumerable<PartitionEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var partitionEvent in (events ?? throw new ArgumentNullException(nameof(events))).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // With a maximum wait time, the client hands out empty events as heartbeats.
            if (partitionEvent.Data is null)
            {
                continue;
            }

            foreach (var record in Read(partitionEvent.Data, partitionEvent.Partition.PartitionId))
            {
                yield return record;
            }
        }
    }

    /// <summary>Reads one event's records.</summary>
    /// <param name="eventData">The event.</param>
    /// <param name="partitionId">Its partition, where known, to put on the records.</param>
    public IReadOnlyList<EventHubRecord> Read(EventData eventData, string? partitionId = null)
    {
        if (eventData is null)
        {
            throw new ArgumentNullException(nameof(eventData));
        }

        var place = new EventPlace(partitionId, eventData.OffsetString, eventData.SequenceNumber, eventData.EnqueuedTime);
        var body = eventData.EventBody.ToMemory();
        if (!MemoryMarshal.TryGetArray(body, out var bytes))
        {
            bytes = new ArraySegment<byte>(body.ToArray());
        }

        var records = new List<object>();
        var envelopes = FindEnvelopeRecords(bytes, out var malformed);
        if (malformed is not null)
        {
            Report(place, malformed);
        }
        else if (envelopes is null)
        {
            ReadRecords(place, bytes, 0, 0, records);
        }
        else
        {
            foreach (var (start, length) in envelopes)
            {
                var slice = new ArraySegment<byte>(bytes.Array!, bytes.Offset + start, length);
                ReadRecords(place, slice, start, AzureLogs.CountLines(bytes.AsSpan(0, start)), records);
            }
        }

        var result = new EventHubRecord[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            result[i] = new EventHubRecord(records[i], place, i, records.Count);
        }

        return result;
    }

    /// <summary>Reads a body or one envelope's records array; positions in problems are moved to the body's.</summary>
    private void ReadRecords(EventPlace place, ArraySegment<byte> json, int bodyOffset, long linesBefore, List<object> records)
    {
        LogJsonException InBody(LogJsonException e)
            => bodyOffset == 0 ? e : new LogJsonException(e.Problem, e.BytePosition + bodyOffset, e.Line + linesBefore, e.RecordIndex, e.Column, e);

        var options = AzureLogs.WithInvalidRecordHandler(_readOptions, e => Report(place, InBody(e)));

        using var stream = new MemoryStream(json.Array!, json.Offset, json.Count, writable: false);
        try
        {
            // Streamed, so that the records before a fault in the body are kept.
            foreach (var record in _reader.Read(stream, options))
            {
                records.Add(record);
            }
        }
        catch (LogJsonException e)
        {
            Report(place, InBody(e));
        }
    }

    /// <summary>
    /// For an array of envelopes (<c>[{"records":[...], ...}, ...]</c>), where each envelope's records array is; null
    /// for any other body, which the export reader reads as it is.
    /// </summary>
    private List<(int Start, int Length)>? FindEnvelopeRecords(ArraySegment<byte> body, out LogJsonException? malformed)
    {
        malformed = null;
        var reader = new Utf8JsonReader(body.AsSpan(), new JsonReaderOptions { MaxDepth = _readOptions?.MaxDepth ?? LogReadOptions.Default.MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var envelopes = new List<(int, int)>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                var found = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isRecords = reader.ValueTextEquals("records"u8);
                    reader.Read();
                    if (isRecords && reader.TokenType == JsonTokenType.StartArray && !found)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        envelopes.Add((start, (int)reader.BytesConsumed - start));
                        found = true;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (!found)
                {
                    // An array of records, not of envelopes.
                    return null;
                }
            }

            return envelopes;
        }
        catch (JsonException)
        {
            // Malformed: the export reader reads what it can and reports where it breaks.
            return null;
        }
    }

    private void Report(EventPlace place, LogJsonException error)
    {
        var problem = new EventHubProblem(place, error);
        if (_onProblem is null)
        {
            throw new EventHubReadException(problem);
        }

        _onProblem(problem);
    }
}
