using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CallLogGen.Tests.Analyzers;

/// <summary>The analyzers on user code that uses the generated seed tables and a page with several required columns.</summary>
public class AnalyzerTests
{
    private const string Page = """
        # Requests

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When the request arrived. |
        | Level | string | Yes | The severity: Error, Warning or Informational. |
        | RequestId | guid | Required | The request. |
        | Note | string | No | Anything else. |
        """;

    private static IReadOnlyList<Diagnostic> Analyze(string body)
        => UserProgram.Compile(new[] { new SchemaInput("schemas/requests.md", Page) }, body).AnalyzerDiagnostics();

    [Fact]
    public void A_creation_that_sets_every_required_column_is_clean()
    {
        Assert.Empty(Analyze("return new Requests { TimeGenerated = DateTimeOffset.UtcNow, Level = input, RequestId = Guid.NewGuid() };"));
    }

    [Fact]
    public void Every_missing_required_column_is_named_with_its_source_and_description()
    {
        var diagnostic = Assert.Single(Analyze("return new Requests { Note = input };"));

        Assert.Equal("CLG2001", diagnostic.Id);
        var message = diagnostic.GetMessage();
        Assert.Contains("needs columns 'TimeGenerated', 'Level', 'RequestId'", message, StringComparison.Ordinal);
        Assert.Contains("Level (schemas/requests.md line 6): \"The severity: Error, Warning or Informational.\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Note'", message, StringComparison.Ordinal);
        Assert.Equal("TimeGenerated,Level,RequestId", diagnostic.Properties["Missing"]);
    }

