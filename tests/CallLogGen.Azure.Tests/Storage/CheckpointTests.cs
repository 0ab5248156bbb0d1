using System.Text;
using CallLogGen.Azure.Storage;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>The checkpoint's stored form: JSON that round-trips, and that is refused with a reason when it is not a checkpoint.</summary>
public class CheckpointTests
{
    private const string Stored = """
        {
          "version": 1,
          "watermark": "2026-03-08T12:00:00+00:00",
          "blobs": [
            {
              "container": "insights-logs-usage",
              "name": "resourceId=/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/P/T/N/y=2026/m=03/d=10/h=09/m=00/PT1H.json",
              "etag": "0x8DE2B3C4D5E6F70",
              "createdOn": "2026-03-10T09:00:01+00:00",
              "length": 183224,
              "lines": 412,
              "recordsPastLength": 3,
              "records": 415,
              "addedByALaterVersion": [1, 2]
            }
          ]
        }
        """;

    [Fact]
    public void A_stored_checkpoint_reads_back_field_for_field_and_writes_the_same_json()
    {
        var checkpoint = ArchiveCheckpoint.Parse(Stored);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), checkpoint.Watermark);
        var blob = Assert.Single(checkpoint.Blobs);
        Assert.Equal(("insights-logs-usage", "0x8DE2B3C4D5E6F70", 183224L, 412L, 3, 415L), (blob.Container, blob.ETag, blob.Length, blob.Lines, blob.RecordsPastLength, blob.RecordsRead));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), blob.FolderTime);

        var written = checkpoint.ToUtf8Json();
        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(ArchiveCheckpoint.Parse(written).ToUtf8Json()));
        Assert.DoesNotContain("addedByALaterVersion", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"version\": 2, \"blobs\": []}")]
    [InlineData("{\"version\": 1, \"blobs\": [{\"container\": \"c\", \"name\": \"not-an-archive-blob.json\"}]}")]
    [InlineData("{\"version\": 1, \"blobs\": [{\"container\": \"c\", \"name\": \"x/y=2026/m=03/d=10/h=09/m=00/PT1H.json\", \"length\": -1}]}")]
    [InlineData("{\"version\": 1, \"watermark\": 5}")]
    [InlineData("{\"version\": 1, \"blobs\": [")]
    public void What_is_not_a_checkpoint_is_refused_as_such(string json)
    {
        Assert.Throws<FormatException>(() => ArchiveCheckpoint.Parse(json));
    }
}
