using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CallLogGen.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>Reads one blob's bytes as a stream of typed records; the generated reader behind a <see cref="ChunkStream"/>.</summary>
internal delegate IAsyncEnumerable<TRecord> ReadRecords<TRecord>(Stream utf8Json, LogReadOptions options, CancellationToken cancellationToken);

internal enum BlobItemKind
{
    Record,
    Problem,
    End,
}

/// <summary>What a blob read hands to the ordered reader: a record, a problem, or the blob's end.</summary>
internal readonly struct BlobItem<TRecord>
{
    public BlobItem(BlobItemKind kind, TRecord? record, in RecordChunk chunk, ArchiveProblem? problem = null, string? eTag = null, DateTimeOffset? createdOn = null, bool deleted = false)
    {
        Kind = kind;
        Record = record;
        Chunk = chunk;
        Problem = problem;
        ETag = eTag;
        CreatedOn = createdOn;
        Deleted = deleted;
    }

    public BlobItemKind Kind { get; }

    public TRecord? Record { get; }

    /// <summary>The record's place, and where reading resumes after this item (for every kind).</summary>
    public RecordChunk Chunk { get; }

    public ArchiveProblem? Problem { get; }

    /// <summary>At the end: the blob's ETag as read to its end.</summary>
    public string? ETag { get; }

    public DateTimeOffset? CreatedOn { get; }

    /// <summary>At the end: the blob was gone.</summary>
    public bool Deleted { get; }
}

/// <summary>What to do with a listed blob, given the checkpoint.</summary>
internal enum BlobPlan
{
    /// <summary>Download from the checkpoint's length (0 for a blob not read before).</summary>
    Read,

    /// <summary>Unchanged since it was read to its end: no request at all.</summary>
    NothingNew,

    /// <summary>Replaced since the checkpoint read it: report it, and take its current length as read.</summary>
    Rewritten,
}

