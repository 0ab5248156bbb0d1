using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CallLogGen.Model;
using CallLogGen.Resolve;
using CallLogGen.Schema;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CallLogGen.Tests.DocsPages;

/// <summary>
/// Issue 12's acceptance test, over real docs pages nobody on the team wrote (tests/data/docs-pages, with a
/// hand-labelled answer key, labels.json): every page builds with no options and no warning, no docs table is matched
/// to a wrong table, and at least 90% of the labelled log tables are matched to their real Log Analytics table.
/// </summary>
public class DocsPagesTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.TestData, "docs-pages");

    private static readonly GeneratorSettings Settings = SettingsResolver.Resolve(null, "Contoso", GeneratorHarness.ProjectDirectory);

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in Labels.Value.Pages.Where(p => p.IncludedBy.Count == 0))
        {
            data.Add(page.File);
        }

        return data;
    }

    private static readonly Lazy<LabelFile> Labels = new(() => LabelFile.Read(Path.Combine(Folder, "labels.json")));

    /// <summary>The page and every file of its service folder, as schemas/ files (includes resolve among them).</summary>
    private static List<SchemaInput> Inputs(string page)
    {
        var service = page.Split('/')[0];
        return Directory.EnumerateFiles(Path.Combine(Folder, service), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Where(relative => relative == page || Labels.Value.Pages.Any(p => p.File == relative && p.IncludedBy.Count > 0))
            .Order(StringComparer.Ordinal)
            .Select(relative => new SchemaInput("schemas/" + relative, File.ReadAllText(Path.Combine(Folder, relative))))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_page_builds_with_no_options_and_no_warning(string page)
    {
        var run = new GeneratorHarness(Inputs(page)).Run();

        var problems = run.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Concat(run.CompilationProblems()).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Labelled_tables_are_matched_to_their_real_tables_and_none_wrongly()
    {
        var outcomes = new List<Outcome>();
        foreach (var page in Labels.Value.Pages.Where(p => p.IncludedBy.Count == 0))
        {
            var matches = Match(Inputs(page.File));
            foreach (var label in Labels.Value.Pages.Where(p => p.File == page.File || p.IncludedBy.Contains(page.File)).SelectMany(p => p.Tables.Select(t => (p.File, Table: t))))
            {
                matches.TryGetValue((label.File, label.Table.Line), out var matched);
                outcomes.Add(new Outcome(label.File, label.Table, matched));
            }
        }

        var logTables = outcomes.Where(o => o.Label.Kind == "log-table" && o.Label.Expected != "none").ToList();
        var right = logTables.Count(o => o.Matched == o.Label.Expected);
        var wrong = outcomes.Where(o => o.Matched is not null && o.Matched != o.Label.Expected).ToList();
        output.WriteLine($"labelled log tables with a real table: {logTables.Count}; matched right: {right} ({100.0 * right / logTables.Count:F1}%); wrong matches: {wrong.Count}");
        foreach (var outcome in outcomes.Where(o => o.Label.Kind == "log-table" || o.Matched is not null))
        {
            output.WriteLine($"  {(outcome.Matched == outcome.Label.Expected || (outcome.Matched is null && outcome.Label.Expected == "none") ? "ok   " : outcome.Matched is null ? "MISS " : "WRONG")} {outcome.File}:{outcome.Label.Line} expected {outcome.Label.Expected}, matched {outcome.Matched ?? "-"}");
        }

        Assert.Empty(wrong.Select(w => $"{w.File}:{w.Label.Line} expected {w.Label.Expected}, matched {w.Matched}"));
        Assert.True(right >= 0.9 * logTables.Count, $"{right} of {logTables.Count} labelled tables matched");
    }

    /// <summary>Each docs table (file, 1-based line of its header row) and the real table it was matched to, where it was.</summary>
    private static Dictionary<(string File, int Line), string> Match(List<SchemaInput> inputs)
    {
        var documents = inputs
            .Select(i => SchemaReader.Read(new SchemaFile(GeneratorHarness.ProjectDirectory + i.RelativePath, i.RelativePath, i.Text), CancellationToken.None))
            .ToImmutableArray();
        var plan = TableResolver.Plan(documents, Settings, EquatableArray<string>.Empty, CancellationToken.None);
        var matches = new Dictionary<(string, int), string>();
        foreach (var group in plan.Groups.Where(g => g.Catalog is not null || g.Authority is not null))
        {
            foreach (var table in group.DocumentTables)
            {
                matches[(table.Table.Location.RelativePath.Substring("schemas/".Length), table.Table.Location.Line + 1)] = group.TableName;
            }
        }

        return matches;
    }

    private sealed record Outcome(string File, LabelledTable Label, string? Matched);
}

internal sealed record LabelFile(IReadOnlyList<LabelledPage> Pages)
{
    public static LabelFile Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var pages = document.RootElement.GetProperty("pages").EnumerateArray().Select(p => new LabelledPage(
            p.GetProperty("file").GetString()!,
            p.TryGetProperty("includedBy", out var includedBy) ? includedBy.EnumerateArray().Select(i => i.GetString()!).ToList() : new List<string>(),
            p.GetProperty("tables").EnumerateArray().Select(t => new LabelledTable(
                t.GetProperty("line").GetInt32(),
                t.GetProperty("kind").GetString()!,
                t.GetProperty("expected").GetString()!)).ToList())).ToList();
        return new LabelFile(pages);
    }
}

internal sealed record LabelledPage(string File, IReadOnlyList<string> IncludedBy, IReadOnlyList<LabelledTable> Tables);

internal sealed record LabelledTable(int Line, string Kind, string Expected);
