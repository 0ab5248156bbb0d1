using System.Collections.Immutable;
using CallLogGen.Analyzers;
using CallLogGen.CodeFixes;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CallLogGen.Tests.CodeFixes;

/// <summary>The CLG2001 fix in a real workspace: the user's code plus the generated models, one fix and Fix All.</summary>
public class AddMissingColumnsCodeFixTests
{
    private const string Page = """
        # Requests

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When. |
        | Level | string | Yes | How bad. |
        | Note | string | No | Anything else. |
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RequiredColumnsAnalyzer());

    private static (AdhocWorkspace Workspace, Document Document) Open(string userCode)
    {
        var run = new GeneratorHarness(new[] { new SchemaInput("schemas/requests.md", Page) }, userCode).Run();
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: run.Output.Options,
            parseOptions: run.Output.SyntaxTrees.First().Options,
            metadataReferences: GeneratorHarness.References));
        foreach (var (hintName, source) in run.Sources)
        {
            project = project.AddDocument(hintName, SourceText.From(source)).Project;
        }

        var document = project.AddDocument("User.cs", SourceText.From(userCode));
        Assert.True(workspace.TryApplyChanges(document.Project.Solution));
        return (workspace, workspace.CurrentSolution.GetDocument(document.Id)!);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
    }

    private static string Code(string body) => $$"""
        using System;
        using Contoso.CallLogs;

        public static class Program
        {
            public static object One() => {{body}};
        }
        """;

    [Fact]
    public async Task The_fix_adds_each_missing_required_column_with_a_placeholder()
    {
        var (_, document) = Open(Code("new Requests { Note = \"n\" }"));
        var diagnostic = Assert.Single(await DiagnosticsAsync(document.Project));

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new AddMissingColumnsCodeFix().RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;

        var text = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Contains("new Requests { Note = \"n\", TimeGenerated = default, Level = \"\" }", text, StringComparison.Ordinal);
        var after = await DiagnosticsAsync(fixedDocument.Project);
        Assert.DoesNotContain(after, d => d.Id == "CLG2001");
        Assert.Equal(2, after.Count(d => d.Id == "CLG2002"));
    }

    [Fact]
    public async Task The_fix_adds_an_initializer_where_there_was_none()
    {
        var (_, document) = Open(Code("new Requests()"));
        var diagnostic = Assert.Single(await DiagnosticsAsync(document.Project));
        var actions = new List<CodeAction>();
        await new AddMissingColumnsCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operation = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();

        var text = (await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("new Requests() { TimeGenerated = default, Level = \"\" }", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_all_fixes_every_creation_in_the_document()
    {
        var code = """
            using System;
            using Contoso.CallLogs;

            public static class Program
            {
                public static object One() => new Requests { Level = "x" };
                public static object Two() => new Requests { TimeGenerated = DateTimeOffset.UtcNow };
                public static object[] Three() => new object[] { new Requests(), new Requests { Note = "n" } };
            }
            """;
        var (_, document) = Open(code);
        var diagnostics = await DiagnosticsAsync(document.Project);
        Assert.Equal(4, diagnostics.Length);

        var provider = new AddMissingColumnsCodeFix();
        var fixAll = new FixAllContext(
            document, provider, FixAllScope.Document, AddMissingColumnsCodeFix.DiagnosticId,
            provider.FixableDiagnosticIds, new Diagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(fixAll);
        var operation = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;

        Assert.DoesNotContain(await DiagnosticsAsync(fixedDocument.Project), d => d.Id == "CLG2001");
        var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(all);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath || d.Location.SourceTree?.FilePath == document.Name));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
