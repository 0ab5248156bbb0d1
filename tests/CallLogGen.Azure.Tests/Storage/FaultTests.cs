using CallLogGen.Azure.Storage;
using CallLogGen.Azure.Tests.Logs;
using static CallLogGen.Azure.Tests.Storage.ArchiveTestKit;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>Faults: bad lines and records, blobs that vanish or are replaced while read, transient network failures, cancellation.</summary>
[Collection(AzuriteCollection.Name)]
public class FaultTests(AzuriteFixture azurite)
{
    private static readonly string R1 = ArchiveBuilder.Resource(1);
    private static readonly string R2 = ArchiveBuilder.Resource(2);
    private const string Ops = ArchiveBuilder.Operations;

    [Fact]
    public async Task Malformed_lines_and_records_that_do_not_fit_are_reported_with_blob_line_and_byte_and_reading_goes_on()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var hour = Hour(9, 4);
        var first = TestRecords.Operation(hour.AddMinutes(1), R1, "ok-1");
        const string Broken = "{\"time\":\"2026-03-09T04:02:00Z\",\"operationName\": nope}";
        var slow = TestRecords.Operation(hour.AddMinutes(3), R1, "slow", durationMs: "slow");
        await archive.AppendLinesAsync(Ops, R1, hour, [first, Broken, slow, TestRecords.Operation(hour.AddMinutes(4), R1, "ok-2")]);

        // A blob of an hour past the late-append window that ends inside a record: reported, not waited for.
        var closed = Hour(7, 4);
        await archive.AppendAsync(Ops, R1, closed, TestRecords.Operation(closed, R1, "closed-ok") + "\n" + TestRecords.Operation(closed, R1, "cut")[..30]);

        var problems = new List<ArchiveProblem>();
        var records = await Archive(azurite.Account(), Options(problems)).ReadAllAsync(Hour(7, 0), Hour(9, 5));

        Assert.Equal(["closed-ok", "ok-1", "ok-2"], records.Ids());
        Assert.Equal(3, problems.Count);

        Assert.Equal(ArchiveProblemKind.MalformedRecord, problems[0].Kind);
        Assert.Equal(2, problems[0].RecordError!.Line);
        Assert.Contains("ends inside a record", problems[0].Message, StringComparison.Ordinal);

        var malformed = problems[1];
        Assert.Equal(ArchiveProblemKind.MalformedRecord, malformed.Kind);
        Assert.Equal(ArchiveBuilder.DiagnosticBlobName(R1, hour), malformed.Blob.Name);
        Assert.Equal(2, malformed.RecordError!.Line);
        var nope = first.Length + 1 + Broken.IndexOf("nope", StringComparison.Ordinal);
        Assert.InRange(malformed.RecordError.BytePosition, nope, nope + 3);
        Assert.Contains("PT1H.json: line 2, byte ", malformed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", malformed.Message, StringComparison.Ordinal);

        var invalid = problems[2];
        Assert.Equal(ArchiveProblemKind.InvalidRecord, invalid.Kind);
        Assert.Equal(3, invalid.RecordError!.Line);
        Assert.Equal("DurationMs", invalid.RecordError.Column);
        Assert.Equal(2, invalid.RecordError.RecordIndex);
        var slowAt = first.Length + Broken.Length + 2 + slow.IndexOf("\"slow\"", StringComparison.Ordinal);
        Assert.Equal(slowAt, invalid.RecordError.BytePosition);
    }

    [Fact]
    public async Task Without_a_problem_handler_the_first_problem_ends_the_read()
    {
        var account = await azurite.EmptyAccountAsync();
        await new ArchiveBuilder(account).AppendLinesAsync(Ops, R1, Hour(9, 4), [TestRecords.Operation(Hour(9, 4), R1, "ok"), "{not json"]);

        var error = await Assert.ThrowsAsync<ArchiveReadException>(() => Archive(azurite.Account(), Options()).ReadAllAsync(Hour(9, 4), Hour(9, 5)));
        Assert.Equal(ArchiveProblemKind.MalformedRecord, error.Problem.Kind);
        Assert.Equal(2, error.Problem.RecordError!.Line);
    }

