using Azure.Core;
using Azure.Core.Pipeline;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>Runs an action once, just before the first blob download is sent: to change the account between listing and reading.</summary>
public sealed class BeforeFirstDownloadPolicy(Action action) : HttpPipelineSynchronousPolicy
{
    private int _done;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (IsDownload(message) && Interlocked.Exchange(ref _done, 1) == 0)
        {
            action();
        }
    }

    public static bool IsDownload(HttpMessage message)
        => message.Request.Method == RequestMethod.Get && !message.Request.Uri.ToUri().Query.Contains("comp=", StringComparison.Ordinal);

    public static bool IsListing(HttpMessage message)
        => message.Request.Method == RequestMethod.Get && message.Request.Uri.ToUri().Query.Contains("comp=list", StringComparison.Ordinal);
}

/// <summary>
/// Transient faults, as a network gives them: the first listing request fails with an IOException before it is
/// sent, and the first download's body breaks after some bytes. The Azure.Core pipeline (and the blob client's
/// retriable download stream) must get over both.
/// </summary>
public sealed class TransientFaultPolicy(int breakBodyAfter) : HttpPipelinePolicy
{
    private int _listingFailed;
    private int _bodyBroken;

    public int Faults => _listingFailed + _bodyBroken;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (BeforeFirstDownloadPolicy.IsListing(message) && Interlocked.Exchange(ref _listingFailed, 1) == 0)
        {
            throw new IOException("connection reset (injected)");
        }

        await ProcessNextAsync(message, pipeline);
        if (BeforeFirstDownloadPolicy.IsDownload(message) && message.Response.Status is 200 or 206 && message.Response.ContentStream is { } body && Interlocked.Exchange(ref _bodyBroken, 1) == 0)
        {
            message.Response.ContentStream = new BreakingStream(body, breakBodyAfter);
        }
    }
}

/// <summary>Counts the download bodies open at once (a body is open from its response until the reader disposes it).</summary>
public sealed class OpenDownloadsPolicy : HttpPipelineSynchronousPolicy
{
    private int _open;
    private int _most;

    public int MostOpenAtOnce => Volatile.Read(ref _most);

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (BeforeFirstDownloadPolicy.IsDownload(message) && message.Response.ContentStream is { } body)
        {
            var open = Interlocked.Increment(ref _open);
            int most;
            while (open > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, open, most) != most)
            {
            }

            message.Response.ContentStream = new ClosingStream(body, () => Interlocked.Decrement(ref _open));
        }
    }
}

internal sealed class BreakingStream(Stream inner, int breakAfter) : DelegatingStream(inner)
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_read >= breakAfter)
        {
            throw new IOException("connection reset mid-body (injected)");
        }

        var read = await Inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - _read)], cancellationToken);
        _read += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
}

internal sealed class ClosingStream(Stream inner, Action closed) : DelegatingStream(inner)
{
    private int _closed;

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            closed();
        }

        base.Dispose(disposing);
    }
}

internal abstract class DelegatingStream(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => Inner.Length;

    public override long Position
    {
        get => Inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
