using CallLogGen.Azure.Storage;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Json;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>What the storage tests share: a fixed clock, reading an archive to a list, and naming records by their id.</summary>
public static class ArchiveTestKit
{
    /// <summary>"Now" for every storage test, so that which hours are still open does not depend on when tests run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 30, 0, TimeSpan.Zero);

    public static ArchiveReadOptions Options(List<ArchiveProblem>? problems = null, int parallel = 4) => new()
    {
        UtcNow = () => Now,
        MaxParallelBlobs = parallel,
        OnProblem = problems is null ? null : problems.Add,
    };

    public static DiagnosticLogArchive Archive(global::Azure.Storage.Blobs.BlobServiceClient account, ArchiveReadOptions options)
        => new(account, CallLogTables.CreateExportReader(), options);

    public static async Task<List<ArchiveRecord<object>>> ReadAllAsync(this DiagnosticLogArchive archive, DateTimeOffset from, DateTimeOffset? to, ArchiveCheckpoint? checkpoint = null, string? resourceId = null)
    {
        var records = new List<ArchiveRecord<object>>();
        await foreach (var record in archive.ReadAsync(from, to, resourceId, checkpoint))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>A record's correlation id, which the tests give each record as its name.</summary>
    public static string Id(this ArchiveRecord<object> record) => record.Record switch
    {
        AcsCallAutomationIncomingOperations operation => operation.CorrelationId!,
        AcsBillingUsage usage => usage.CorrelationId!,
        UnknownLogRecord other => "unknown:" + other.Category,
        var other => throw new InvalidOperationException("unexpected record " + other),
    };

    public static List<string> Ids(this IEnumerable<ArchiveRecord<object>> records) => records.Select(Id).ToList();

    /// <summary>The checkpoint as a caller stores it: written to JSON and read back.</summary>
    public static ArchiveCheckpoint Stored(this ArchiveCheckpoint checkpoint) => ArchiveCheckpoint.Parse(checkpoint.ToUtf8Json());

    public static DateTimeOffset Hour(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);
}

/// <summary>Keeps every progress report, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts them).</summary>
public sealed class CollectingProgress : IProgress<ArchiveReadProgress>
{
    public List<ArchiveReadProgress> Reports { get; } = new();

    public void Report(ArchiveReadProgress value) => Reports.Add(value);
}
