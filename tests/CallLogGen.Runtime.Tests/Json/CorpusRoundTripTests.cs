using System.Text;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Every real record in the corpus (tests/data), read and written back, says what it said before. The corpus
/// holds other services' categories, so each record is read twice: by the mixed-category reader (which
/// keeps foreign categories whole) and forced into the Call Automation model (ReadOtherTableRecords), where
/// its common fields are typed and everything else must survive as unmapped fields.
/// </summary>
public class CorpusRoundTripTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestData, "corpus", "samples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(RepositoryPaths.TestData, "corpus", "samples"), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_record_survives_a_round_trip_through_the_model(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.TestData, "corpus", "samples", file));
        var originals = Records(bytes);

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(bytes, new LogReadOptions { KeepUntypedValues = true, ReadOtherTableRecords = true });

        Assert.Equal(originals.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var written = WritingTests.WriteExportRecord(records[i]);
            Assert.True(JsonSemantics.AreEqual(originals[i].GetRawText(), written, out var difference), file + " record " + i + ": " + difference);
            Assert.Equal(originals[i].GetProperty("time").GetDateTimeOffset(), records[i].TimeGenerated);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_record_survives_the_mixed_category_reader(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.TestData, "corpus", "samples", file));
        var originals = Records(bytes);
        var reader = new LogExportReader(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json);

        var records = reader.Read(bytes);

        Assert.Equal(originals.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var kept = Assert.IsType<UnknownLogRecord>(records[i]);
            Assert.Equal(originals[i].TryGetProperty("category", out var category) ? category.GetString() : null, kept.Category);
            Assert.True(JsonSemantics.AreEqual(originals[i], kept.Json, out var difference), difference);
        }
    }

    [Fact]
    public void The_corpus_is_where_the_tests_expect_it()
    {
        Assert.True(CorpusFiles().Count >= 9);
    }

    private static List<JsonElement> Records(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var records = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("records");
        return records.EnumerateArray().Select(r => r.Clone()).ToList();
    }
}
