using CallLogGen.Lock;
using CallLogGen.Model;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Lock;

/// <summary>
/// The lock file in the build: a table that breaks from it gets a warning where the change stands, locking again
/// makes it go, and the lock is one more input that rebuilds no table output when nothing differs.
/// </summary>
public class LockFileTests
{
    private const string LockPath = "schemas/" + LockFile.FileName;

    private static string Traffic(string sourcePortType) => $$"""
        {
          "Name": "EdgeTraffic_CL",
          "Properties": [
            { "Name": "TimeGenerated", "Type": "datetime" },
            { "Name": "SourcePort", "Type": "{{sourcePortType}}" },
            { "Name": "DestinationFqdn", "Type": "string" }
          ]
        }
        """;

    private static string Page(params string[] columns) =>
        "# Beta\n\n| Column | Type | Description |\n|---|---|---|\n" + string.Concat(columns.Select(c => $"| {c} | string | The {c} column. |\n"));

    private static IReadOnlyList<TableSpec> Tables(GeneratorRun run) =>
        run.StepOutputs(CallLogGenerator.Steps.Tables).Select(o => (TableSpec)o.Value).ToList();

    private static GeneratorHarness Locked(params (string Path, string Text)[] files)
    {
        // The lock as `callloggen lock` writes it: from the tables this very input makes.
        var first = GeneratorHarness.ForFiles(files).Run();
        return GeneratorHarness.ForFiles(files.Append((LockPath, LockFile.Write(Tables(first)))).ToArray());
    }

