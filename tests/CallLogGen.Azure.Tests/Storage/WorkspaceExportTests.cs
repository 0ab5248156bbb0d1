using CallLogGen.Azure.Storage;
using CallLogGen.Azure.Tests.Logs;
using static CallLogGen.Azure.Tests.Storage.ArchiveTestKit;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>The Log Analytics workspace data-export layout: am-&lt;table&gt;, five-minute folders, PT05M.json then PT05M_n.json.</summary>
[Collection(AzuriteCollection.Name)]
public class WorkspaceExportTests(AzuriteFixture azurite)
{
    private const string Workspace = "/subscriptions/6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24/resourceGroups/contoso-monitor/providers/Microsoft.OperationalInsights/workspaces/contoso-logs";
    private const string Table = "ACSBillingUsage";

    private static async Task<(WorkspaceExportArchive Archive, CollectingProgress Progress)> ArchiveAsync(AzuriteFixture azurite, bool dropDuplicates)
    {
        var account = await azurite.EmptyAccountAsync();
        var builder = new ArchiveBuilder(account);
        var folder = new DateTimeOffset(2026, 3, 10, 9, 5, 0, TimeSpan.Zero);
        await builder.AppendWorkspaceLinesAsync(Table, Workspace, folder, 0, [TestRecords.UsageRow(folder.AddMinutes(1), "w1"), TestRecords.UsageRow(folder.AddMinutes(2), "w2")]);

        // An export retry writes w2 again, into the same folder (by its TimeGenerated), in a later blob.
        await builder.AppendWorkspaceLinesAsync(Table, Workspace, folder, 10, [TestRecords.UsageRow(folder.AddMinutes(4), "w10")]);
        await builder.AppendWorkspaceLinesAsync(Table, Workspace, folder, 2, [TestRecords.UsageRow(folder.AddMinutes(2), "w2"), TestRecords.UsageRow(folder.AddMinutes(3), "w3")]);
        await builder.AppendWorkspaceLinesAsync(Table, Workspace, folder.AddMinutes(5), 0, [TestRecords.UsageRow(folder.AddMinutes(6), "w-next")]);
        await builder.AppendWorkspaceLinesAsync(Table, Workspace, folder.AddMinutes(-5), 0, [TestRecords.UsageRow(folder.AddMinutes(-4), "w-before")]);

        var progress = new CollectingProgress();
        var options = Options();
        options.DropDuplicateRecords = dropDuplicates;
        options.Progress = progress;
        return (new WorkspaceExportArchive(azurite.Account(), options), progress);
    }

    [Fact]
    public async Task Records_in_log_analytics_column_names_come_out_typed_folder_by_folder_in_blob_number_order()
    {
        var (archive, _) = await ArchiveAsync(azurite, dropDuplicates: false);
        var from = new DateTimeOffset(2026, 3, 10, 9, 5, 0, TimeSpan.Zero);

        var records = new List<ArchiveRecord<AcsBillingUsage>>();
        await foreach (var record in archive.ReadAsync(AcsBillingUsage.Json, from, from.AddMinutes(10), Workspace))
        {
            records.Add(record);
        }

        Assert.Equal(["w1", "w2", "w2", "w3", "w10", "w-next"], records.Select(r => r.Record.CorrelationId));
        Assert.Equal("am-acsbillingusage", records[0].Blob.Container);
        Assert.Equal([0, 0, 2, 2, 10, 0], records.Select(r => r.Blob.Sequence));
        var usage = records[0].Record;
        Assert.Equal(2, usage.Quantity);
        Assert.Equal("Minute", usage.UnitType);
        Assert.Equal(from.AddMinutes(1), usage.TimeGenerated);
        Assert.Equal(ArchiveBuilder.Resource(1).ToLowerInvariant(), usage.ResourceId);

        // Columns that exports never carry (TenantId, Type) are kept as they arrived: nothing is lost.
        Assert.True(usage.UnmappedFields!.TryGet("TenantId", out var tenant));
        Assert.Equal("4b2c7b0e-1d7e-4c55-9d7f-0d6f6f1c2a11", tenant.GetString());
    }

    [Fact]
    public async Task Duplicates_that_export_retries_write_are_dropped_when_asked()
    {
        var (archive, progress) = await ArchiveAsync(azurite, dropDuplicates: true);
        var from = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

        var ids = new List<string?>();
        await foreach (var record in archive.ReadAsync(AcsBillingUsage.Json, from, from.AddHours(1)))
        {
            ids.Add(record.Record.CorrelationId);
        }

        Assert.Equal(["w-before", "w1", "w2", "w3", "w10", "w-next"], ids);
        Assert.Equal(1, progress.Reports[^1].DuplicatesDropped);
    }
}
