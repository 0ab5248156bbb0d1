using CallLogGen.Azure.Storage;
using CallLogGen.Azure.Tests.Logs;
using static CallLogGen.Azure.Tests.Storage.ArchiveTestKit;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>Diagnostic-settings archives in Azurite, in the real layout: a range read across hours and days.</summary>
[Collection(AzuriteCollection.Name)]
public class DiagnosticArchiveTests(AzuriteFixture azurite)
{
    private static readonly string R1 = ArchiveBuilder.Resource(1);
    private static readonly string R2 = ArchiveBuilder.Resource(2);

    [Fact]
    public async Task A_range_across_hours_and_a_day_boundary_comes_out_typed_filtered_by_record_time_in_blob_order()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        const string Ops = ArchiveBuilder.Operations;

        // Before the range: its hour is never listed.
        await archive.AppendLinesAsync(Ops, R1, Hour(8, 21), [TestRecords.Operation(Hour(8, 21).AddMinutes(30), R1, "before")]);

        // Two appends to one hour blob.
        await archive.AppendLinesAsync(Ops, R1, Hour(8, 22), [
            TestRecords.Operation(Hour(8, 22).AddMinutes(5), R1, "a1"),
            TestRecords.Operation(Hour(8, 22).AddMinutes(10), R1, "a2", "CreateCall"),
            TestRecords.Operation(Hour(8, 22).AddMinutes(59), R1, "a3"),
        ], blocks: 2);

        // A record older than the range in a blob of the range: filtered by its own time.
        await archive.AppendLinesAsync(Ops, R1, Hour(8, 23), [
            TestRecords.Operation(Hour(8, 23).AddMinutes(10), R1, "b1"),
            TestRecords.Operation(Hour(8, 21).AddMinutes(50), R1, "b-too-old"),
            TestRecords.Operation(Hour(8, 23).AddMinutes(20), R1, "b2"),
        ]);

        // The shape before November 2018, across midnight, with a record older than its hour.
        await archive.WriteRecordsDocumentAsync(ArchiveBuilder.Usage, R2, Hour(9, 0), [
            TestRecords.Usage(Hour(9, 0).AddMinutes(1), R2, "c1"),
            TestRecords.Usage(Hour(8, 23).AddMinutes(58), R2, "c2"),
        ]);

        // After the range: its records can still be the range's (a blob holds records up to 48 hours older).
        await archive.AppendLinesAsync(Ops, R2, Hour(9, 5), [
            TestRecords.Operation(Hour(9, 1).AddMinutes(30), R2, "d1"),
            TestRecords.Operation(Hour(9, 5).AddMinutes(10), R2, "d-after"),
        ]);
        await archive.AppendLinesAsync(ArchiveBuilder.Usage, R1, Hour(10, 3), [TestRecords.Usage(Hour(9, 1), R1, "g1")]);

        var counting = new CountingPolicy();
        var records = await Archive(azurite.Account(counting), Options()).ReadAllAsync(Hour(8, 22), Hour(9, 2));

        Assert.Equal(["a1", "a2", "a3", "b1", "b2", "c1", "c2", "d1", "g1"], records.Ids());
        var a2 = Assert.IsType<AcsCallAutomationIncomingOperations>(records[1].Record);
        Assert.Equal("CreateCall", a2.OperationName);
        Assert.Equal(Hour(8, 22).AddMinutes(10), a2.TimeGenerated);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(TestRecords.Operation(Hour(8, 22).AddMinutes(5), R1, "a1").Length + 1, records[1].BytePosition);
        Assert.Equal(Hour(8, 22).AddMinutes(10), records[1].Time);
        Assert.Equal(1.5, Assert.IsType<AcsBillingUsage>(records[5].Record).Quantity);
        Assert.Equal(3, records[5].Line);
        Assert.Equal(Hour(9, 0), records[5].Blob.FolderTime);
        Assert.Equal("insights-logs-usage", records[5].Blob.Container);

        // Listing asked only for date prefixes of the range's hours (or walked the folders above them).
        Assert.DoesNotContain(counting.Listings, l => string.IsNullOrEmpty(l.Prefix));
        Assert.DoesNotContain(counting.Listings, l => l.Prefix!.Contains("/y=2026/m=03/d=08/h=21/", StringComparison.Ordinal));
        Assert.All(counting.Listings, l => Assert.True(l.Prefix!.Contains("/y=", StringComparison.Ordinal) || l.Delimiter == "/", l.Prefix));
    }

    [Fact]
    public async Task Reading_one_resource_lists_only_its_prefix()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        await archive.AppendLinesAsync(ArchiveBuilder.Operations, R1, Hour(9, 10), [TestRecords.Operation(Hour(9, 10), R1, "r1")]);
        await archive.AppendLinesAsync(ArchiveBuilder.Operations, R2, Hour(9, 10), [TestRecords.Operation(Hour(9, 10), R2, "r2")]);

        var counting = new CountingPolicy();
        var records = await Archive(azurite.Account(counting), Options()).ReadAllAsync(Hour(9, 10), Hour(9, 11), resourceId: R2);

        Assert.Equal(["r2"], records.Ids());
        Assert.All(counting.Listings, l => Assert.StartsWith("resourceId=" + R2.ToUpperInvariant() + "/y=2026/", l.Prefix, StringComparison.Ordinal));
        Assert.DoesNotContain(counting.Listings, l => l.Delimiter is not null);
    }

    [Fact]
    public async Task A_blob_whose_only_line_is_malformed_is_one_problem_and_no_record()
    {
        // The reader then gets no record at all; its complaint about the empty stream it saw is not a second problem.
        var account = await azurite.EmptyAccountAsync();
        await new ArchiveBuilder(account).AppendLinesAsync(ArchiveBuilder.Operations, R1, Hour(9, 10), ["{\"time\": broken"]);

        var problems = new List<ArchiveProblem>();
        var records = await Archive(azurite.Account(), Options(problems)).ReadAllAsync(Hour(9, 10), Hour(9, 11));

        Assert.Empty(records);
        var problem = Assert.Single(problems);
        Assert.Equal(ArchiveProblemKind.MalformedRecord, problem.Kind);
        Assert.Equal(1, problem.RecordError!.Line);
    }
}
