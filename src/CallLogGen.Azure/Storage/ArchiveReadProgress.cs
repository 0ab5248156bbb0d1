namespace CallLogGen.Azure.Storage;

/// <summary>How far a long archive read has come; reported through <see cref="ArchiveReadOptions.Progress"/>.</summary>
public sealed class ArchiveReadProgress
{
    internal ArchiveReadProgress(long blobsListed, long blobsRead, long bytesRead, long recordsDelivered, long recordsOutsideRange, long duplicatesDropped, long problems)
    {
        BlobsListed = blobsListed;
        BlobsRead = blobsRead;
        BytesRead = bytesRead;
        RecordsDelivered = recordsDelivered;
        RecordsOutsideRange = recordsOutsideRange;
        DuplicatesDropped = duplicatesDropped;
        Problems = problems;
    }

    /// <summary>Blobs listed so far (listing goes a day at a time, ahead of reading).</summary>
    public long BlobsListed { get; }

    /// <summary>Blobs whose records were all handed out (or that had nothing new).</summary>
    public long BlobsRead { get; }

    /// <summary>Bytes downloaded.</summary>
    public long BytesRead { get; }

    /// <summary>Records handed out.</summary>
    public long RecordsDelivered { get; }

    /// <summary>Records read but outside the time range asked for (a blob holds records older than its folder).</summary>
    public long RecordsOutsideRange { get; }

    /// <summary>Records dropped as duplicates written by export retries, where that was asked for.</summary>
    public long DuplicatesDropped { get; }

    /// <summary>Blobs and records skipped with a problem.</summary>
    public long Problems { get; }

    /// <inheritdoc/>
    public override string ToString()
        => $"{BlobsRead}/{BlobsListed} blobs, {BytesRead} bytes, {RecordsDelivered} records"
           + (RecordsOutsideRange > 0 ? $", {RecordsOutsideRange} outside the range" : string.Empty)
           + (DuplicatesDropped > 0 ? $", {DuplicatesDropped} duplicates dropped" : string.Empty)
           + (Problems > 0 ? $", {Problems} problems" : string.Empty);
}
