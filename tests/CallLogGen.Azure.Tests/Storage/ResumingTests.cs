using CallLogGen.Azure.Storage;
using static CallLogGen.Azure.Tests.Storage.ArchiveTestKit;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>Tailing and resuming: a checkpoint stored as JSON between reads; appends, half-written lines, late appends.</summary>
[Collection(AzuriteCollection.Name)]
public class ResumingTests(AzuriteFixture azurite)
{
    private static readonly string R1 = ArchiveBuilder.Resource(1);
    private const string Ops = ArchiveBuilder.Operations;

    [Fact]
    public async Task A_half_written_last_line_waits_and_a_resumed_read_takes_exactly_what_was_appended()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var open = Hour(10, 12);
        var third = TestRecords.Operation(open.AddMinutes(3), R1, "t3");
        await archive.AppendAsync(Ops, R1, open, TestRecords.Operation(open.AddMinutes(1), R1, "t1") + "\n" + TestRecords.Operation(open.AddMinutes(2), R1, "t2") + "\n" + third[..40]);

        var counting = new CountingPolicy();
        var reader = Archive(azurite.Account(counting), Options());
        var checkpoint = new ArchiveCheckpoint();
        Assert.Equal(["t1", "t2"], (await reader.ReadAllAsync(open, null, checkpoint)).Ids());
        var entry = Assert.Single(checkpoint.Blobs);
        Assert.Equal(2, entry.RecordsRead);
        Assert.Equal(2, entry.Lines);

        await archive.AppendAsync(Ops, R1, open, third[40..] + "\n" + TestRecords.Operation(open.AddMinutes(4), R1, "t4") + "\n");
        checkpoint = checkpoint.Stored();
        var resumed = await reader.ReadAllAsync(open, null, checkpoint);
        Assert.Equal(["t3", "t4"], resumed.Ids());
        Assert.Equal(3, resumed[0].Line);
        Assert.Equal(2, resumed[0].RecordIndex);

        // Nothing new: the blob is not even downloaded again.
        checkpoint = checkpoint.Stored();
        var downloadsBefore = counting.Downloads.Count;
        Assert.Empty(await reader.ReadAllAsync(open, null, checkpoint));
        Assert.Equal(downloadsBefore, counting.Downloads.Count);
    }

    [Fact]
    public async Task A_late_append_to_an_older_hour_within_the_window_is_read_and_closed_hours_fall_behind_the_watermark()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var older = Hour(9, 16);     // 20 hours before now: still open
        var current = Hour(10, 12);
        var closed = Hour(8, 1);     // more than 48 hours before now
        await archive.AppendLinesAsync(Ops, R1, closed, [TestRecords.Operation(closed.AddMinutes(5), R1, "closed-1")]);
        await archive.AppendLinesAsync(Ops, R1, older, [TestRecords.Operation(older.AddMinutes(5), R1, "old-1")]);
        await archive.AppendLinesAsync(Ops, R1, current, [TestRecords.Operation(current.AddMinutes(5), R1, "now-1")]);

        var reader = Archive(azurite.Account(), Options());
        var checkpoint = new ArchiveCheckpoint();
        Assert.Equal(["closed-1", "old-1", "now-1"], (await reader.ReadAllAsync(Hour(8, 0), null, checkpoint)).Ids());

        // Blobs of hours more than 48 hours past are closed: the watermark passed them and forgot them.
        Assert.Equal(Hour(8, 12), checkpoint.Watermark);
        Assert.DoesNotContain(checkpoint.Blobs, b => b.FolderTime < checkpoint.Watermark);
        Assert.Equal(2, checkpoint.Blobs.Count);

        await archive.AppendLinesAsync(Ops, R1, older, [TestRecords.Operation(older.AddMinutes(50), R1, "old-2"), TestRecords.Operation(Hour(9, 3), R1, "old-3-late-record")]);
        await archive.AppendLinesAsync(Ops, R1, current, [TestRecords.Operation(current.AddMinutes(6), R1, "now-2")]);
        Assert.Equal(["old-2", "old-3-late-record", "now-2"], (await reader.ReadAllAsync(Hour(8, 0), null, checkpoint.Stored())).Ids());
    }

    [Fact]
    public async Task Stopping_anywhere_and_resuming_from_the_stored_checkpoint_delivers_every_record_once()
    {
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var expected = new List<string>();
        for (var hour = 0; hour < 6; hour++)
        {
            var folder = Hour(10, hour);
            var lines = Enumerable.Range(0, 7).Select(i => TestRecords.Operation(folder.AddMinutes(i), R1, $"h{hour}-{i}")).ToList();
            if (hour == 2)
            {
                await archive.WriteRecordsDocumentAsync(Ops, R1, folder, lines);
            }
            else
            {
                await archive.AppendLinesAsync(Ops, R1, folder, lines, blocks: 3);
            }

            expected.AddRange(Enumerable.Range(0, 7).Select(i => $"h{hour}-{i}"));
        }

        var reader = Archive(azurite.Account(), Options(parallel: 3));
        var delivered = new List<string>();
        var checkpoint = new ArchiveCheckpoint();

        // Stop after 5, then 9 (inside the {"records":[...]} blob), then by cancellation after 4, then read to the end.
        foreach (var stopAfter in new[] { 5, 9 })
        {
            var taken = 0;
            await foreach (var record in reader.ReadAsync(Hour(10, 0), null, null, checkpoint))
            {
                delivered.Add(record.Id());
                if (++taken == stopAfter)
                {
                    break;
                }
            }

            checkpoint = checkpoint.Stored();
        }

        using (var cancel = new CancellationTokenSource())
        {
            var count = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var record in reader.ReadAsync(Hour(10, 0), null, null, checkpoint, cancel.Token))
                {
                    delivered.Add(record.Id());
                    if (++count == 4)
                    {
                        await cancel.CancelAsync();
                    }
                }
            });
        }

        delivered.AddRange((await reader.ReadAllAsync(Hour(10, 0), null, checkpoint.Stored())).Ids());
        Assert.Equal(expected, delivered);
    }
}
