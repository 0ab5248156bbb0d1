using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// The stream a generated reader reads a blob through: one whole record per read (each followed by a newline),
/// so that when the reader hands out a record, <see cref="Current"/> is the record's place in the blob. Bytes
/// that are no record never reach the reader; they go to <see cref="IChunkSink.ProblemAsync"/>, in order.
/// </summary>
internal sealed class ChunkStream : Stream
{
    private readonly RecordSplitter _splitter;
    private readonly IChunkSink _sink;
    private ArraySegment<byte> _bytes;
    private int _position;
    private int _remaining;
    private bool _ended;
    private long _delivered;
    private long _deliveredLines;

    public ChunkStream(RecordSplitter splitter, IChunkSink sink)
    {
        _splitter = splitter;
        _sink = sink;
    }

    /// <summary>The record being read.</summary>
    public RecordChunk Current;

    /// <summary>Bytes of this stream before <see cref="Current"/>'s (to map a reader's positions back to the blob).</summary>
    public long CurrentStreamOffset { get; private set; }

    /// <summary>Newlines of this stream before <see cref="Current"/>'s.</summary>
    public long CurrentStreamLines { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _delivered;
        set => throw new NotSupportedException();
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (_remaining == 0)
        {
            if (_ended)
            {
                return 0;
            }

            // The reader is done with the current record: what it reported about it goes out first.
            await _sink.RecordDoneAsync().ConfigureAwait(false);
            switch (await _splitter.NextAsync(cancellationToken).ConfigureAwait(false))
            {
                case SplitStep.Record:
                    Current = _splitter.Current;
                    _bytes = _splitter.CurrentBytes;
                    _position = 0;
                    _remaining = _bytes.Count + 1;
                    CurrentStreamOffset = _delivered;
                    CurrentStreamLines = _deliveredLines;
                    _deliveredLines += AzureLogs.CountLines(_bytes.AsSpan()) + 1;
                    break;
                case SplitStep.Problem:
                    await _sink.ProblemAsync(_splitter.Problem!, _splitter.Resume).ConfigureAwait(false);
                    break;
                default:
                    _ended = true;
                    break;
            }
        }

        var copied = 0;
        var fromRecord = Math.Min(count, _remaining - 1);
        if (fromRecord > 0)
        {
            Buffer.BlockCopy(_bytes.Array!, _bytes.Offset + _position, buffer, offset, fromRecord);
            _position += fromRecord;
            _remaining -= fromRecord;
            copied = fromRecord;
        }

        if (_remaining == 1 && copied < count)
        {
            buffer[offset + copied] = (byte)'\n';
            _remaining = 0;
            copied++;
        }

        _delivered += copied;
        return copied;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Blobs are read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Where a <see cref="ChunkStream"/> sends what is not a record.</summary>
internal interface IChunkSink
{
    /// <summary>The reader moved past the current record: send what it reported about it.</summary>
    ValueTask RecordDoneAsync();

    /// <summary>Bytes that are no record, and where reading resumes after them.</summary>
    ValueTask ProblemAsync(CallLogGen.Json.LogJsonException problem, ResumePoint resume);
}
