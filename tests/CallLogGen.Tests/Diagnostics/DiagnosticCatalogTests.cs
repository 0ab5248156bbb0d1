using CallLogGen.Diagnostics;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Diagnostics;

public class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DiagnosticScenarios.Data), MemberType = typeof(DiagnosticScenarios))]
    public void Each_diagnostic_is_reported_where_the_problem_is(DiagnosticScenario scenario)
    {
        var properties = scenario.Properties();
        var harness = scenario.UserCode is null
            ? new GeneratorHarness(scenario.Files, languageVersion: scenario.LanguageVersion, properties: properties)
            : new GeneratorHarness(scenario.Files, scenario.UserCode, scenario.LanguageVersion, properties);
        var run = harness.Run();

        Assert.Empty(run.WithId("CS8785"));
        var found = scenario.UserCode is null ? run.WithId(scenario.Id).ToList() : run.AnalyzerDiagnostics().Where(d => d.Id == scenario.Id).ToList();
        var diagnostic = Assert.Single(found);
        Assert.Contains(scenario.MessageFragment, diagnostic.GetMessage(), StringComparison.Ordinal);
        if (scenario.File.Length == 0)
        {
            Assert.Equal(Location.None, diagnostic.Location);
            Assert.Empty(run.CompilationProblems());
            return;
        }

        var span = diagnostic.Location.GetLineSpan();
        if (scenario.UserCode is not null)
        {
            Assert.Equal(scenario.File, span.Path);
            Assert.Equal((scenario.Line, scenario.Column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            return;
        }

        Assert.Equal(GeneratorHarness.ProjectDirectory + scenario.File, span.Path);
        Assert.Equal((scenario.Line, scenario.Column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.StartsWith($"{scenario.File}({scenario.Line},{scenario.Column}): ", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_has_a_scenario_that_triggers_it()
    {
        var catalogued = DiagnosticCatalog.All.Select(d => d.Id).Order(StringComparer.Ordinal);
        var triggered = DiagnosticScenarios.All.Select(s => s.Id).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(catalogued, triggered);
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^CLG[0-9]{4}$", id));
    }

    [Fact]
    public void Ids_are_spelled_in_the_catalogue_only()
    {
        // Readers, resolver, analyzers and code fixes take ids from the descriptors (DiagnosticInfo.Create takes one);
        // a quoted id anywhere else in the shipped code is a second spelling that can drift.
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var catalogue = Path.Combine(source, "CallLogGen", "Diagnostics", "DiagnosticCatalog.cs");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToList();
        Assert.Contains(catalogue, files);

        var quotedId = new System.Text.RegularExpressions.Regex("\"CLG[0-9]{4}");
        var strays = files
            .Where(f => f != catalogue)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => quotedId.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.File)}({l.Line}): {l.Text.Trim()}")
            .ToList();
        Assert.True(strays.Count == 0, "Ids spelled outside DiagnosticCatalog.cs:\n" + string.Join("\n", strays));
        Assert.Matches(quotedId, File.ReadAllText(catalogue));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_descriptor_has_a_title_a_located_message_a_help_page_and_a_release_entry(string id)
    {
        var descriptor = DiagnosticCatalog.Get(id);

        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.StartsWith("CallLogGen.", descriptor.Category, StringComparison.Ordinal);
        if (descriptor.Category == DiagnosticCatalog.SchemaCategory)
        {
            Assert.StartsWith("{0}: ", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
        }

        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"missing help page {page}");
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "## What it means", "## Example", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "CallLogGen", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "CallLogGen", "AnalyzerReleases.Shipped.md"));
        Assert.Matches($"(?m)^{id} \\| {descriptor.Category.Replace(".", "\\.", StringComparison.Ordinal)} \\| {descriptor.DefaultSeverity} \\|", releases);
    }
}
