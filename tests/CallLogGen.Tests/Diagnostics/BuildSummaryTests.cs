using System.Xml.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Diagnostics;

/// <summary>
/// The build summary, CLG1030: one line per schema file naming the types it generated, one for the tables without a
/// schema file; an info, or a warning with CallLogGenVerbose; computed in a step of its own that edits leave cached.
/// </summary>
public class BuildSummaryTests
{
    private const string Pages = "# Alpha\n\n| Column | Type | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n\n# Beta\n\nProse.\n\n| Column | Type |\n|---|---|\n| B1 | string |\n";

    private static GeneratorHarness Project(IDictionary<string, string>? properties = null) => new(
        new[]
        {
            new SchemaInput("schemas/pages.md", Pages),
            new SchemaInput("schemas/gamma.json", """{"Name": "Gamma", "Properties": [{"Name": "C1", "Type": "string"}]}"""),
            // Renames Alpha's type; generates nothing of its own, so it gets no line.
            new SchemaInput("schemas/pages.options.json", """{"tables": [{"tableName": "Alpha", "typeName": "AlphaRecord"}]}"""),
        },
        properties: new Dictionary<string, string>(properties ?? new Dictionary<string, string>()) { ["CallLogGenTables"] = "AZKVAuditLogs" });

    private static List<Diagnostic> Summary(GeneratorRun run) => run.WithId(DiagnosticCatalog.BuildSummary.Id).ToList();

    [Fact]
    public void One_line_per_schema_file_names_each_generated_type_with_its_table_and_one_line_covers_the_tables_without_a_file()
    {
        var run = Project().Run();

        // In the order of the generated files: schema files by path, then the tables named without one.
        var summary = Summary(run);
        Assert.Equal(
            new[]
            {
                "schemas/gamma.json: generated 1 type in Contoso.CallLogs: Gamma (table Gamma, line 1)",
                "schemas/pages.md: generated 2 types in Contoso.CallLogs: AlphaRecord (table Alpha, line 3), Beta (table Beta, line 11)",
                "Azure Monitor table reference (2024-09): generated 1 type in Contoso.CallLogs: AzkvAuditLogs (table AZKVAuditLogs)",
            },
            summary.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(summary, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.All(summary, d => Assert.Equal(Location.None, d.Location));

        // The lines name the types that really were generated, and the lines their tables start at.
        foreach (var type in new[] { "AlphaRecord", "Beta", "Gamma", "AzkvAuditLogs" })
        {
            Assert.Contains(run.Sources.Values, source => source.Contains("public partial class " + type + "\n", StringComparison.Ordinal));
        }

        var pageLines = Pages.Split('\n');
        Assert.StartsWith("| Column", pageLines[3 - 1], StringComparison.Ordinal);
        Assert.StartsWith("| Column", pageLines[11 - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_documented_on_several_pages_is_named_on_each_page_with_the_page_whose_table_it_is()
    {
        // The same real table (its heading names it) on two pages, the second with a table of its own after it.
        const string Audit = "# SentinelAudit table columns\n\n| ColumnName | ColumnType | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| OperationName | string | What. |\n| Status | string | How. |\n";
        var run = new GeneratorHarness(new[]
        {
            new SchemaInput("schemas/b.md", Audit + "\n# Extra\n\n| Column | Type |\n|---|---|\n| TimeGenerated | datetime |\n| E1 | string |\n"),
            new SchemaInput("schemas/a.md", "Intro.\n\n" + Audit),
        }).Run();

        Assert.Equal(
            new[]
            {
                "schemas/a.md: generated 1 type in Contoso.CallLogs: SentinelAudit (table SentinelAudit, line 5)",
                "schemas/b.md: generated 2 types in Contoso.CallLogs: Extra (table Extra, line 11), SentinelAudit (table SentinelAudit, line 3, one model with schemas/a.md, line 5)",
            },
            Summary(run).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Single(run.Sources.Values, source => source.Contains("public partial class SentinelAudit\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("true", DiagnosticSeverity.Warning)]
    [InlineData("True", DiagnosticSeverity.Warning)]
    [InlineData("false", DiagnosticSeverity.Info)]
    [InlineData("", DiagnosticSeverity.Info)]
    public void CallLogGenVerbose_reports_the_summary_as_a_warning_so_that_a_normal_build_shows_it(string verbose, DiagnosticSeverity expected)
    {
        var run = Project(new Dictionary<string, string> { ["CallLogGenVerbose"] = verbose }).Run();

        var summary = Summary(run);
        Assert.Equal(3, summary.Count);
        Assert.All(summary, d => Assert.Equal(expected, d.Severity));
        Assert.All(summary, d => Assert.Equal(DiagnosticSeverity.Info, d.DefaultSeverity));
    }

    [Fact]
    public void The_summary_step_is_cached_across_csharp_edits_and_column_edits_and_re_runs_when_a_type_changes()
    {
        var harness = Project();
        harness.Run();

        harness.EditUserCode("namespace User { public static class Program { public static int X => 42; } }");
        var csharpEdit = harness.Run();
        Assert.All(csharpEdit.StepReasons(CallLogGenerator.Steps.BuildSummary), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(3, Summary(csharpEdit).Count);

        // A new column changes a table but not the summary: the step re-runs, compares equal, and nothing after it runs.
        harness.EditSchema("schemas/pages.md", Pages + "| B2 | int |\n");
        var columnEdit = harness.Run();
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, columnEdit.StepReasons(CallLogGenerator.Steps.BuildSummary));

        // The switch re-reports the same lines as warnings without computing them again.
        harness.SetProperties(new Dictionary<string, string> { ["CallLogGenVerbose"] = "true" });
        var switched = harness.Run();
        Assert.All(switched.StepReasons(CallLogGenerator.Steps.BuildSummary), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Summary(switched), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));

        harness.EditSchema("schemas/pages.md", Pages.Replace("# Beta", "# Delta", StringComparison.Ordinal));
        var renamed = harness.Run();
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, renamed.StepReasons(CallLogGenerator.Steps.BuildSummary));
        Assert.Contains(Summary(renamed), d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).EndsWith("Delta (table Delta, line 11)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_passes_the_switch_to_the_generator_and_keeps_the_warning_out_of_warnings_as_errors()
    {
        var build = Path.Combine(RepositoryPaths.Root, "src", "CallLogGen.Package", "build");
        var property = BuildSummary.VerboseProperty["build_property.".Length..];

        var props = XDocument.Load(Path.Combine(build, "CallLogGen.props"));
        Assert.Contains(props.Descendants().Where(e => e.Name.LocalName == "CompilerVisibleProperty"), e => e.Attribute("Include")!.Value == property);

        var targets = XDocument.Load(Path.Combine(build, "CallLogGen.targets"));
        var group = Assert.Single(targets.Descendants(), e => e.Name.LocalName == "PropertyGroup" && e.Attribute("Condition")?.Value == $"'$({property})' == 'true'");
        foreach (var name in new[] { "WarningsNotAsErrors", "MSBuildWarningsNotAsErrors" })
        {
            var value = Assert.Single(group.Elements(), e => e.Name.LocalName == name).Value;
            Assert.Equal($"$({name});{DiagnosticCatalog.BuildSummary.Id}", value);
        }
    }
}