    [Fact]
    public async Task A_blob_deleted_or_replaced_between_listing_and_reading_is_reported_and_skipped()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        for (var hour = 0; hour < 4; hour++)
        {
            var lines = new[] { TestRecords.Operation(Hour(9, hour), R1, "h" + hour) };
            if (hour == 3)
            {
                await archive.WriteRecordsDocumentAsync(Ops, R1, Hour(9, hour), lines);
            }
            else
            {
                await archive.AppendLinesAsync(Ops, R1, Hour(9, hour), lines);
            }
        }

        var other = azurite.Account();
        var change = new BeforeFirstDownloadPolicy(() =>
        {
            new ArchiveBuilder(other).DiagnosticBlob(Ops, R1, Hour(9, 1)).Delete();
            new ArchiveBuilder(other).WriteRecordsDocumentAsync(Ops, R1, Hour(9, 3), [TestRecords.Operation(Hour(9, 3), R1, "replaced")]).GetAwaiter().GetResult();
        });
        var problems = new List<ArchiveProblem>();
        var checkpoint = new ArchiveCheckpoint();
        var records = await Archive(azurite.Account(change), Options(problems, parallel: 1)).ReadAllAsync(Hour(9, 0), Hour(9, 4), checkpoint);

        Assert.Equal(["h0", "h2"], records.Ids());
        Assert.Equal([ArchiveProblemKind.BlobDeleted, ArchiveProblemKind.BlobRewritten], problems.Select(p => p.Kind));
        Assert.Equal(Hour(9, 1), problems[0].Blob.FolderTime);
        Assert.Equal(404, Assert.IsType<global::Azure.RequestFailedException>(problems[0].Exception).Status);
        Assert.Equal(Hour(9, 3), problems[1].Blob.FolderTime);
        Assert.DoesNotContain(checkpoint.Blobs, b => b.FolderTime == Hour(9, 1));
    }

    [Fact]
    public async Task Transient_failures_are_retried_by_the_pipeline_and_change_nothing()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var lines = Enumerable.Range(0, 40).Select(i => TestRecords.Operation(Hour(9, 6).AddSeconds(i), R2, "t" + i)).ToList();
        await archive.AppendLinesAsync(Ops, R2, Hour(9, 6), lines, blocks: 4);

        var faults = new TransientFaultPolicy(breakBodyAfter: 1000);
        var records = await Archive(azurite.Account(faults), Options()).ReadAllAsync(Hour(9, 6), Hour(9, 7));

        Assert.Equal(2, faults.Faults);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "t" + i), records.Ids());
    }

    [Fact]
    public async Task Blobs_are_read_in_parallel_within_the_bound_and_progress_counts_blobs_bytes_and_records()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        long bytes = 0;
        for (var hour = 0; hour < 8; hour++)
        {
            var lines = Enumerable.Range(0, 30).Select(i => TestRecords.Operation(Hour(9, hour).AddMinutes(i), R1, $"p{hour}-{i}")).ToList();
            lines.Add(TestRecords.Operation(Hour(8, 1), R1, "outside"));
            bytes += lines.Sum(l => l.Length + 1);
            await archive.AppendLinesAsync(Ops, R1, Hour(9, hour), lines, blocks: 2);
        }

        var open = new OpenDownloadsPolicy();
        var progress = new CollectingProgress();
        var options = Options(parallel: 2);
        options.RecordsBufferedPerBlob = 4;
        options.Progress = progress;
        var records = await Archive(azurite.Account(open), options).ReadAllAsync(Hour(9, 0), Hour(9, 8));

        Assert.Equal(240, records.Count);
        Assert.InRange(open.MostOpenAtOnce, 1, 2);
        var last = progress.Reports[^1];
        Assert.Equal(8, last.BlobsListed);
        Assert.Equal(8, last.BlobsRead);
        Assert.Equal(bytes, last.BytesRead);
        Assert.Equal(240, last.RecordsDelivered);
        Assert.Equal(8, last.RecordsOutsideRange);
        Assert.Equal(0, last.Problems);
        Assert.True(progress.Reports.Count >= 9, "a report after listing and one per blob");
    }
}
