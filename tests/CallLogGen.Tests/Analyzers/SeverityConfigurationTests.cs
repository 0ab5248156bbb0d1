using System.Collections.Immutable;
using CallLogGen.Analyzers;
using CallLogGen.CodeFixes;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CallLogGen.Tests.Analyzers;

/// <summary>
/// A real <c>.editorconfig</c> file and <c>#pragma warning disable</c> act on the query rules as on any diagnostic
/// (CLG3002, a warning by default). Run through Roslyn's test, which also applies the fix where a diagnostic remains.
/// </summary>
public class SeverityConfigurationTests
{
    private const string Unfiltered = """
        using System;
        using Contoso.CallLogs;

        public static class Program
        {
            public static string Run() => {|#0:{|#1:Requests.Query()|}.Take(1).ToKql()|};
        }
        """;

    private const string Filtered = """
        using System;
        using Contoso.CallLogs;

        public static class Program
        {
            public static string Run() => Requests.Query().InLast(TimeSpan.FromDays(1)).Take(1).ToKql();
        }
        """;

    private static CallLogGenCodeFixTest<TimeFilterAnalyzer, AddTimeFilterCodeFix> Test(string editorConfig, string code, string fixedCode)
    {
        var test = new CallLogGenCodeFixTest<TimeFilterAnalyzer, AddTimeFilterCodeFix> { TestCode = code, FixedCode = fixedCode };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return test;
    }

    [Fact]
    public async Task Without_configuration_it_is_a_warning()
    {
        var test = Test("root = true\n", Unfiltered, Filtered);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CLG3002", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("Requests"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Editorconfig_severity_none_silences_it()
    {
        var code = Unfiltered.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        await Test("root = true\n\n[*.cs]\ndotnet_diagnostic.CLG3002.severity = none\n", code, code).RunAsync();
    }

    [Fact]
    public async Task Editorconfig_for_other_files_does_not_apply()
    {
        var test = Test("root = true\n\n[*.vb]\ndotnet_diagnostic.CLG3002.severity = none\n", Unfiltered, Filtered);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CLG3002", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("Requests"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Pragma_warning_disable_silences_it_in_its_region_only()
    {
        const string Code = """
            using System;
            using Contoso.CallLogs;

            public static class Program
            {
            #pragma warning disable CLG3002
                public static string Quiet() => Requests.Query().Take(1).ToKql();
            #pragma warning restore CLG3002
                public static string Loud() => {|CLG3002:Requests.Query().Take(2).ToKql()|};
            }
            """;
        const string Fixed = """
            using System;
            using Contoso.CallLogs;

            public static class Program
            {
            #pragma warning disable CLG3002
                public static string Quiet() => Requests.Query().Take(1).ToKql();
            #pragma warning restore CLG3002
                public static string Loud() => Requests.Query().InLast(TimeSpan.FromDays(1)).Take(2).ToKql();
            }
            """;
        var test = Test("root = true\n", Code, Fixed);
        // The test's own check wraps the file in a pragma that this file's restore would end early.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }

    // The compiler's own path: csc reads .editorconfig files into an AnalyzerConfigSet and gives the compilation a
    // SyntaxTreeOptionsProvider over it. (Roslyn's test package, on this version, applies `none` but reports an
    // analyzer warning raised to `error` still as a warning, so raising is checked here.)
    [Theory]
    [InlineData("CLG3002", "error", DiagnosticSeverity.Error)]
    [InlineData("CLG3002", "suggestion", DiagnosticSeverity.Info)]
    [InlineData("CLG3002", "none", null)]
    [InlineData("CLG3003", "warning", DiagnosticSeverity.Warning)]
    [InlineData("CLG3003", "none", null)]
    public async Task An_editorconfig_file_sets_the_severity_the_compiler_reports(string id, string severity, DiagnosticSeverity? expected)
    {
        const string Code = """
            using CallLogGen.Kql;
            using Contoso.CallLogs;
            namespace User
            {
                public static class Program
                {
                    public static string Unfiltered() => Requests.Query().Take(1).ToKql();
                    public static string Dropped() => Requests.Query().InLast(System.TimeSpan.FromDays(1)).Project(t => new KqlProjection { t.Note }).Where(t => t.Level == "x").ToKql();
                }
            }
            """;
        var run = new GeneratorHarness(new[] { new SchemaInput("schemas/requests.md", CallLogGenCodeFixTest<TimeFilterAnalyzer, AddTimeFilterCodeFix>.Page) }, Code).Run();
        var config = AnalyzerConfig.Parse($"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = {severity}\n", "/src/.editorconfig");
        var user = run.Output.SyntaxTrees.Single(t => t.FilePath == "User.cs");
        var compilation = run.Output.ReplaceSyntaxTree(user, CSharpSyntaxTree.ParseText(user.GetText(), (CSharpParseOptions)user.Options, "/src/User.cs"));
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(AnalyzerConfigSet.Create(new[] { config }))));

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TimeFilterAnalyzer(), new DroppedColumnAnalyzer())).GetAnalyzerDiagnosticsAsync();

        var configured = diagnostics.Where(d => d.Id == id).ToList();
        if (expected is null)
        {
            Assert.Empty(configured);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(configured).Severity);
        }

        // The other rule keeps its default.
        var other = Assert.Single(diagnostics, d => d.Id != id);
        Assert.Equal(other.Descriptor.DefaultSeverity, other.Severity);
    }

    private sealed class EditorConfigOptions(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }
}
