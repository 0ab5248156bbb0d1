using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// The read both archive layouts share: list the range's blobs by prefix a day at a time, read up to
/// <see cref="ArchiveReadOptions.MaxParallelBlobs"/> of them at once, and hand records out in the documented
/// order (blob by blob in <see cref="ArchiveBlob.Compare"/> order, each blob's records in blob order), filtered by
/// their own time, updating the checkpoint as each one goes out.
/// </summary>
internal sealed class ArchiveReader<TRecord>
    where TRecord : class
{
    private const int RecordsBetweenProgressReports = 5000;
    private readonly BlobServiceClient _account;
    private readonly ArchiveLayout _layout;
    private readonly IReadOnlyList<string> _containers;
    private readonly ArchiveReadOptions _options;
    private readonly ReadRecords<TRecord> _read;

    public ArchiveReader(BlobServiceClient account, ArchiveLayout layout, IReadOnlyList<string> containers, ArchiveReadOptions? options, ReadRecords<TRecord> read)
    {
        _account = account ?? throw new ArgumentNullException(nameof(account));
        _layout = layout;
        _containers = containers;
        _options = options ?? new ArchiveReadOptions();
        _read = read;
    }

    public IReadOnlyList<string> Containers => _containers;

    public IAsyncEnumerable<ArchiveRecord<TRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset? to, string? resourceId, ArchiveCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (to is { } end && end <= from)
        {
            throw new ArgumentException("The range is empty: 'to' must come after 'from'.", nameof(to));
        }

        return ReadCoreAsync(from, to, resourceId, checkpoint ?? new ArchiveCheckpoint(), cancellationToken);
    }

    private async IAsyncEnumerable<ArchiveRecord<TRecord>> ReadCoreAsync(DateTimeOffset from, DateTimeOffset? to, string? resourceId, ArchiveCheckpoint checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = _options.UtcNow();
        var folder = _layout.FolderDuration;

        // Records of [from, to) sit in the folders from their own time's to RecordsLagFolder later; none after now.
        var first = _layout.FolderOf(from);
        if (checkpoint.Watermark is { } watermark && watermark > first)
        {
            first = _layout.FolderOf(watermark);
        }

        var endOfRange = to is { } end ? end.AddTicks(-1) + _layout.RecordsLagFolder : now;
        var last = _layout.FolderOf(endOfRange < now ? endOfRange : now);
        var closedBefore = _layout.FolderOf(now - _options.LateAppendWindow - folder) + folder;
        var state = new ReadCounters();
        var settings = new BlobReadSettings<TRecord>(_account, _options, _read);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var jobs = new Queue<BlobReadJob<TRecord>>();
        var listed = new Queue<ArchiveBlob>();
        var listing = new ArchiveListing(_account, _layout, _containers, resourceId).ListByDayAsync(first, last, stop.Token).GetAsyncEnumerator(stop.Token);
        var listingDone = first > last;
        var duplicates = _options.DropDuplicateRecords ? new DuplicateFilter() : null;
        BlobReadJob<TRecord>? current = null;
        try
        {
            while (true)
            {
                while (jobs.Count < _options.MaxParallelBlobs)
                {
                    if (listed.Count == 0)
                    {
                        if (listingDone || !await listing.MoveNextAsync().ConfigureAwait(false))
                        {
                            listingDone = true;
                            break;
                        }

                        foreach (var listedBlob in listing.Current)
                        {
                            listed.Enqueue(listedBlob);
                        }

                        state.BlobsListed += listing.Current.Count;
                        Report(state, settings);
                        continue;
                    }

                    jobs.Enqueue(StartJob(settings, listed.Dequeue(), checkpoint, now, stop.Token));
                }

                if (jobs.Count == 0)
                {
                    break;
                }

                var job = current = jobs.Dequeue();
                var blob = job.Blob;

                // Every blob of an earlier folder was handed out: those that no longer grow need no entry.
                checkpoint.AdvanceWatermark(Min(blob.FolderTime, closedBefore));
                while (await job.Items.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                {
                    if (!job.Items.TryRead(out var batch))
                    {
                        continue;
                    }

                    foreach (var item in batch)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        if (item.Kind == BlobItemKind.End)
                        {
                            if (item.Deleted)
                            {
                                checkpoint.Remove(blob);
                                continue;
                            }

                            var ended = Apply(checkpoint.GetOrAdd(blob), item.Chunk);
                            ended.ETag = item.ETag;
                            ended.CreatedOn = item.CreatedOn;
                            continue;
                        }

                        var entry = Apply(checkpoint.GetOrAdd(blob), item.Chunk);
                        entry.ETag = null;
                        if (item.Kind == BlobItemKind.Problem)
                        {
                            state.Problems++;
                            if (_options.OnProblem is not { } report)
                            {
                                throw new ArchiveReadException(item.Problem!);
                            }

                            report(item.Problem!);
                            continue;
                        }

                        var time = item.Chunk.Time;
                        if (time is { } t && (t < from || (to is { } until && t >= until)))
                        {
                            state.RecordsOutsideRange++;
                            continue;
                        }

                        if (duplicates is not null && !duplicates.IsFirst(blob, item.Chunk.Hash))
                        {
                            state.DuplicatesDropped++;
                            continue;
                        }

                        if (++state.RecordsDelivered % RecordsBetweenProgressReports == 0)
                        {
                            Report(state, settings);
                        }

                        yield return new ArchiveRecord<TRecord>(item.Record!, blob, item.Chunk);
                    }
                }

                await job.Completion.ConfigureAwait(false);
                current = null;
                state.BlobsRead++;
                Report(state, settings);
            }

            checkpoint.AdvanceWatermark(Min(last + folder, closedBefore));
        }
        finally
        {
            // Stopped early (the caller broke off, a problem was thrown) or done: no blob read outlives the read.
            stop.Cancel();
            if (current is not null)
            {
                jobs.Enqueue(current);
            }

            foreach (var job in jobs)
            {
                try
                {
                    await job.Completion.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled with the read, or failed after nobody needed it.
                }
            }

            await listing.DisposeAsync().ConfigureAwait(false);
        }
    }

    private BlobReadJob<TRecord> StartJob(BlobReadSettings<TRecord> settings, ArchiveBlob blob, ArchiveCheckpoint checkpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closed = blob.FolderTime + _layout.FolderDuration + _options.LateAppendWindow <= now;
        var entry = checkpoint.Find(blob);
        if (entry is null)
        {
            return BlobReadJob<TRecord>.Start(settings, blob, BlobPlan.Read, default, 0, closed, cancellationToken);
        }

        var plan = BlobPlan.Read;
        if (WasRewritten(entry, blob))
        {
            plan = BlobPlan.Rewritten;
        }
        else if ((entry.ETag is not null && entry.ETag == blob.ETag) || (blob.IsAppendBlob && entry.RecordsPastLength == 0 && blob.Length <= entry.Length))
        {
            plan = BlobPlan.NothingNew;
        }

        return BlobReadJob<TRecord>.Start(settings, blob, plan, entry.ResumePoint, entry.RecordsRead - entry.RecordsPastLength, closed, cancellationToken);
    }

    /// <summary>An append blob only grows; a blob created again, shorter than what was read, or a block blob with another ETag was replaced.</summary>
    private static bool WasRewritten(ArchiveBlobCheckpoint entry, ArchiveBlob blob)
        => (entry.CreatedOn is { } created && blob.CreatedOn is { } listed && created != listed)
           || (blob.IsAppendBlob && blob.Length < entry.Length)
           || (!blob.IsAppendBlob && entry.ETag is not null && entry.ETag != blob.ETag);

    private static ArchiveBlobCheckpoint Apply(ArchiveBlobCheckpoint entry, in RecordChunk chunk)
    {
        entry.Length = chunk.Resume.Length;
        entry.Lines = chunk.Resume.Lines;
        entry.RecordsPastLength = chunk.Resume.RecordsPastLength;
        if (chunk.RecordIndex >= 0)
        {
            entry.RecordsRead = chunk.RecordIndex + 1;
        }

        return entry;
    }

    private void Report(ReadCounters state, BlobReadSettings<TRecord> settings)
        => _options.Progress?.Report(new ArchiveReadProgress(state.BlobsListed, state.BlobsRead, settings.BytesRead, state.RecordsDelivered, state.RecordsOutsideRange, state.DuplicatesDropped, state.Problems));

    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;

    private sealed class ReadCounters
    {
        public long BlobsListed;
        public long BlobsRead;
        public long RecordsDelivered;
        public long RecordsOutsideRange;
        public long DuplicatesDropped;
        public long Problems;
    }

    /// <summary>
    /// The records of one folder of one resource seen so far, by a 128-bit hash of their bytes: export retries write
    /// a duplicate into the folder of the record's own time, so only one folder needs remembering at a time.
    /// </summary>
    private sealed class DuplicateFilter
    {
        private readonly HashSet<(ulong, ulong)> _seen = new();
        private string? _container;
        private string? _resource;
        private DateTimeOffset _folder;

        public bool IsFirst(ArchiveBlob blob, (ulong High, ulong Low) hash)
        {
            if (blob.FolderTime != _folder || !string.Equals(blob.ResourcePath, _resource, StringComparison.Ordinal) || !string.Equals(blob.Container, _container, StringComparison.Ordinal))
            {
                _seen.Clear();
                _folder = blob.FolderTime;
                _resource = blob.ResourcePath;
                _container = blob.Container;
            }

            return _seen.Add(hash);
        }
    }
}
