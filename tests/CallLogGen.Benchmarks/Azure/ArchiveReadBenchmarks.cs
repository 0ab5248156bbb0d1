using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BenchmarkDotNet.Attributes;
using CallLogGen.Azure.Storage;
using CallLogGen.Azure.Tests.Infrastructure;
using CallLogGen.Benchmarks.Logs;
using CallLogGen.Benchmarks.Serializers;
using CallLogGen.SampleData;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Benchmarks.Azure;

/// <summary>
/// A day of diagnostic-settings archive for one resource (24 hourly append blobs, 100,000 records, as
/// <see cref="RealisticCallLogs"/> makes them) in Azurite, read two ways: by <see cref="DiagnosticLogArchive"/>
/// (prefix listing, blobs streamed into the generated reader, four at a time, or one at a time), and as a user
/// writes it by hand: list the day, download each blob whole, and parse each line with System.Text.Json's source
/// generator into a hand-written record class. Each benchmark process starts its own Azurite and fills it once.
/// </summary>
[MemoryDiagnoser]
public class ArchiveReadBenchmarks
{
    private const int Records = 100_000;
    private const string ResourceId = "/subscriptions/6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24/resourceGroups/contoso-cc-prod/providers/Microsoft.Communication/CommunicationServices/acs-contoso-weu";
    private static readonly DateTimeOffset Day = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private AzuriteProcess? _azurite;
    private BlobServiceClient _account = null!;

    [GlobalSetup]
    public void Setup()
    {
        _azurite = AzuriteProcess.Start(RepositoryPaths.Root);
        _account = new BlobServiceClient(_azurite.ConnectionString);
        var container = _account.GetBlobContainerClient("insights-logs-" + RealisticCallLogs.OperationalCategory.ToLowerInvariant());
        container.CreateIfNotExists();

        // The day's records in order, a 24th of them per hour blob, appended in blocks of at most 4 MiB as Azure appends.
        var lines = SerializerData.Get(ExportShape.Ndjson);
        var perBlob = (Records + 23) / 24;
        var position = 0;
        for (var hour = 0; hour < 24; hour++)
        {
            var start = position;
            for (var i = 0; i < perBlob && SerializerData.NextLine(lines, ref position, out _); i++)
            {
            }

            var blob = container.GetAppendBlobClient(BlobName(Day.AddHours(hour)));
            blob.Create();
            for (var block = start; block < position; block += 4 * 1024 * 1024)
            {
                using var content = new MemoryStream(lines, block, Math.Min(4 * 1024 * 1024, position - block), writable: false);
                blob.AppendBlock(content);
            }
        }

        // Both ways must read the same records, or the comparison means nothing.
        var byHand = DownloadAndParseWithSystemTextJson().GetAwaiter().GetResult();
        var archive = ReadArchiveAsync(parallel: 4).GetAwaiter().GetResult();
        if (byHand != archive)
        {
            throw new InvalidOperationException($"The archive reader and the hand-written reader disagree: total DurationMs {archive} against {byHand}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _azurite?.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<long> DownloadAndParseWithSystemTextJson()
    {
        var container = _account.GetBlobContainerClient("insights-logs-" + RealisticCallLogs.OperationalCategory.ToLowerInvariant());
        var prefix = "resourceId=" + ResourceId.ToUpperInvariant() + string.Create(CultureInfo.InvariantCulture, $"/y={Day:yyyy}/m={Day:MM}/d={Day:dd}/");
        long durations = 0;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            var content = (await container.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToMemory();
            var position = 0;
            while (SerializerData.NextLine(content.Span, ref position, out var line))
            {
                durations += JsonSerializer.Deserialize(line, ExportJsonContext.Default.ExportRecord)!.DurationMs ?? 0;
            }
        }

        return durations;
    }

    [Benchmark]
    public Task<long> DiagnosticLogArchiveFourBlobsAtOnce() => ReadArchiveAsync(parallel: 4);

    [Benchmark]
    public Task<long> DiagnosticLogArchiveOneBlobAtATime() => ReadArchiveAsync(parallel: 1);

    private async Task<long> ReadArchiveAsync(int parallel)
    {
        var archive = new DiagnosticLogArchive(_account, CallLogTables.CreateExportReader(), new ArchiveReadOptions
        {
            MaxParallelBlobs = parallel,
            UtcNow = () => Day.AddDays(30),
        });

        // Records of later days (calls run past midnight) are in the day's blobs too: the range takes them all.
        long durations = 0;
        await foreach (var item in archive.ReadAsync(Day.AddDays(-1), Day.AddDays(7), ResourceId))
        {
            durations += ((AcsCallAutomationIncomingOperations)item.Record).DurationMs ?? 0;
        }

        return durations;
    }

    private static string BlobName(DateTimeOffset hour)
        => "resourceId=" + ResourceId.ToUpperInvariant() + string.Create(CultureInfo.InvariantCulture, $"/y={hour:yyyy}/m={hour:MM}/d={hour:dd}/h={hour:HH}/m=00/PT1H.json");
}
