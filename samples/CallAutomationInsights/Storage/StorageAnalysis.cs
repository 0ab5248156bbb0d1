using System.Globalization;
using Azure.Identity;
using Azure.Storage.Blobs;
using CallAutomationInsights.Logs;
using CallLogGen.Azure.Storage;

namespace CallAutomationInsights.Storage;

/// <summary>
/// <c>analyze --storage</c>: the per-call summary, read from where a diagnostic setting archives the logs, a storage
/// account (both Call Automation categories), instead of from files. With <c>--checkpoint</c>, a second run reads
/// only what was written since the first.
/// </summary>
internal static class StorageAnalysis
{
    public const string Usage = "analyze --storage <connection string or account URL> [--from <ISO 8601>] [--to <ISO 8601>] [--resource <resource id>] [--checkpoint <file>]";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is not ("--storage" or "--from" or "--to" or "--resource" or "--checkpoint") || i + 1 == arguments.Count)
            {
                return Fail(errors, $"unexpected '{arguments[i]}'");
            }

            values[arguments[i]] = arguments[++i];
        }

        if (!TryTime(values, "--from", out var from) || !TryTime(values, "--to", out var to))
        {
            return Fail(errors, "--from and --to take an ISO 8601 time, such as 2026-11-24T10:00:00Z");
        }

        var checkpointFile = values.GetValueOrDefault("--checkpoint");
        ArchiveCheckpoint checkpoint;
        BlobServiceClient account;
        try
        {
            checkpoint = checkpointFile is not null && File.Exists(checkpointFile)
                ? ArchiveCheckpoint.Parse(await File.ReadAllBytesAsync(checkpointFile))
                : new ArchiveCheckpoint();
            account = Connect(values["--storage"]);
        }
        catch (FormatException error) when (checkpointFile is not null)
        {
            return Fail(errors, $"{checkpointFile}: {error.Message}");
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            return Fail(errors, "--storage takes a connection string or an account URL: " + error.Message);
        }

        var report = new CallReport("blob");
        var progress = new ProgressLine(errors);
        var options = new ArchiveReadOptions
        {
            // A bad line or a blob that vanished is reported (the message names the blob) and skipped; the rest of the
            // archive still counts, and the exit code says that something was skipped, as for files.
            OnProblem = problem =>
            {
                if (problem.Kind is ArchiveProblemKind.MalformedRecord or ArchiveProblemKind.InvalidRecord)
                {
                    report.SkippedRecords++;
                }
                else
                {
                    report.SkippedSources++;
                }

                errors.WriteLine("skipped: " + problem.Message);
            },
            Progress = progress,
        };

        var archive = new DiagnosticLogArchive(account, CallLogTables.CreateExportReader(), options);
        try
        {
            // Without --from, the last day: a blob holds records up to 48 hours older than its hour, and the reader looks that far.
            await foreach (var item in archive.ReadAsync(from ?? DateTimeOffset.UtcNow.AddDays(-1), to, values.GetValueOrDefault("--resource"), checkpoint))
            {
                report.Add(item.Record);
            }
        }
        catch (Exception error) when (error is Azure.RequestFailedException or AuthenticationFailedException)
        {
            // The summary of what was read before still counts; the checkpoint is left as it was, so the next run reads it again.
            progress.Finish();
            errors.WriteLine("error: the storage account refused: " + error.Message.Split('\n')[0]);
            report.Write(output);
            return report.RecordsRead > 0 ? CallReport.SomeSkipped : CallReport.NothingRead;
        }

        progress.Finish();
        if (checkpointFile is not null)
        {
            // Written whole, then moved over the old one, so that a crash never leaves half a checkpoint.
            await File.WriteAllBytesAsync(checkpointFile + ".tmp", checkpoint.ToUtf8Json());
            File.Move(checkpointFile + ".tmp", checkpointFile, overwrite: true);
        }

        report.Write(output);
        return report.ExitCode;
    }

    /// <summary>A connection string, or an account URL: with a SAS in its query as it is, else signed in with DefaultAzureCredential.</summary>
    private static BlobServiceClient Connect(string storage)
    {
        if (!Uri.TryCreate(storage, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return new BlobServiceClient(storage);
        }

        return url.Query.Contains("sig=", StringComparison.Ordinal) ? new BlobServiceClient(url) : new BlobServiceClient(url, new DefaultAzureCredential());
    }

    private static bool TryTime(Dictionary<string, string> values, string name, out DateTimeOffset? time)
    {
        time = null;
        if (!values.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine("error: " + message);
        errors.WriteLine("usage: " + Usage);
        return 2;
    }

    /// <summary>One progress line on stderr: redrawn in place on a terminal, written once at the end when stderr is a file or pipe.</summary>
    private sealed class ProgressLine(TextWriter errors) : IProgress<ArchiveReadProgress>
    {
        private readonly bool _redraw = !Console.IsErrorRedirected;
        private ArchiveReadProgress? _last;

        public void Report(ArchiveReadProgress value)
        {
            _last = value;
            if (_redraw)
            {
                errors.Write("\rread " + value + "   ");
            }
        }

        public void Finish()
        {
            if (_last is not null)
            {
                errors.WriteLine((_redraw ? "\r" : string.Empty) + "read " + _last);
            }
        }
    }
}
