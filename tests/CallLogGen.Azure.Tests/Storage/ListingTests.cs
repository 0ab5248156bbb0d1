using System.Globalization;
using CallLogGen.Azure.Storage;
using CallLogGen.Tests.Infrastructure;
using static CallLogGen.Azure.Tests.Storage.ArchiveTestKit;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>
/// Listing asks only for the prefixes of the range, however many blobs the account holds. Quick size: 2 categories x 2
/// resources x 2 days x 24 hours (192 blobs); with CALLLOGGEN_LONG_TESTS=1, 2 x 4 x 14 x 24 (2,688 blobs).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ListingTests(AzuriteFixture azurite)
{
    private static readonly bool Long = TestSize.IsLong;

    [Fact]
    public async Task Listing_asks_only_for_the_prefixes_of_the_range_and_its_late_window()
    {
        var resources = Long ? 4 : 2;
        var days = Long ? 14 : 2;
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var start = Hour(1, 0);
        var writes = new List<Func<Task>>();
        foreach (var category in new[] { ArchiveBuilder.Operations, ArchiveBuilder.Usage })
        {
            for (var resource = 1; resource <= resources; resource++)
            {
                for (var hour = 0; hour < days * 24; hour++)
                {
                    var (c, id, folder) = (category, ArchiveBuilder.Resource(resource), start.AddHours(hour));
                    var record = c == ArchiveBuilder.Usage
                        ? TestRecords.Usage(folder.AddMinutes(7), id, $"{c}-{resource}-{hour}")
                        : TestRecords.Operation(folder.AddMinutes(7), id, $"{c}-{resource}-{hour}");
                    writes.Add(() => archive.AppendLinesAsync(c, id, folder, [record]));
                }
            }
        }

        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(writes.Select(async write =>
            {
                await gate.WaitAsync();
                try
                {
                    await write();
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        // The range: the middle day from 06:00 to 18:00; "now" at the end of the archive, so the late window reaches it.
        var from = start.AddDays(1).AddHours(6);
        var to = start.AddDays(1).AddHours(18);
        var counting = new CountingPolicy();
        var progress = new CollectingProgress();
        var options = Options();
        options.UtcNow = () => start.AddDays(days).AddMinutes(-1);
        options.Progress = progress;
        var records = await new DiagnosticLogArchive(azurite.Account(counting), Logs.CallLogTables.CreateExportReader(), options).ReadAllAsync(from, to);

        Assert.Equal(2 * resources * 12, records.Count);
        Assert.All(records, r => Assert.InRange(r.Time!.Value, from, to));

        // Every flat listing names a folder between the range's first hour and the end of its 48-hour late window.
        var flat = counting.Listings.Where(l => l.Delimiter is null).ToList();
        Assert.NotEmpty(flat);
        foreach (var (prefix, _) in flat)
        {
            Assert.InRange(FolderOf(prefix!), from, to.AddHours(48).AddTicks(-1));
        }

        // The rest walk the folders above the resources, never into dates.
        Assert.All(counting.Listings.Where(l => l.Delimiter is not null), l => Assert.DoesNotContain("/y=", l.Prefix!, StringComparison.Ordinal));
        Assert.DoesNotContain(counting.Listings, l => string.IsNullOrEmpty(l.Prefix));

        // Only the blobs of those prefixes came back: from the range's first hour to the end of its late window (or
        // of the archive, which ends at "now"), none of the day and six hours before it.
        var lastHour = new[] { start.AddDays(days).AddHours(-1), to.AddHours(47) }.Min();
        var hoursListed = (int)(lastHour - from).TotalHours + 1;
        Assert.Equal(2 * resources * hoursListed, progress.Reports[^1].BlobsListed);
    }

    /// <summary>The folder a listing prefix names: <c>.../y=2026/m=03/d=02/</c> (a day) or <c>.../h=06/</c> (an hour).</summary>
    private static DateTimeOffset FolderOf(string prefix)
    {
        var at = prefix.IndexOf("/y=", StringComparison.Ordinal);
        var parts = prefix[(at + 1)..].TrimEnd('/').Split('/').Select(p => int.Parse(p[2..], CultureInfo.InvariantCulture)).ToArray();
        return new DateTimeOffset(parts[0], parts[1], parts[2], parts.Length > 3 ? parts[3] : 0, 0, 0, TimeSpan.Zero);
    }
}
