using System;

namespace CallLogGen.Azure.Storage;

/// <summary>A record read from an archive, with the blob and place it came from.</summary>
/// <typeparam name="T">The generated model, or <see cref="object"/> where categories mix (a model or an <c>UnknownLogRecord</c>).</typeparam>
public sealed class ArchiveRecord<T>
    where T : class
{
    internal ArchiveRecord(T record, ArchiveBlob blob, in RecordChunk chunk)
    {
        Record = record;
        Blob = blob;
        Time = chunk.Time;
        Line = chunk.Line;
        BytePosition = chunk.BytePosition;
        RecordIndex = chunk.RecordIndex;
    }

    /// <summary>The typed record.</summary>
    public T Record { get; }

    /// <summary>The blob it came from.</summary>
    public ArchiveBlob Blob { get; }

    /// <summary>The record's own time (its <c>time</c> or <c>TimeGenerated</c>), which the range filtered on; null where it has none.</summary>
    public DateTimeOffset? Time { get; }

    /// <summary>The one-based line of the blob the record starts on.</summary>
    public long Line { get; }

    /// <summary>The offset of the record's first byte in the blob.</summary>
    public long BytePosition { get; }

    /// <summary>The zero-based index of the record in its blob.</summary>
    public long RecordIndex { get; }
}
