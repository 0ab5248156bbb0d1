using System;
using CallLogGen.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>What kind of thing a reader skipped.</summary>
public enum ArchiveProblemKind
{
    /// <summary>A line or record that is not JSON, or not complete JSON at the end of a blob that no longer grows.</summary>
    MalformedRecord,

    /// <summary>A record that is JSON but does not fit its table (a required column missing, a value of the wrong type).</summary>
    InvalidRecord,

    /// <summary>A blob that was listed but was gone when it was read.</summary>
    BlobDeleted,

    /// <summary>A blob that was replaced (not appended to) after it was listed or after the checkpoint read it.</summary>
    BlobRewritten,
}

/// <summary>
/// Something an archive reader skipped, and reading went on: a blob deleted or rewritten while it was being read,
/// or a record that could not be read, located by blob, line and byte.
/// </summary>
public sealed class ArchiveProblem
{
    internal ArchiveProblem(ArchiveProblemKind kind, ArchiveBlob blob, string problem, LogJsonException? recordError, Exception? exception)
    {
        Kind = kind;
        Blob = blob;
        RecordError = recordError;
        Exception = exception ?? recordError;
        Message = blob + ": " + (recordError?.Message ?? problem);
    }

    /// <summary>What was skipped.</summary>
    public ArchiveProblemKind Kind { get; }

    /// <summary>The blob it was in.</summary>
    public ArchiveBlob Blob { get; }

    /// <summary>For a record: the reader's error, with <see cref="LogJsonException.Line"/> and <see cref="LogJsonException.BytePosition"/> counted in the blob.</summary>
    public LogJsonException? RecordError { get; }

    /// <summary>The exception behind the problem (the storage service's, for a blob).</summary>
    public Exception? Exception { get; }

    /// <summary>The blob, the place in it and the reason: <c>insights-logs-x/resourceId=.../PT1H.json: line 3, byte 95, record 2: ...</c>.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}

/// <summary>A problem that ended a read because no <see cref="ArchiveReadOptions.OnProblem"/> handler was set.</summary>
public sealed class ArchiveReadException : Exception
{
    internal ArchiveReadException(ArchiveProblem problem)
        : base(problem.Message, problem.Exception)
    {
        Problem = problem;
    }

    /// <summary>The problem.</summary>
    public ArchiveProblem Problem { get; }
}
