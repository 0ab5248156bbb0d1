using System.Globalization;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>The sample's <c>analyze --storage</c> against Azurite: the same summary as for files, and a checkpoint that resumes.</summary>
[Collection(AzuriteCollection.Name)]
public class SampleStorageTests(AzuriteFixture azurite)
{
    private static readonly string Resource = ArchiveBuilder.Resource(7);

    private static (int ExitCode, string Output, string Error) RunSample(params string[] arguments) => SampleProcess.Run(arguments);

    [Fact]
    public async Task Analyze_storage_prints_the_same_summary_as_for_files_and_a_checkpoint_reads_only_what_came_since()
    {
        // The sample runs on the real clock: the archive is the last two hours'.
        var account = await azurite.EmptyAccountAsync();
        var archive = new ArchiveBuilder(account);
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-1);
        var operations = new[]
        {
            TestRecords.Operation(hour.AddMinutes(1), Resource, "call-a", "CreateCall"),
            TestRecords.Operation(hour.AddMinutes(2), Resource, "call-a", "Play"),
            "{\"time\": broken",
            TestRecords.Operation(hour.AddMinutes(3), Resource, "call-b", "AnswerCall"),
        };
        var usage = new[] { TestRecords.Usage(hour.AddMinutes(4), Resource, "call-a", 2.5) };
        await archive.AppendLinesAsync(ArchiveBuilder.Operations, Resource, hour, operations, blocks: 2);
        await archive.AppendLinesAsync(ArchiveBuilder.Usage, Resource, hour.AddHours(-1), usage);

        var directory = Directory.CreateTempSubdirectory("callloggen-sample-");
        try
        {
            var file = Path.Combine(directory.FullName, "export.ndjson");
            await File.WriteAllLinesAsync(file, operations.Concat(usage));
            var (fileExit, fromFile, fileError) = RunSample("analyze", file);
            // The broken line is skipped, and the exit code says so (1: something was skipped, the rest was read).
            Assert.Equal(1, fileExit);
            Assert.StartsWith($"skipped: {file}: line 3, byte ", fileError, StringComparison.Ordinal);

            var checkpoint = Path.Combine(directory.FullName, "checkpoint.json");
            var from = hour.AddHours(-3).ToString("O", CultureInfo.InvariantCulture);
            var (exitCode, output, error) = RunSample("analyze", "--storage", azurite.ConnectionString, "--from", from, "--checkpoint", checkpoint);

            Assert.True(exitCode == 1, error);
            Assert.Equal(fromFile, output);
            Assert.Contains("call call-a", output, StringComparison.Ordinal);
            Assert.Contains("operations: CreateCall > Play", output, StringComparison.Ordinal);
            Assert.Contains("usage: Calling (Minute) 2.5", output, StringComparison.Ordinal);
            Assert.EndsWith("2 calls, 3 operations, 1 usage records, 1 records skipped" + Environment.NewLine, output, StringComparison.Ordinal);
            Assert.Contains("skipped: insights-logs-callautomationoperational/resourceId=" + Resource.ToUpperInvariant(), error, StringComparison.Ordinal);
            Assert.Contains("PT1H.json: line 3, byte ", error, StringComparison.Ordinal);
            Assert.Contains("read 2/2 blobs, ", error, StringComparison.Ordinal);
            Assert.Contains(", 4 records", error, StringComparison.Ordinal);
            Assert.True(File.Exists(checkpoint));

            await archive.AppendLinesAsync(ArchiveBuilder.Operations, Resource, hour, [TestRecords.Operation(hour.AddMinutes(30), Resource, "call-c", "Hangup")]);
            var (againExit, again, againError) = RunSample("analyze", "--storage", azurite.ConnectionString, "--from", from, "--checkpoint", checkpoint);

            Assert.True(againExit == 0, againError);
            Assert.Contains("call call-c", again, StringComparison.Ordinal);
            Assert.DoesNotContain("call-a", again, StringComparison.Ordinal);
            Assert.EndsWith("1 calls, 1 operations, 0 usage records" + Environment.NewLine, again, StringComparison.Ordinal);

            // Only a broken line came since: nothing could be read (2), and the summary still says so.
            await archive.AppendLinesAsync(ArchiveBuilder.Operations, Resource, hour, ["{\"time\": broken again"]);
            var (brokenExit, broken, brokenError) = RunSample("analyze", "--storage", azurite.ConnectionString, "--from", from, "--checkpoint", checkpoint);

            Assert.True(brokenExit == 2, brokenError);
            Assert.Equal("0 calls, 0 operations, 0 usage records, 1 records skipped" + Environment.NewLine, broken);
            Assert.Contains("skipped: insights-logs-callautomationoperational/", brokenError, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Analyze_storage_with_a_bad_option_explains_its_usage()
    {
        var (exitCode, _, error) = RunSample("analyze", "--storage", azurite.ConnectionString, "--from", "yesterday");

        Assert.Equal(2, exitCode);
        Assert.Contains("--from and --to take an ISO 8601 time", error, StringComparison.Ordinal);
        Assert.Contains("usage: analyze --storage", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_storage_that_the_account_refuses_still_prints_the_summary_and_a_wrong_connection_string_is_a_usage_error()
    {
        // Another key than the account's: Azurite checks the signature, as Azure does, and refuses (403).
        var wrongKey = azurite.ConnectionString.Replace(Infrastructure.AzuriteProcess.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var (exitCode, output, error) = RunSample("analyze", "--storage", wrongKey);

        Assert.True(exitCode == 2, error);
        Assert.Equal("0 calls, 0 operations, 0 usage records" + Environment.NewLine, output);
        Assert.StartsWith("error: the storage account refused: ", error, StringComparison.Ordinal);

        var (badExit, _, badError) = RunSample("analyze", "--storage", "no such connection string");
        Assert.Equal(2, badExit);
        Assert.StartsWith("error: --storage takes a connection string or an account URL", badError, StringComparison.Ordinal);
        Assert.Contains("usage: analyze --storage", badError, StringComparison.Ordinal);
    }
}