    [Fact]
    public void A_retyped_column_under_a_lock_warns_at_its_line_until_it_is_locked_again()
    {
        var harness = Locked(("schemas/traffic.json", Traffic("int")));
        Assert.Empty(harness.Run().Warnings);

        harness.EditSchema("schemas/traffic.json", Traffic("string"));
        var run = harness.Run();
        var warning = Assert.Single(run.WithId("CLG1031"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var at = warning.Location.GetLineSpan();
        Assert.Equal((GeneratorHarness.ProjectDirectory + "schemas/traffic.json", 5, 15), (at.Path, at.StartLinePosition.Line + 1, at.StartLinePosition.Character + 1));
        Assert.Equal(
            "schemas/traffic.json(5,15): table 'EdgeTraffic_CL': column 'SourcePort' retyped from int to string since callloggen.lock.json was written; code that reads or queries the column breaks. If the change is meant, run `callloggen lock` to accept it.",
            warning.GetMessage());
        Assert.Contains("public string? SourcePort", run.Sources.Single(s => s.Key.StartsWith("schemas_traffic.json", StringComparison.Ordinal)).Value, StringComparison.Ordinal);

        harness.EditSchema(LockPath, LockFile.Write(Tables(run)));
        Assert.Empty(harness.Run().Warnings);
    }

    [Fact]
    public void Removed_and_renamed_columns_and_a_removed_table_warn_added_ones_do_not()
    {
        var harness = Locked(("schemas/traffic.json", Traffic("int")), ("schemas/b.md", Page("B1", "callerIpAddress", "B3")));
        harness.EditSchema("schemas/b.md", Page("B1", "CallerIPAddress", "B4"));
        harness.EditSchema("schemas/traffic.json", """{"Name": "Other", "Properties": [{"Name": "A", "Type": "string"}]}""");
        var run = harness.Run();

        var messages = run.Warnings.Select(d => (d.Id, Where: d.Location.GetLineSpan().StartLinePosition.Line + 1, Text: d.GetMessage())).OrderBy(d => d.Text, StringComparer.Ordinal).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.Id == "CLG1031" && m.Where == 6 && m.Text.Contains("column 'callerIpAddress' renamed to 'CallerIPAddress'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Id == "CLG1031" && m.Where == 3 && m.Text.Contains("column 'B3' (string) removed", StringComparison.Ordinal));
        var gone = Assert.Single(messages, m => m.Id == "CLG1032");
        Assert.StartsWith(LockPath + "(", gone.Text, StringComparison.Ordinal);
        Assert.Contains("table 'EdgeTraffic_CL' is in the lock file", gone.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_file_is_never_read_as_a_schema()
    {
        var run = Locked(("schemas/b.md", Page("B1"))).Run();

        Assert.Empty(run.Warnings);
        Assert.Single(Tables(run));
        Assert.Equal(new[] { "CallLogTables.g.cs", "schemas_b.md.Beta.g.cs" }, run.Sources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Editing_the_lock_file_rebuilds_no_table_output_when_nothing_differs()
    {
        var harness = Locked(("schemas/a.md", "# Alpha\n\n| Column | Type |\n|---|---|\n| A1 | string |\n"), ("schemas/b.md", Page("B1", "B2")));
        var before = harness.Run();
        var lockText = LockFile.Write(Tables(before));

        // The same facts, written otherwise: the lock snapshot changes its locations, no table's record changes.
        harness.EditSchema(LockPath, lockText.Replace("\n", "\n\n", StringComparison.Ordinal).Replace("Written by", "Rewritten by", StringComparison.Ordinal));
        var run = harness.Run();

        Assert.Contains(IncrementalStepRunReason.Modified, run.StepReasons(CallLogGenerator.Steps.LockFile));
        Assert.All(run.StepReasons(CallLogGenerator.Steps.BuiltTables), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(run.StepReasons(CallLogGenerator.Steps.Tables), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.DoesNotContain(run.GeneratorResult.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Empty(run.Warnings);

        // One table's record changes: only that table is built again, and still no source is emitted anew.
        harness.EditSchema(LockPath, lockText.Replace("\"B2\", \"type\": \"string\"", "\"B2\", \"type\": \"long\"", StringComparison.Ordinal));
        run = harness.Run();
        var built = run.StepReasons(CallLogGenerator.Steps.BuiltTables);
        Assert.Equal(1, built.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, built.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.All(run.StepReasons(CallLogGenerator.Steps.Tables), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains("column 'B2' retyped from long to string", Assert.Single(run.WithId("CLG1031")).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<<<<<<< HEAD\n{}", "it is not valid JSON")]
    [InlineData("{\"callloggenLock\": 2, \"tables\": []}", "its format version is 2")]
    [InlineData("{\"callloggenLock\": 1, \"tables\": [{\"table\": \"Beta\", \"columns\": [{\"name\": \"B1\", \"type\": \"ushort\"}]}]}", "a column of table 'Beta' needs \"name\" and \"type\"")]
    public void A_broken_lock_file_is_an_error_and_never_a_crash(string text, string problem)
    {
        var run = GeneratorHarness.ForFiles(("schemas/b.md", Page("B1")), (LockPath, text)).Run();

        Assert.Empty(run.WithId("CS8785"));
        Assert.Contains(problem, Assert.Single(run.WithId("CLG1034")).GetMessage(), StringComparison.Ordinal);
        Assert.Single(Tables(run));
    }

    [Fact]
    public void The_lock_file_is_written_the_same_way_every_time()
    {
        var run = GeneratorHarness.ForFiles(("schemas/traffic.json", Traffic("int")), ("schemas/b.md", Page("B1"))).Run();
        var text = LockFile.Write(Tables(run));

        Assert.Equal(text, LockFile.Write(Tables(run).Reverse()));
        Assert.Equal(
            """
            {
              "$comment": "Written by `callloggen lock`: the columns and types of every table CallLogGen generates. The build compares each table with it and warns at every breaking change; run `callloggen lock` again to accept them.",
              "callloggenLock": 1,
              "tables": [
                {
                  "table": "Beta",
                  "columns": [
                    { "name": "B1", "type": "string" }
                  ]
                },
                {
                  "table": "EdgeTraffic_CL",
                  "columns": [
                    { "name": "TimeGenerated", "type": "datetime" },
                    { "name": "SourcePort", "type": "int" },
                    { "name": "DestinationFqdn", "type": "string" }
                  ]
                }
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
        var read = LockFile.Read(new SchemaFile("/p/" + LockPath, LockPath, text), CancellationToken.None);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(new[] { "Beta", "EdgeTraffic_CL" }, read.Tables.Select(t => t.Table.Name));
    }
}
