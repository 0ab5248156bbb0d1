using System;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// Where a record sits in its blob, what its own time is, and where a reader resumes once it is delivered.
/// The splitter fills one per record; the ordered reader applies it to the checkpoint when it hands the record out.
/// </summary>
internal struct RecordChunk
{
    /// <summary>The record's first byte, from the start of the blob.</summary>
    public long BytePosition;

    /// <summary>The one-based line of the record's first byte.</summary>
    public long Line;

    /// <summary>The record's zero-based index in the blob.</summary>
    public long RecordIndex;

    /// <summary>The record's <c>time</c> (or <c>TimeGenerated</c>), where it has one that reads as a time.</summary>
    public DateTimeOffset? Time;

    /// <summary>A 128-bit hash of the record's bytes, when duplicates are dropped; else zero.</summary>
    public (ulong High, ulong Low) Hash;

    /// <summary>Where reading resumes once this record is delivered: see <see cref="ResumePoint"/>.</summary>
    public ResumePoint Resume;
}

/// <summary>
/// Where reading a blob resumes: the end of the last whole line or <c>{"records":[...]}</c> document read, the
/// lines before it, and how many records of a document that starts there were already read (a document cannot be
/// read from its middle, so it is read again from its start and those records are skipped).
/// </summary>
internal readonly struct ResumePoint
{
    public ResumePoint(long length, long lines, int recordsPastLength)
    {
        Length = length;
        Lines = lines;
        RecordsPastLength = recordsPastLength;
    }

    public long Length { get; }

    public long Lines { get; }

    public int RecordsPastLength { get; }
}

/// <summary>What the splitter found next.</summary>
internal enum SplitStep
{
    /// <summary>A record: <see cref="RecordSplitter.Current"/> and its bytes.</summary>
    Record,

    /// <summary>Bytes that are no record (malformed JSON, a truncated blob): <see cref="RecordSplitter.Problem"/>.</summary>
    Problem,

    /// <summary>The end of what can be read now; a half-written last line stays for the next read.</summary>
    End,
}
