namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// A read-only stream over bytes that hands out at most as many bytes a read as <c>nextChunk</c> says (1, a random
/// short count, or all), and can fail part-way with the exception given, as networks do.
/// </summary>
internal sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly Func<int> _nextChunk;
    private int _position;

    public ChunkedStream(byte[] data, int chunkSize)
        : this(data, () => chunkSize)
    {
    }

    public ChunkedStream(byte[] data, Func<int> nextChunk)
    {
        _data = data;
        _nextChunk = nextChunk;
    }

    /// <summary>The number of bytes handed out before every further read throws <see cref="Failure"/>.</summary>
    public int FailAfter { get; init; } = int.MaxValue;

    public Exception Failure { get; init; } = new IOException("connection reset");

    /// <summary>How many reads the stream served.</summary>
    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Reads++;
        if (_position >= FailAfter)
        {
            throw Failure;
        }

        var n = Math.Min(Math.Min(Math.Min(count, _nextChunk()), _data.Length - _position), FailAfter - _position);
        Array.Copy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer, offset, count));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream that hands out its bytes, then waits for more that never come, until the read's token is cancelled.</summary>
internal sealed class StallingStream(byte[] data) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read it asynchronously");

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_position == data.Length)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var n = Math.Min(count, data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
