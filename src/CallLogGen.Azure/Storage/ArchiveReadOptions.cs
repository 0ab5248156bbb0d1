using System;
using CallLogGen.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>How an archive reader reads: parallelism, late appends, problems, progress.</summary>
public sealed class ArchiveReadOptions
{
    private int _maxParallelBlobs = 4;
    private int _recordsBufferedPerBlob = 256;

    /// <summary>
    /// How many blobs are downloaded and parsed at once, ahead of the one whose records are being handed out
    /// (default 4). Records still come out in the documented order; memory is about this many times
    /// <see cref="RecordsBufferedPerBlob"/> records, whatever the blobs' size.
    /// </summary>
    public int MaxParallelBlobs
    {
        get => _maxParallelBlobs;
        set => _maxParallelBlobs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "At least one blob is read at a time.");
    }

    /// <summary>How many parsed records a blob read ahead may hold before it waits for the reader to catch up (default 256).</summary>
    public int RecordsBufferedPerBlob
    {
        get => _recordsBufferedPerBlob;
        set => _recordsBufferedPerBlob = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "At least one record is buffered.");
    }

    /// <summary>
    /// How long after its folder's time span ends a blob can still be appended to (default 48 hours, as Azure
    /// documents for diagnostic-settings archives). Until then a checkpoint keeps the blob's read length, so that a
    /// later read takes only what was appended; after it, the blob is closed: the checkpoint's watermark passes it,
    /// and a last line that is still not complete JSON is reported rather than waited for.
    /// </summary>
    public TimeSpan LateAppendWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How records are typed (<see cref="LogReadOptions.KeepUntypedValues"/>, <see cref="LogReadOptions.MaxDepth"/>).
    /// Its <see cref="LogReadOptions.OnInvalidRecord"/> is not used: bad records go to <see cref="OnProblem"/>.
    /// </summary>
    public LogReadOptions? ReadOptions { get; set; }

    /// <summary>
    /// Told of each blob or record that is skipped (a malformed line, a record that does not fit its table, a blob
    /// deleted or rewritten while it was read), after which reading goes on. When null (the default), the first
    /// problem ends the read with an <see cref="ArchiveReadException"/>.
    /// </summary>
    public Action<ArchiveProblem>? OnProblem { get; set; }

    /// <summary>Told how far the read has come: after each day's listing, each blob, and every few thousand records.</summary>
    public IProgress<ArchiveReadProgress>? Progress { get; set; }

    /// <summary>
    /// Workspace data export only: drop a record that is byte for byte a record already read from the same
    /// five-minute folder (export retries for up to 12 hours write duplicates, into the folder of the record's
    /// <c>TimeGenerated</c>). Within one read; duplicates across two reads resumed from a checkpoint are not seen.
    /// </summary>
    public bool DropDuplicateRecords { get; set; }

    /// <summary>The current time, which decides which blobs are still open; <see cref="DateTimeOffset.UtcNow"/> unless replaced (for tests and replays).</summary>
    public Func<DateTimeOffset> UtcNow { get; set; } = () => DateTimeOffset.UtcNow;
}
