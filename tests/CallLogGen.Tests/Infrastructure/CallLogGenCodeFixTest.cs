using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// Roslyn's code-fix test (single fix, then Fix All in document, project and solution) over user code that uses
/// the models CallLogGen generates from <see cref="Page"/>. The generated sources come from running the real
/// generator (<see cref="GeneratorHarness"/>) once, and are added as sources to every project of the test and of
/// its fixed state, with the CallLogGen runtime and offline .NET 10 reference assemblies.
/// </summary>
public sealed class CallLogGenCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A table with two required columns (TimeGenerated, Level) and an optional one (Note).</summary>
    public const string Page = """
        # Requests

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When. |
        | Level | string | Yes | How bad. |
        | Note | string | No | Anything else. |
        """;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Name, string Text)>> GeneratedByPage = new(StringComparer.Ordinal);

    public CallLogGenCodeFixTest(string page = Page)
    {
        // "net10.0" with no package: the references come from Basic.Reference.Assemblies (ReferenceAssemblies.Net.Net100
        // wants a package the mirror does not serve).
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        SchemaPage = page;
    }

    public string SchemaPage { get; }

    /// <summary>The generated files for a schema page: hint name and text.</summary>
    public static IReadOnlyList<(string Name, string Text)> Generated(string page) =>
        GeneratedByPage.GetOrAdd(page, p =>
        {
            var run = new GeneratorHarness(new[] { new SchemaInput("schemas/requests.md", p) }).Run();
            Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            return run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => ("Generated/" + s.Key, s.Value)).ToList();
        });

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        var generated = Generated(SchemaPage);
        Prepare(TestState, generated);
        if (FixedState.Sources.Count > 0)
        {
            Prepare(FixedState, generated);
        }

        await base.RunImplAsync(cancellationToken);
    }

    private static void Prepare(SolutionState state, IReadOnlyList<(string Name, string Text)> generated)
    {
        Add(state, generated, string.Empty);
        foreach (var (name, project) in state.AdditionalProjects)
        {
            Add(project, generated, name + "/");
        }
    }

    private static void Add(ProjectState project, IReadOnlyList<(string Name, string Text)> generated, string prefix)
    {
        foreach (var (name, text) in generated)
        {
            project.Sources.Add((prefix + name, text));
        }

        project.AdditionalReferences.AddRange(GeneratorHarness.References);
    }
}