    [Fact]
    public void A_creation_without_an_initializer_misses_them_all()
    {
        Assert.Contains("needs column 'TimeGenerated'", Assert.Single(Analyze("return new AcsBillingUsage();")).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    // Every column set by the statements that follow, before the record is used.
    [InlineData("var r = new Requests(); r.TimeGenerated = DateTimeOffset.UtcNow; r.Level = input; r.RequestId = Guid.NewGuid(); return r;")]
    [InlineData("var r = new Requests { Level = input }; var now = DateTimeOffset.UtcNow; r.TimeGenerated = now; r.RequestId = Guid.NewGuid(); return r;")]
    [InlineData("Requests r; r = new Requests { Level = input }; r.TimeGenerated = DateTimeOffset.UtcNow; r.RequestId = Guid.NewGuid(); return r;")]
    // Reading a property is no use of the record.
    [InlineData("var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; r.Note = r.Level; r.TimeGenerated = DateTimeOffset.UtcNow; return r;")]
    // Set on some paths only (a branch, a lambda, a local function called before its text): not certainly missing.
    [InlineData("var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; if (input.Length > 0) r.TimeGenerated = DateTimeOffset.UtcNow; return r;")]
    [InlineData("var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; Action set = () => r.TimeGenerated = DateTimeOffset.UtcNow; set(); return r;")]
    [InlineData("var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; Set(); return r; void Set() => r.TimeGenerated = DateTimeOffset.UtcNow;")]
    // Statements that may run in another order than written: nothing is certain.
    [InlineData("var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; goto set; use: return r; set: r.TimeGenerated = DateTimeOffset.UtcNow; goto use;")]
    public void A_record_completed_by_the_statements_that_follow_its_creation_is_clean(string body)
    {
        Assert.Empty(Analyze(body));
    }

    [Theory]
    // Used (a method called on it, passed) before the column is set.
    [InlineData("var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; var text = r.ToString(); r.TimeGenerated = DateTimeOffset.UtcNow; return text;", "TimeGenerated")]
    [InlineData("var all = new System.Collections.Generic.List<Requests>(); var r = new Requests { Level = input, RequestId = Guid.NewGuid() }; all.Add(r); r.TimeGenerated = DateTimeOffset.UtcNow; return all;", "TimeGenerated")]
    // A lambda that reads it runs later: what is never set is missing, what is set after the lambda is not.
    [InlineData("var r = new Requests { Level = input }; Func<object> later = () => r; r.TimeGenerated = DateTimeOffset.UtcNow; return later;", "RequestId")]
    // Never set before the record is returned, or before the block ends.
    [InlineData("var r = new Requests(); r.TimeGenerated = DateTimeOffset.UtcNow; return r;", "Level,RequestId")]
    [InlineData("var r = new Requests { Level = input }; r.Note = input; return input;", "TimeGenerated,RequestId")]
    public void What_is_still_missing_when_the_record_is_first_used_is_an_error(string body, string missing)
    {
        var diagnostic = Assert.Single(Analyze(body));

        Assert.Equal("CLG2001", diagnostic.Id);
        Assert.Equal(missing, diagnostic.Properties["Missing"]);
        Assert.StartsWith("new Requests", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_column_set_to_nothing_by_a_following_statement_is_a_warning()
    {
        var warning = Assert.Single(Analyze("var r = new Requests { TimeGenerated = DateTimeOffset.UtcNow, RequestId = Guid.NewGuid() }; r.Level = \"\"; return r;"));

        Assert.Equal("CLG2002", warning.Id);
        Assert.Equal("r.Level = \"\"", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
    }

    [Theory]
    [InlineData("Level", "null", "null")]
    [InlineData("Level", "\"\"", "an empty string")]
    [InlineData("Level", "default!", "default")]
    [InlineData("RequestId", "default", "default")]
    public void Setting_a_required_column_to_nothing_is_a_warning(string column, string value, string described)
    {
        var values = new Dictionary<string, string> { ["TimeGenerated"] = "DateTimeOffset.UtcNow", ["Level"] = "input", ["RequestId"] = "Guid.NewGuid()" };
        values[column] = value;
        var diagnostics = Analyze("return new Requests { " + string.Join(", ", values.Select(v => v.Key + " = " + v.Value)) + " };");

        var warning = Assert.Single(diagnostics);
        Assert.Equal("CLG2002", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.EndsWith($"Column '{column}' of Requests is required (schemas/requests.md line {(column == "Level" ? 6 : 7)}), but is set to {described}", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pragma_suppresses_a_model_diagnostic()
    {
        // The same creation without the pragma is reported (Every_missing_required_column_is_named...).
        var diagnostics = Analyze("#pragma warning disable CLG2001\n            return new Requests { Note = input };\n#pragma warning restore CLG2001");

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("return Requests.Query().AppendRawOperator(\"take 10\");")]
    [InlineData("const string Raw = \"take \" + \"10\"; return Requests.Query().AppendRawOperator(Raw);")]
    public void Constant_raw_kql_is_accepted(string body) => Assert.Empty(Analyze(body));

    [Theory]
    [InlineData("return Requests.Query().AppendRawOperator(\"where Level == '\" + input + \"'\");", "a concatenation")]
    [InlineData("return Requests.Query().AppendRawOperator(input);", "the parameter 'input'")]
    [InlineData("var text = \"take 1\"; return Requests.Query().AppendRawOperator(text);", "the variable 'text'")]
    public void Non_constant_raw_kql_is_an_injection_warning(string body, string described)
    {
        var warning = Assert.Single(Analyze(body));
        Assert.Equal("CLG3001", warning.Id);
        Assert.Contains("(" + described + ")", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return Requests.Query().InLast(TimeSpan.FromHours(1)).ToKql();")]
    [InlineData("return Requests.Query().Where(t => t.Level == input).InTimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow).Take(1).ToKql();")]
    [InlineData("return Requests.Query().Where(t => t.TimeGenerated > KqlFunctions.Ago(TimeSpan.FromDays(1))).ToKql();")]
    [InlineData("var q = Requests.Query().InLast(TimeSpan.FromHours(1)); return q.Take(1).ToKql();")]
    // A local written again holds what its last write made, which is not known here: the benefit of the doubt.
    [InlineData("var q = Requests.Query(); q = q.InLast(TimeSpan.FromHours(1)); return q.ToKql();")]
    // A query made by a helper, which may have filtered.
    [InlineData("return Recent().ToKql(); static KqlQuery<Requests.KqlColumns> Recent() => Requests.Query().InLast(TimeSpan.FromHours(1));")]
    public void Queries_with_a_time_filter_or_of_unknown_origin_pass(string body) => Assert.Empty(Analyze(body));

    [Theory]
    [InlineData("return AcsBillingUsage.Query().Where(t => t.UsageType == input).ToKql(KqlLayout.SingleLine);", "AcsBillingUsage.Query()")]
    // Through locals that hold their initializer, as the other query rules follow them.
    [InlineData("var q = AcsBillingUsage.Query(); var filtered = q.Where(t => t.UsageType == input); return filtered.ToKql();", "AcsBillingUsage.Query()")]
    public void A_query_without_a_time_filter_is_a_cost_warning(string body, string start)
    {
        var warning = Assert.Single(Analyze(body));

        Assert.Equal("CLG3002", warning.Id);
        Assert.Contains("over AcsBillingUsage", warning.GetMessage(), StringComparison.Ordinal);
        var located = warning.AdditionalLocations.Single();
        Assert.Equal(start, located.SourceTree!.GetText().ToString(located.SourceSpan));
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("warning", 1)]
    public async Task Severity_is_configurable_like_any_diagnostic(string severity, int expected)
    {
        var code = "using Contoso.CallLogs;\nnamespace User { public static class Program { public static object Run() => new AcsBillingUsage(); } }";
        var run = new GeneratorHarness(RepositorySchemaFiles.Read(), userCode: code).Run();
        // What `dotnet_diagnostic.CLG2001.severity = ...` in .editorconfig (or <NoWarn>) becomes for the compiler.
        var report = severity == "none" ? ReportDiagnostic.Suppress : ReportDiagnostic.Warn;
        var configured = run.Output.WithOptions(run.Output.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>(GeneratorHarness.SdkSuppressions) { ["CLG2001"] = report }));

        var diagnostics = await configured.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new global::CallLogGen.Analyzers.RequiredColumnsAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(expected, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}
