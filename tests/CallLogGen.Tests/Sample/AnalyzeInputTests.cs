using System.Text.RegularExpressions;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Sample;

/// <summary>
/// The sample's <c>analyze</c> on what users really hand it: missing files, directories, empty, broken and binary
/// files. Each problem is one line naming the file, the other files are still read, the summary is always printed,
/// and the exit code says whether everything (0), something (1) or nothing (2) could be read.
/// </summary>
public sealed class AnalyzeInputTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("callloggen-analyze-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Operation(string call, string name, string result = "Succeeded", int signature = 200, string time = "2026-11-24T10:00:00Z")
        => $$"""{"time":"{{time}}","category":"CallAutomationOperational","operationName":"{{name}}","resultType":"{{result}}","resultSignature":{{signature}},"durationMs":10,"correlationId":"{{call}}"}""";

    private static string Usage(string call, string? unitType = "Minute")
    {
        var unit = unitType is null ? string.Empty : $",\"UnitType\":\"{unitType}\"";
        return $$$"""{"time":"2026-11-24T10:01:00Z","category":"Usage","correlationId":"{{{call}}}","properties":{"UsageType":"PSTN"{{{unit}}},"Quantity":2}}""";
    }

    private string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    private string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Folder(string relativePath) => Directory.CreateDirectory(Path.Combine(_folder.FullName, relativePath)).FullName;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Files_that_cannot_be_read_are_each_reported_and_the_others_are_still_summed_up_with_exit_code_1()
    {
        var good = Write("good.ndjson", string.Join("\n", Operation("call-a", "CreateCall"), Operation("call-a", "Play", "Failed", 500), Usage("call-a")));
        // A downloaded archive: the export file deep in its folders, beside a file that is no export.
        var archive = Folder("archive");
        Write("archive/resourceId=/SUBSCRIPTIONS/X/y=2026/m=11/d=24/h=10/m=00/PT1H.json", Operation("call-b", "AnswerCall") + "\n");
        Write("archive/README.txt", "downloaded with azcopy");
        var broken = Write("broken.json", "{\"records\":[" + Operation("call-c", "Hangup") + ",{\"time\": brok");
        var empty = Write("empty.json", string.Empty);
        var binary = Write("binary.json", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D });
        var missing = Path.Combine(_folder.FullName, "missing.json");
        var noExports = Folder("no-exports");
        Write("no-exports/notes.md", "# nothing here");

        var (exitCode, output, error) = SampleProcess.Run("analyze", good, archive, broken, empty, binary, missing, noExports);

        Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        var lines = Lines(output);
        Assert.Equal(new[] { "call call-a", "call call-b", "call call-c" }, lines.Where(l => l.StartsWith("call ", StringComparison.Ordinal)));
        Assert.Contains("operations: CreateCall > Play!", lines);
        Assert.Equal("3 calls, 4 operations, 1 usage records, 5 files skipped", lines[^1]);

        // One line per problem, each naming its file (or directory); nothing else on standard error.
        var problems = Lines(error);
        Assert.Equal(6, problems.Length);
        Assert.Single(problems, p => p.StartsWith($"{archive}: 1 other files not read", StringComparison.Ordinal) && p.EndsWith(": README.txt", StringComparison.Ordinal));
        Assert.Single(problems, p => p.StartsWith($"{broken}: line 1, byte offset ", StringComparison.Ordinal) && p.EndsWith("; the rest of the file is skipped (1 records before it were read)", StringComparison.Ordinal));
        Assert.Contains($"{empty}: an empty file: no records in it", problems);
        Assert.Contains($"{binary}: binary data, not JSON (a NUL byte at offset 8): skipped whole", problems);
        Assert.Contains($"{missing}: no such file or directory", problems);
        Assert.Single(problems, p => p.StartsWith($"{noExports}: a directory with no export files", StringComparison.Ordinal));
    }

    [Fact]
    public void When_nothing_can_be_read_the_summary_is_still_printed_and_the_exit_code_is_2()
    {
        var files = new[]
        {
            Path.Combine(_folder.FullName, "missing.json"),
            Write("empty.ndjson", string.Empty),
            Write("blank.json", "  \n\t\n"),
            Write("binary.json", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 }),
            Write("export.json.gz", new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 }),
            Write("powershell.json", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(Operation("call-a", "Play"))).ToArray()),
            Write("numbers.ndjson", "1\n2\n"),
        };

        var (exitCode, output, error) = SampleProcess.Run(new[] { "analyze" }.Concat(files).ToArray());

        Assert.True(exitCode == 2, $"exit {exitCode}\n{output}\n{error}");
        Assert.Equal("0 calls, 0 operations, 0 usage records, 2 records skipped, 6 files skipped", Assert.Single(Lines(output)));
        var problems = Lines(error);
        Assert.Equal(
            new[]
            {
                "no such file or directory",
                "an empty file: no records in it",
                "a file of white space only: no records in it",
                "binary data, not JSON (a NUL byte at offset 7): skipped whole",
                "gzip-compressed data, not JSON: decompress it first (gunzip)",
                "UTF-16 text: the readers take UTF-8, as Azure writes it; convert it first (iconv -f UTF-16 -t UTF-8)",
            },
            problems.Take(6).Select((p, i) => p.StartsWith(files[i] + ": ", StringComparison.Ordinal) ? p[(files[i].Length + 2)..] : "(names another file) " + p));
        Assert.All(problems.Skip(6), p => Assert.StartsWith($"skipped: {files[^1]}: line ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Exit_code_0_means_every_file_was_read_including_those_in_a_directory()
    {
        var data = Folder("data");
        Write("data/a.ndjson", Operation("call-a", "CreateCall") + "\n");
        Write("data/nested/b.json", "{\"records\":[" + Usage("call-a") + "]}");
        Write("data/nested/c.jsonl", Operation("call-b", "Hangup") + "\n");

        var (exitCode, output, error) = SampleProcess.Run("analyze", data, Path.Combine(data, "a.ndjson"));

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Equal(string.Empty, error);
        // a.ndjson, named twice (in the directory and by itself), is read once.
        Assert.Equal("2 calls, 2 operations, 1 usage records", Lines(output)[^1]);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (exitCode, output, error) = SampleProcess.Run("analyze", "--form", "2026-11-24");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: unknown option '--form'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_explains_every_mark_that_analyze_prints()
    {
        var export = Write("export.ndjson", string.Join("\n",
            Operation("call-a", "CreateCall"),
            Operation("call-a", "Play", "Failed", 500, "2026-11-24T10:00:05Z"),
            Usage("call-a", unitType: null),
            Operation(string.Empty, "Answer"),
            """{"time":"2026-11-24T11:00:00Z","category":"AuditEvent","operationName":"SecretGet"}""",
            """{"time":"2026-11-24T11:00:00Z","operationName":"NoCategory"}""",
            """{"time":"2026-11-24T11:00:00Z","category":"CallAutomationOperational","durationMs":"slow"}"""));
        var missing = Path.Combine(_folder.FullName, "missing.json");
        var folder = Folder("folder");
        Write("folder/x.json", Operation("call-b", "Hangup"));
        Write("folder/x.txt", "not an export");
        var (exitCode, output, error) = SampleProcess.Run("analyze", export, missing, folder);
        var (_, help, _) = SampleProcess.Run("help");
        Assert.Equal(1, exitCode);

        // Each mark the output shows (so the list cannot go stale: each must be printed) is in the help text, as help writes it.
        var explained = Regex.Replace(help, @"\s+", " ");
        foreach (var (mark, inHelp) in new[]
        {
            ("call ", "call ID"), (" .. ", "T1 .. T2"), (" ms in total", "M ms in total"), (" > ", "A > B"), ("Play!", "\"!\" marks a failure"),
            ("failed: ", "failed: OP"), ("usage: ", "usage: TYPE (UNIT)"), ("(?)", "\"?\" where"), ("(no correlation id)", "\"(no correlation id)\""),
            ("records skipped", "N records skipped"), ("files skipped", "N files skipped"), ("other categories kept aside: ", "other categories kept aside: CATEGORY (N)"),
            ("(none)", "\"(none)\" for records without a category"),
        })
        {
            Assert.True(output.Contains(mark, StringComparison.Ordinal), $"the output does not show '{mark}':\n{output}");
            Assert.True(explained.Contains(inHelp, StringComparison.Ordinal), $"help does not explain '{mark}' (as '{inHelp}'):\n{help}");
        }

        // And every labelled line ("usage: ...") of either stream has its label explained; a new kind of line fails here.
        var labels = Lines(output).Concat(Lines(error))
            .Select(line => line.StartsWith(_folder.FullName, StringComparison.Ordinal) ? "FILE" : Regex.Match(line, "^([a-z][a-z ]*):").Groups[1].Value)
            .Where(label => label.Length > 0)
            .Distinct()
            .ToList();
        Assert.Equal(new[] { "operations", "failed", "usage", "skipped", "FILE" }.Order(), labels.Order());
        Assert.All(labels, label => Assert.Contains(label + ":", help, StringComparison.Ordinal));
        foreach (var exit in new[] { "0 everything was read", "1 some records, files or blobs were skipped", "2 nothing could be read" })
        {
            Assert.Contains(exit, explained, StringComparison.Ordinal);
        }
    }
}
