using CallAutomationInsights.Logs;
using CallLogGen.Json;

namespace CallAutomationInsights;

/// <summary>
/// The sample's main job: reads diagnostic-settings exports of both Call Automation tables, whatever their
/// shape, with the generated readers, and sums up each call (its CorrelationId): the operations in order,
/// the failures, the time the operations took, and the usage billed. A file that cannot be read is reported
/// (<c>file: reason</c>) and the others are still read; the summary is always printed; the exit code says whether
/// everything was read (<see cref="CallReport.ExitCode"/>).
/// </summary>
internal static class CallAnalysis
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors)
    {
        if (arguments.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal)) is { } option)
        {
            errors.WriteLine($"error: unknown option '{option}': analyze takes files and directories, or --storage (see help)");
            return CallReport.NothingRead;
        }

        if (arguments.Count == 0)
        {
            var bundled = Path.Combine(AppContext.BaseDirectory, "data");
            output.WriteLine($"No files given: reading the bundled exports in {bundled}.");
            arguments = new[] { bundled };
        }

        var report = new CallReport("file");
        void Skip(string file, string reason)
        {
            report.SkippedSources++;
            errors.WriteLine($"{file}: {reason}");
        }

        var reader = CallLogTables.CreateExportReader();
        foreach (var file in ExportFiles.Expand(arguments, Skip, (path, remark) => errors.WriteLine($"{path}: {remark}")))
        {
            await ReadAsync(file, reader, report, Skip, errors);
        }

        report.Write(output);
        return report.ExitCode;
    }

    /// <summary>Reads one file into the report; whatever goes wrong is reported against the file, and the records before it stay counted.</summary>
    private static async Task ReadAsync(string file, LogExportReader reader, CallReport report, Action<string, string> skip, TextWriter errors)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            skip(file, ExportFiles.Describe(error));
            return;
        }

        await using (stream)
        {
            var read = 0;
            try
            {
                if (ExportFiles.RefuseContent(stream) is { } reason)
                {
                    skip(file, reason);
                    return;
                }

                var options = new LogReadOptions
                {
                    // A bad record (one per line) is reported and skipped; one bad line must not cost the rest of the file.
                    OnInvalidRecord = error =>
                    {
                        report.SkippedRecords++;
                        errors.WriteLine($"skipped: {file}: {error.Message}");
                    },
                };
                await foreach (var record in reader.ReadAsync(stream, options))
                {
                    report.Add(record);
                    read++;
                }
            }
            catch (Exception error) when (error is LogJsonException or IOException)
            {
                // A document ({"records":[...]} or an array) that breaks off cannot be read past the break.
                skip(file, $"{error.Message}; the rest of the file is skipped ({read} records before it were read)");
            }
        }
    }
}
