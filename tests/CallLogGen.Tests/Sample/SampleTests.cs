using System.Diagnostics;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Sample;

/// <summary>The sample, built from the repository's schemas/ through the generator, prints the real tables.</summary>
public class SampleTests
{
    private static (int ExitCode, string Output, string Error) RunSample(params string[] arguments) => SampleProcess.Run(arguments);

    [Fact]
    public void Schema_prints_one_line_per_table_with_its_csl_schema()
    {
        var (exitCode, output, error) = RunSample("schema");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        var tables = lines.ToDictionary(l => l[..l.IndexOf(' ', StringComparison.Ordinal)], l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.StartsWith("(", tables["ACSBillingUsage"], StringComparison.Ordinal);
        Assert.Contains("TimeGenerated:datetime", tables["ACSBillingUsage"], StringComparison.Ordinal);
        Assert.Contains("Quantity:real", tables["ACSBillingUsage"], StringComparison.Ordinal);
        Assert.Contains("ResultSignature:int", tables["ACSCallAutomationIncomingOperations"], StringComparison.Ordinal);
        Assert.Equal(23, tables["ACSCallAutomationIncomingOperations"].Split(", ").Length);
        Assert.Equal(21, tables["ACSBillingUsage"].Split(", ").Length);
    }

    [Fact]
    public void No_arguments_lists_every_command()
    {
        var (exitCode, output, _) = RunSample();

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "schema", "columns", "create", "help" })
        {
            Assert.Contains("  " + command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_command_fails_with_a_pointer_to_help()
    {
        var (exitCode, _, error) = RunSample("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown command 'frobnicate'", error, StringComparison.Ordinal);
    }

    private static string KqlLiteralOf(string text) => Kql.KqlLiteral.Render(text);

    [Fact]
    public void Queries_prints_the_sample_questions_and_each_is_valid_kql_for_the_real_tables()
    {
        const string hostileId = "x' | take 1 //\n'it''s'";
        var (exitCode, output, error) = RunSample("queries", hostileId);
        Assert.True(exitCode == 0, error);

        using var json = System.Text.Json.JsonDocument.Parse(output);
        var queries = json.RootElement.EnumerateArray()
            .Select(q => new KqlQuery(q.GetProperty("name").GetString()!, q.GetProperty("kql").GetString()!))
            .ToList();
        Assert.Equal(
            new[] { "failed-requests-last-day", "duration-p95-per-operation-5m", "requests-of-one-call", "usage-per-type-per-day", "operations-with-usage-per-call" },
            queries.Select(q => q.Id));

        var (_, schemaOutput, _) = RunSample("schema");
        var tables = schemaOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => new KqlTable(line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]))
            .ToList();

        var checks = KustoParser.Check(tables, queries);
        Assert.All(checks, c => Assert.True(c.IsClean, $"{c.Id}: {c}\n{queries.Single(q => q.Id == c.Id).Kql}"));

        // The user's id is one literal with exactly the user's text: nothing of it leaks into the query.
        var perCall = checks.Single(c => c.Id == "requests-of-one-call");
        Assert.Single(perCall.Literals, l => l.Kind == "StringLiteralExpression" && l.Value == hostileId);
        // ...and the query has the same syntax as with a plain id: no `take` operator smuggled in.
        var plain = KustoParser.Check(tables, new[] { new KqlQuery("plain", queries.Single(q => q.Id == "requests-of-one-call").Kql.Replace(KqlLiteralOf(hostileId), "'plain'", StringComparison.Ordinal)) }).Single();
        Assert.True(plain.IsClean, plain.ToString());
        Assert.Equal(plain.Operators, perCall.Operators);
        Assert.DoesNotContain(perCall.Operators, o => o.StartsWith("Take", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_sums_up_each_call_from_a_mixed_export()
    {
        var file = Path.Combine(Path.GetTempPath(), "callloggen-analyze-" + Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllLines(file, new[]
        {
            """{"time":"2026-11-24T10:00:00Z","category":"CallAutomationOperational","operationName":"CreateCall","resultType":"Succeeded","resultSignature":201,"durationMs":200,"correlationId":"call-a"}""",
            """{"time":"2026-11-24T10:00:05Z","category":"CallAutomationOperational","operationName":"Play","resultType":"Failed","resultSignature":"500","durationMs":"30","correlationId":"call-a"}""",
            """{"time":"2026-11-24T10:00:09Z","category":"CallAutomationOperational","operationName":"Hangup","resultType":"Succeeded","resultSignature":200,"durationMs":12,"correlationId":"call-a"}""",
            """{"time":"2026-11-24T10:01:00Z","category":"Usage","correlationId":"call-a","properties":{"UsageType":"PSTN","UnitType":"Minute","Quantity":1.5}}""",
            """{"time":"2026-11-24T10:01:00Z","category":"Usage","correlationId":"call-a","properties":{"UsageType":"PSTN","UnitType":"Minute","Quantity":"0.25"}}""",
            """{"time":"2026-11-24T11:00:00Z","category":"CallAutomationOperational","operationName":"Answer","resultType":"Succeeded","durationMs":90,"correlationId":"call-b"}""",
            """{"time":"2026-11-24T11:00:00Z","category":"CallAutomationOperational","operationName":"Answer","durationMs":"slow","correlationId":"call-b"}""",
            """{"time":"2026-11-24T11:00:00Z","category":"AuditEvent","operationName":"SecretGet"}""",
        });

        try
        {
            var (exitCode, output, error) = RunSample("analyze", file);

            // One record was skipped: the exit code says so, and the rest of the file is summed up.
            Assert.True(exitCode == 1, error);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var callA = lines.SkipWhile(l => l != "call call-a").Skip(1).TakeWhile(l => !l.StartsWith("call ", StringComparison.Ordinal)).ToList();
            Assert.Contains("2026-11-24 10:00:00Z .. 2026-11-24 10:00:09Z, 3 operations, 242 ms in total", callA);
            Assert.Contains("operations: CreateCall > Play! > Hangup", callA);
            Assert.Contains("failed: Play at 2026-11-24 10:00:05Z: Failed 500", callA);
            Assert.Contains("usage: PSTN (Minute) 1.75", callA);
            Assert.Contains("2 calls, 4 operations, 2 usage records, 1 records skipped, other categories kept aside: AuditEvent (1)", lines);
            var skipped = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith($"skipped: {file}: line 7, ", skipped, StringComparison.Ordinal);
            Assert.Contains("column 'DurationMs'", skipped, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Analyze_reports_every_call_of_a_records_document_whose_records_carry_nested_unknown_fields()
    {
        // Unknown values nested at the top level, inside properties and inside arrays of objects: once enough to end
        // the process (a Skip() on a stream buffer that was not the last). Counted here independently of CallLogGen.
        var file = Path.Combine(RepositoryPaths.TestData, "exports", "records-with-nested-unknown-fields.json");
        using var export = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file), new System.Text.Json.JsonDocumentOptions { MaxDepth = 128 });
        var records = export.RootElement.GetProperty("records").EnumerateArray().ToList();
        var calls = records.Select(r => r.GetProperty("correlationId").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        var operations = records.Count(r => r.GetProperty("category").GetString() == "CallAutomationOperational");
        var usage = records.Count(r => r.GetProperty("category").GetString() == "Usage");
        Assert.True(records.Any(r => r.GetProperty("properties").EnumerateObject().Any(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Object)), "the export has no nested unknown field");

        var (exitCode, output, error) = RunSample("analyze", file);

        Assert.True(exitCode == 0, error);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(calls, lines.Where(l => l.StartsWith("call ", StringComparison.Ordinal)).Select(l => l["call ".Length..]));
        Assert.Contains($"{calls.Count} calls, {operations} operations, {usage} usage records", lines);
    }

    [Fact]
    public void Analyze_without_files_reads_every_bundled_record()
    {
        var data = Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "data");
        var operations = 0;
        var usage = 0;
        foreach (var file in Directory.EnumerateFiles(data))
        {
            var text = File.ReadAllText(file);
            var records = text.TrimStart().StartsWith("{\"records\"", StringComparison.Ordinal)
                ? System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("category").GetString()).ToList()
                : text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("category").GetString()).ToList();
            operations += records.Count(c => c == "CallAutomationOperational");
            usage += records.Count(c => c == "Usage");
        }

        var (exitCode, output, error) = RunSample("analyze");

        Assert.True(exitCode == 0, error);
        Assert.True(operations > 100 && usage > 10, "the bundled data is missing or tiny");
        Assert.Contains($" calls, {operations} operations, {usage} usage records", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }
}