/// <summary>
/// One blob being read ahead of the ordered reader, into a bounded channel: a download from where the checkpoint
/// left off, split into records, read by the generated reader, each record with its place. Items go through the
/// channel in batches, so that the reader is woken once a batch rather than once a record.
/// </summary>
internal sealed class BlobReadJob<TRecord> : IChunkSink
    where TRecord : class
{
    private const int MaxBatchSize = 256;
    private readonly Channel<BlobItem<TRecord>[]> _items;
    private readonly List<BlobItem<TRecord>> _reported = new();
    private readonly CancellationToken _cancellationToken;
    private readonly int _batchSize;
    private BlobItem<TRecord>[] _batch;
    private int _batched;

    private BlobReadJob(ArchiveBlob blob, int bufferedRecords, CancellationToken cancellationToken)
    {
        Blob = blob;
        _cancellationToken = cancellationToken;
        _batchSize = Math.Min(MaxBatchSize, bufferedRecords);
        _batch = new BlobItem<TRecord>[_batchSize];
        var batches = Math.Max(1, bufferedRecords / _batchSize);
        _items = Channel.CreateBounded<BlobItem<TRecord>[]>(new BoundedChannelOptions(batches) { SingleReader = true, SingleWriter = true });
    }

    public ArchiveBlob Blob { get; }

    /// <summary>Batches of items, in blob order.</summary>
    public ChannelReader<BlobItem<TRecord>[]> Items => _items.Reader;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public static BlobReadJob<TRecord> Start(BlobReadSettings<TRecord> settings, ArchiveBlob blob, BlobPlan plan, ResumePoint from, long recordIndex, bool closed, CancellationToken cancellationToken)
    {
        var job = new BlobReadJob<TRecord>(blob, settings.Options.RecordsBufferedPerBlob, cancellationToken);
        job.Completion = Task.Run(() => job.RunAsync(settings, plan, from, recordIndex, closed), cancellationToken);
        return job;
    }

    private async Task RunAsync(BlobReadSettings<TRecord> settings, BlobPlan plan, ResumePoint from, long recordIndex, bool closed)
    {
        Exception? failure = null;
        try
        {
            switch (plan)
            {
                case BlobPlan.NothingNew:
                    await EndAsync(from, Blob.ETag, Blob.CreatedOn).ConfigureAwait(false);
                    break;
                case BlobPlan.Rewritten:
                    await RewrittenAsync("it was replaced since the checkpoint read it; its current content is skipped", null).ConfigureAwait(false);
                    break;
                default:
                    await ReadAsync(settings, from, recordIndex, closed).ConfigureAwait(false);
                    break;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await WriteAsync(new BlobItem<TRecord>(BlobItemKind.Problem, null, At(from), BlobProblem(ArchiveProblemKind.BlobDeleted, "it was deleted after it was listed", e))).ConfigureAwait(false);
            await WriteAsync(new BlobItem<TRecord>(BlobItemKind.End, null, At(from), deleted: true)).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            await RewrittenAsync("it was replaced after it was listed; it is skipped", e).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            // The ordered reader stopped; nobody reads what this job would write.
        }
        catch (Exception e)
        {
            failure = e;
        }

        try
        {
            // What was read before a failure still goes out first.
            await FlushAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            // Nobody reads it.
        }
        finally
        {
            _items.Writer.TryComplete(failure);
        }
    }

    private async Task ReadAsync(BlobReadSettings<TRecord> settings, ResumePoint from, long recordIndex, bool closed)
    {
        var client = settings.Account.GetBlobContainerClient(Blob.Container).GetBlobClient(Blob.Name);
        var download = new BlobDownloadOptions { Range = new HttpRange(from.Length) };
        if (!Blob.IsAppendBlob && Blob.ETag is not null)
        {
            // A block blob is written whole: one that changed since it was listed was replaced.
            download.Conditions = new BlobRequestConditions { IfMatch = new ETag(Blob.ETag) };
        }

        Response<BlobDownloadStreamingResult> response;
        try
        {
            response = await client.DownloadStreamingAsync(download, _cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            // Nothing past what was read.
            await EndAsync(from, Blob.ETag, Blob.CreatedOn).ConfigureAwait(false);
            return;
        }

        using var result = response.Value;
        var details = result.Details;
        if (Blob.IsAppendBlob && Blob.CreatedOn is { } listed && details.CreatedOn != listed)
        {
            await RewrittenAsync("it was created again after it was listed; it is skipped", null).ConfigureAwait(false);
            return;
        }

        ChunkStream? chunks = null;
        var options = AzureLogs.WithInvalidRecordHandler(settings.Options.ReadOptions, error => _reported.Add(InvalidRecord(error, chunks!)));
        using var splitter = new RecordSplitter(result.Content, from, recordIndex, closed, settings.Options.DropDuplicateRecords, options.MaxDepth, settings.CountBytes);
        chunks = new ChunkStream(splitter, this);

        try
        {
            await foreach (var record in settings.Read(chunks, options, _cancellationToken).ConfigureAwait(false))
            {
                await RecordDoneAsync().ConfigureAwait(false);
                await WriteAsync(new BlobItem<TRecord>(BlobItemKind.Record, record, chunks.Current)).ConfigureAwait(false);
            }
        }
        catch (LogJsonException error)
        {
            // The splitter hands the reader whole records only, so this is not expected; if it comes, the blob is skipped
            // from here. A range with no whole record in it (only a malformed line, which the splitter reported) reaches
            // the reader as an empty stream, and its "the input is empty" is about no record: not reported again.
            if (chunks.Position > 0)
            {
                _reported.Add(InvalidRecord(error, chunks));
            }
        }

        await RecordDoneAsync().ConfigureAwait(false);
        await EndAsync(splitter.Resume, ArchiveBlob.NormalizeETag(details.ETag.ToString()), details.CreatedOn).ConfigureAwait(false);
    }

    public async ValueTask RecordDoneAsync()
    {
        foreach (var item in _reported)
        {
            await WriteAsync(item).ConfigureAwait(false);
        }

        _reported.Clear();
    }

    public ValueTask ProblemAsync(LogJsonException problem, ResumePoint resume)
    {
        var place = At(resume);
        place.RecordIndex = problem.RecordIndex;
        return WriteAsync(new BlobItem<TRecord>(BlobItemKind.Problem, null, place, new ArchiveProblem(ArchiveProblemKind.MalformedRecord, Blob, problem.Problem, problem, null)));
    }

    /// <summary>A record the generated reader refused, its position moved from the chunk stream's to the blob's.</summary>
    private BlobItem<TRecord> InvalidRecord(LogJsonException error, ChunkStream chunks)
    {
        var chunk = chunks.Current;
        var located = new LogJsonException(
            error.Problem,
            chunk.BytePosition + Math.Max(0, error.BytePosition - chunks.CurrentStreamOffset),
            chunk.Line + Math.Max(0, error.Line - 1 - chunks.CurrentStreamLines),
            chunk.RecordIndex,
            error.Column,
            error);
        return new BlobItem<TRecord>(BlobItemKind.Problem, null, chunk, new ArchiveProblem(ArchiveProblemKind.InvalidRecord, Blob, error.Problem, located, null));
    }

    private async Task RewrittenAsync(string reason, Exception? exception)
    {
        await WriteAsync(new BlobItem<TRecord>(BlobItemKind.Problem, null, At(new ResumePoint(Blob.Length, 0, 0)), BlobProblem(ArchiveProblemKind.BlobRewritten, reason, exception))).ConfigureAwait(false);
        await EndAsync(new ResumePoint(Blob.Length, 0, 0), Blob.ETag, Blob.CreatedOn).ConfigureAwait(false);
    }

    private ValueTask EndAsync(ResumePoint resume, string? eTag, DateTimeOffset? createdOn)
        => WriteAsync(new BlobItem<TRecord>(BlobItemKind.End, null, At(resume), eTag: eTag, createdOn: createdOn));

    private ArchiveProblem BlobProblem(ArchiveProblemKind kind, string reason, Exception? exception) => new(kind, Blob, reason, null, exception);

    private static RecordChunk At(ResumePoint resume) => new() { Resume = resume, RecordIndex = -1 };

    private ValueTask WriteAsync(BlobItem<TRecord> item)
    {
        _batch[_batched++] = item;
        return _batched == _batchSize ? FlushAsync() : default;
    }

    private ValueTask FlushAsync()
    {
        if (_batched == 0)
        {
            return default;
        }

        var batch = _batched == _batchSize ? _batch : _batch.AsSpan(0, _batched).ToArray();
        _batch = new BlobItem<TRecord>[_batchSize];
        _batched = 0;
        return _items.Writer.WriteAsync(batch, _cancellationToken);
    }
}

/// <summary>What every blob read of one archive read shares.</summary>
internal sealed class BlobReadSettings<TRecord>
{
    private long _bytesRead;

    public BlobReadSettings(BlobServiceClient account, ArchiveReadOptions options, ReadRecords<TRecord> read)
    {
        Account = account;
        Options = options;
        Read = read;
        CountBytes = count => Interlocked.Add(ref _bytesRead, count);
    }

    public BlobServiceClient Account { get; }

    public ArchiveReadOptions Options { get; }

    public ReadRecords<TRecord> Read { get; }

    public Action<int> CountBytes { get; }

    public long BytesRead => Interlocked.Read(ref _bytesRead);
}
