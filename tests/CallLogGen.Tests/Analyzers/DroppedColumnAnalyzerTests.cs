using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Analyzers;

/// <summary>
/// CLG3003 on user code over a generated table, and the runtime builder on the very same code: for every chain the
/// analyzer judges, it reports exactly when building the query throws, and both name the same column.
/// </summary>
public class DroppedColumnAnalyzerTests
{
    private const string Page = """
        # Requests

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When the request arrived. |
        | Level | string | Yes | The severity. |
        | Note | string | No | Anything else. |
        """;

    private static GeneratorRun Run(string body, string header = "")
        => UserProgram.Compile(new[] { new SchemaInput("schemas/requests.md", Page) }, body, header);

    private static List<Diagnostic> Clg3003(GeneratorRun run) => run.AnalyzerDiagnostics().Where(d => d.Id == "CLG3003").ToList();

    // What building the query does at run time: null, or the message of the exception it throws.
    private static string? RuntimeFailure(GeneratorRun run) => UserProgram.Execute(run).Failure;

    /// <summary>Chains with a dropped column: the column as written, its KQL name, the reader and the dropper.</summary>
    public static TheoryData<string, string, string, string, string> Mistakes() => new()
    {
        { "return Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }).Where(t => t.Level == input).ToKql();", "Level", "Level", "Where", "Project" },
        { "return Requests.Query().Distinct(t => new KqlProjection { t.Level }).Project(t => new KqlProjection { t.Level, t.Note }).ToKql();", "Note", "Note", "Project", "Distinct" },
        { "return Requests.Query().ProjectAway(t => new KqlProjection { t.Note }).Where(t => t.Note == input).ToKql();", "Note", "Note", "Where", "ProjectAway" },
        { "var count = KqlLong.Column(\"Count\"); return Requests.Query().Summarize(t => new KqlAggregation { count.Is(KqlFunctions.Count()) }, by: t => new KqlProjection { t.Level }).OrderBy(t => new KqlOrdering { t.TimeGenerated }).ToKql();", "TimeGenerated", "TimeGenerated", "OrderBy", "Summarize" },
        { "var count = KqlLong.Column(\"Count\"); return Requests.Query().Summarize(t => new KqlAggregation { count.Is(KqlFunctions.Count()) }).Where(t => t.Level == input).ToKql();", "Level", "Level", "Where", "Summarize" },
        { "var copy = KqlString.Column(\"Copy\"); return Requests.Query().Project(t => new KqlProjection { t.Level }).Extend(t => new KqlExtension { copy.Is(t.Note) }).ToKql();", "Note", "Note", "Extend", "Project" },
        { "return Requests.Query().Project(t => new KqlProjection { t.Level }).InLast(TimeSpan.FromDays(1)).ToKql();", "TimeGenerated", "TimeGenerated", "InLast", "Project" },
        { "return Requests.Query().Project(t => new KqlProjection { t.Level }).Where(t => t.Level == input).ProjectAway(t => new KqlProjection { t.Note }).ToKql();", "Note", "Note", "ProjectAway", "Project" },
        // Through a local that holds its initializer: the read is judged where it is written.
        { "var q = Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }); return q.Where(t => t.Level == input).ToKql();", "Level", "Level", "Where", "Project" },
        // The C# name and the KQL name differ (URI): the message uses what the code says, the runtime the KQL name.
        { "return AcsCallAutomationIncomingOperations.Query().Project(t => new KqlProjection { t.OperationName }).Where(t => t.Uri.Contains(input)).ToKql();", "Uri", "URI", "Where", "Project" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_column_read_after_it_was_dropped_is_an_error_and_throws_at_run_time(string body, string column, string kqlName, string reader, string dropper)
    {
        var run = Run(body);

        var diagnostic = Assert.Single(Clg3003(run));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith($"{reader} reads column '{column}', which the {dropper} before it in this query dropped", diagnostic.GetMessage(), StringComparison.Ordinal);
        var located = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        Assert.Equal(reader == "InLast" ? "InLast" : "t." + column, located);

        var failure = RuntimeFailure(run);
        Assert.NotNull(failure);
        Assert.Contains($"'{kqlName}'", failure, StringComparison.Ordinal);
    }

    [Theory]
    // The column is kept.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { t.TimeGenerated, t.Level }).Where(t => t.Level == input).InLast(TimeSpan.FromDays(1)).ToKql();")]
    // Read before the operator that drops it.
    [InlineData("return Requests.Query().Where(t => t.Note == input).Project(t => new KqlProjection { t.Level }).ToKql();")]
    // A renamed column used under its new name.
    [InlineData("var severity = KqlString.Column(\"Severity\"); return Requests.Query().Project(t => new KqlProjection { severity.Is(t.Level) }).Where(t => severity == input).ToKql();")]
    // A computed column named like the dropped one, then read through t: the query has that column again.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { t.Level.Is(t.Note) }).Where(t => t.Level == input).ToKql();")]
    [InlineData("return Requests.Query().Project(t => new KqlProjection { KqlString.Column(\"Level\").Is(t.Note) }).Where(t => t.Level == input).ToKql();")]
    // Extend brings a dropped column back; Summarize keeps its groups.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { t.Note }).Extend(t => new KqlExtension { t.Level.Is(t.Note) }).Where(t => t.Level == input).ToKql();")]
    [InlineData("var count = KqlLong.Column(\"Count\"); return Requests.Query().Summarize(t => new KqlAggregation { count.Is(KqlFunctions.Count()) }, by: t => new KqlProjection { t.Level }).Where(t => t.Level == input).OrderBy(t => new KqlOrdering { count }).ToKql();")]
    // A join's right side and its key are the right query's columns, not this one's.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { t.Level }).Join(KqlJoinKind.Inner, Requests.Query().Where(t => t.Note == input), (l, r) => KqlFunctions.On(l.Level, r.Note)).ToKql();")]
    // After raw KQL the builder stops checking, and so does the analyzer.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { t.Note }).AppendRawOperator(\"extend Level = Note\").Where(t => t.Level == input).ToKql();")]
    public void A_query_that_has_the_column_it_reads_is_clean_and_builds(string body)
    {
        var run = Run(body);

        Assert.Empty(Clg3003(run));
        Assert.Null(RuntimeFailure(run));
    }

    [Theory]
    // A query in a local written again: what it holds where it is read is not known here.
    [InlineData("var q = Requests.Query(); q = q.Project(t => new KqlProjection { t.TimeGenerated }); return q.Where(t => t.Level == input).ToKql();", true)]
    // Column list from a delegate: what it keeps is not known here.
    [InlineData("Func<Requests.KqlColumns, KqlProjection> keep = t => new KqlProjection { t.TimeGenerated }; return Requests.Query().Project(keep).Where(t => t.Level == input).ToKql();", true)]
    // A column named from text that is not a literal.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { KqlString.Column(input).Is(t.Note) }).Where(t => t.Level == input).ToKql();", true)]
    // A local column handle assigned twice.
    [InlineData("var name = KqlString.Column(\"Level\"); name = KqlString.Column(\"Other\"); return Requests.Query().Project(t => new KqlProjection { name.Is(t.Note) }).Where(t => t.Level == input).ToKql();", true)]
    // After a join the columns come from both queries: here the right one brings Level back, so the query builds.
    [InlineData("return Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }).Join(KqlJoinKind.Inner, Requests.Query(), (l, r) => KqlFunctions.On(l.TimeGenerated, r.TimeGenerated)).Where(t => t.Level == input).ToKql();", false)]
    public void Chains_it_cannot_judge_are_left_alone(string body, bool throwsAtRunTime)
    {
        // Whether these throw depends on what the analyzer cannot see (a variable's query, a delegate, a run-time
        // name, a joined query), so it says nothing rather than guess.
        var run = Run(body);

        Assert.Empty(Clg3003(run));
        Assert.Equal(throwsAtRunTime, RuntimeFailure(run) is not null);
    }

    [Fact]
    public void Each_read_of_a_dropped_column_is_reported_where_it_is()
    {
        var run = Run("return Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }).Where(t => t.Level == input || t.Note == input).OrderBy(t => new KqlOrdering { t.Level }).ToKql();");

        var found = Clg3003(run).Select(d => (d.GetMessage().Split(' ')[0], d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))).ToList();
        Assert.Equal(new[] { ("Where", "t.Level"), ("Where", "t.Note"), ("OrderBy", "t.Level") }, found);
    }

    [Fact]
    public void A_read_in_a_local_s_chain_is_reported_once_however_often_the_local_is_read()
    {
        var run = Run("var q = Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }).Where(t => t.Level == input); return q.Take(1).ToKql() + q.Take(2).ToKql();");

        var diagnostic = Assert.Single(Clg3003(run));
        Assert.Equal("t.Level", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void Generated_code_is_not_analyzed()
    {
        // The same mistake as the first of Mistakes(), in a file marked as generated.
        var run = Run("return Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }).Where(t => t.Level == input).ToKql();", header: "// <auto-generated/>\n");

        Assert.Empty(Clg3003(run));
        Assert.NotNull(RuntimeFailure(run));
    }
}
