using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Analyzers;

/// <summary>
/// CLG2003 on user code that reads a typed query's result into a generated model, and the runtime on the very same
/// code (compiled with the generated models and run): for every chain the analyzer judges, it reports exactly when
/// <c>RequireResultColumns</c> / <c>ReadQueryResult(query, ...)</c> throws, and both name the same columns.
/// </summary>
public class QueryResultColumnsAnalyzerTests
{
    private const string Requests = """
        # Requests

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When the request arrived. |
        | Level | string | Yes | The severity. |
        | Note | string | No | Anything else. |
        """;

    // Another table whose columns match the required ones of Requests by name and type.
    private const string Mirror = """
        # Mirror

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When. |
        | Level | string | No | The severity. |
        | Extra | string | No | More. |
        """;

    // A table without a Level column.
    private const string Audit = """
        # Audit

        | Column | Type | Required | Description |
        |---|---|---|---|
        | TimeGenerated | datetime | Yes | When. |
        | Actor | string | No | Who. |
        """;

    private static GeneratorRun Run(string body, string header = "") => UserProgram.Compile(
        new[]
        {
            new SchemaInput("schemas/requests.md", Requests),
            new SchemaInput("schemas/mirror.md", Mirror),
            new SchemaInput("schemas/audit.md", Audit),
        },
        body,
        header,
        members: "private static readonly DateTimeOffset From = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);");

    private static List<Diagnostic> Clg2003(GeneratorRun run) => run.AnalyzerDiagnostics().Where(d => d.Id == "CLG2003").ToList();

    // What the code does at run time: its result, or the message of the InvalidOperationException it throws.
    private static (object? Result, string? Failure) Execute(GeneratorRun run, string input = "x") => UserProgram.Execute(run, input);

    /// <summary>Reads of a query that lacks required columns: the code, each missing column with its KQL type, and the message's reasons.</summary>
    public static TheoryData<string, string[], string> Mistakes() => new()
    {
        { "Requests.Json.RequireResultColumns(Requests.Query().InLast(TimeSpan.FromDays(1)).Project(t => new KqlProjection { t.TimeGenerated })); return 0;", new[] { "Level:string" }, "column 'Level' (dropped by Project); RequireResultColumns throws" },
        { "return Requests.Json.ReadQueryResult(Requests.Query().Distinct(t => new KqlProjection { t.Level }), Encoding.UTF8.GetBytes(input));", new[] { "TimeGenerated:datetime" }, "column 'TimeGenerated' (dropped by Distinct); ReadQueryResult throws" },
        { "Requests.Json.RequireResultColumns(Requests.Query().ProjectAway(t => new KqlProjection { t.Level, t.Note })); return 0;", new[] { "Level:string" }, "column 'Level' (dropped by ProjectAway)" },
        { "var count = KqlLong.Column(\"Count\"); Requests.Json.RequireResultColumns(Requests.Query().Summarize(t => new KqlAggregation { count.Is(KqlFunctions.Count()) }, by: t => new KqlProjection { t.Level })); return 0;", new[] { "TimeGenerated:datetime" }, "column 'TimeGenerated' (dropped by Summarize)" },
        { "var count = KqlLong.Column(\"Count\"); Requests.Json.RequireResultColumns(Requests.Query().Summarize(t => new KqlAggregation { count.Is(KqlFunctions.Count()) })); return 0;", new[] { "TimeGenerated:datetime", "Level:string" }, "columns 'TimeGenerated' (dropped by Summarize), 'Level' (dropped by Summarize)" },
        // A column of the right name and the wrong type: the runtime matches name and type.
        { "Requests.Json.RequireResultColumns(Requests.Query().Extend(t => new KqlExtension { KqlString.Column(\"TimeGenerated\").Is(t.Level) })); return 0;", new[] { "TimeGenerated:datetime" }, "column 'TimeGenerated' (Extend makes it string, not datetime)" },
        { "var n = KqlDynamic.Column(\"N\"); Requests.Json.RequireResultColumns(Requests.Query().MakeSeries(t => new KqlAggregation { n.IsSeriesOf(KqlFunctions.Count()) }, t => t.TimeGenerated, From, From.AddDays(1), TimeSpan.FromHours(1), by: t => new KqlProjection { t.Level })); return 0;", new[] { "TimeGenerated:datetime" }, "column 'TimeGenerated' (MakeSeries makes it dynamic, not datetime)" },
        // Dropped, then an Extend brings back a column of that name.
        { "Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.TimeGenerated, t.Level }).Extend(t => new KqlExtension { KqlLong.Column(\"Level\").Is(KqlLong.Value(1)) })); return 0;", new[] { "Level:string" }, "column 'Level' (Extend makes it long, not string)" },
        // Kept in locals, assigned once where declared.
        { "var query = Requests.Query().InLast(TimeSpan.FromDays(1)).Project(t => new KqlProjection { t.Level }); Requests.Json.RequireResultColumns(query); return 0;", new[] { "TimeGenerated:datetime" }, "column 'TimeGenerated' (dropped by Project)" },
        { "var recent = Requests.Query().InLast(TimeSpan.FromDays(1)); var levels = recent.Project(t => new KqlProjection { t.Level }); return Requests.Json.ReadQueryResult(levels.Take(10), Encoding.UTF8.GetBytes(input));", new[] { "TimeGenerated:datetime" }, "column 'TimeGenerated' (dropped by Project); ReadQueryResult throws" },
        // A query over another table: judged by the result's columns, as the runtime does.
        { "Requests.Json.RequireResultColumns(Audit.Query()); return 0;", new[] { "Level:string" }, "column 'Level' (Audit has no such column)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_query_that_lacks_a_required_column_is_an_error_and_throws_at_run_time(string body, string[] missing, string reasons)
    {
        var run = Run(body);

        var diagnostic = Assert.Single(Clg2003(run));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("The query's result cannot be read into Requests: it does not return the required " + reasons, diagnostic.GetMessage(), StringComparison.Ordinal);
        var located = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        Assert.Contains(located, new[] { "RequireResultColumns", "ReadQueryResult" });

        var (_, failure) = Execute(run, "{\"tables\":[]}");
        Assert.NotNull(failure);
        Assert.Contains("cannot be read into Requests", failure, StringComparison.Ordinal);
        // The runtime names exactly these columns ("... the required columns A:datetime, B:string. Keep ..."), and so does the analyzer.
        var named = System.Text.RegularExpressions.Regex.Match(failure, "the required columns? (.*?)\\. Keep").Groups[1].Value.Split(", ");
        Assert.Equal(missing, named);
        foreach (var column in missing)
        {
            Assert.Contains("'" + column.Split(':')[0] + "' (", diagnostic.GetMessage(), StringComparison.Ordinal);
        }

        Assert.Equal(missing.Length, System.Text.RegularExpressions.Regex.Matches(diagnostic.GetMessage(), "'[^']+' \\(").Count);
    }

    [Theory]
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().InLast(TimeSpan.FromDays(1)).Where(t => t.Level == input).Take(5)); return 0;")]
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.TimeGenerated, t.Level })); return 0;")]
    // A computed column named like the required one, with its type.
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.TimeGenerated, KqlString.Column(\"Level\").Is(t.Note) })); return 0;")]
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.TimeGenerated, t.Note }).Extend(t => new KqlExtension { t.Level.Is(t.Note) })); return 0;")]
    [InlineData("var count = KqlLong.Column(\"Count\"); Requests.Json.RequireResultColumns(Requests.Query().Summarize(t => new KqlAggregation { count.Is(KqlFunctions.Count()) }, by: t => new KqlProjection { t.TimeGenerated, t.Level })); return 0;")]
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().ProjectAway(t => new KqlProjection { t.Note })); return 0;")]
    // Another table whose result has the required columns, by name and type.
    [InlineData("Requests.Json.RequireResultColumns(Mirror.Query().Project(t => new KqlProjection { t.TimeGenerated, t.Level })); return 0;")]
    [InlineData("var query = Mirror.Query().InLast(TimeSpan.FromDays(1)); Requests.Json.RequireResultColumns(query); return 0;")]
    // After raw KQL the runtime does not know the columns and skips the check; so does the analyzer.
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.Note }).AppendRawOperator(\"extend Level = Note\")); return 0;")]
    public void A_query_that_returns_every_required_column_is_clean_and_passes_the_run_time_check(string body)
    {
        var run = Run(body);

        Assert.Empty(Clg2003(run));
        Assert.Null(Execute(run).Failure);
    }

    [Fact]
    public void A_clean_query_reads_the_response_into_records()
    {
        var run = Run("var query = Requests.Query().InLast(TimeSpan.FromDays(1)).Project(t => new KqlProjection { t.TimeGenerated, t.Level }); return Requests.Json.ReadQueryResult(query, Encoding.UTF8.GetBytes(input)).Count;");
        var body = """{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"Level","type":"string"}],"rows":[["2025-01-01T00:00:00Z","Error"],["2025-01-01T00:00:01Z","Info"]]}]}""";

        Assert.Empty(Clg2003(run));
        Assert.Equal(2, Execute(run, body).Result);
    }

    [Theory]
    // Reassigned local: which query it holds at the call is not followed.
    [InlineData("var query = Requests.Query(); query = query.Project(t => new KqlProjection { t.Level }); Requests.Json.RequireResultColumns(query); return 0;", true)]
    [InlineData("var query = Requests.Query(); (query, _) = (query.Project(t => new KqlProjection { t.Level }), 0); Requests.Json.RequireResultColumns(query); return 0;", true)]
    // Made by a helper.
    [InlineData("static KqlQuery<Requests.KqlColumns> Levels() => Requests.Query().Project(t => new KqlProjection { t.Level }); Requests.Json.RequireResultColumns(Levels()); return 0;", true)]
    // A column list from a delegate.
    [InlineData("Func<Requests.KqlColumns, KqlProjection> keep = t => new KqlProjection { t.Level }; Requests.Json.RequireResultColumns(Requests.Query().Project(keep)); return 0;", true)]
    // After a join the columns come from both queries.
    [InlineData("Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.Level }).Join(KqlJoinKind.Inner, Audit.Query(), (l, r) => KqlFunctions.On(l.Level, r.Actor))); return 0;", null)]
    public void Queries_it_cannot_follow_are_left_alone(string body, bool? throwsAtRunTime)
    {
        var run = Run(body);

        Assert.Empty(Clg2003(run));
        if (throwsAtRunTime is { } throws)
        {
            Assert.Equal(throws, Execute(run).Failure is not null);
        }
    }

    [Fact]
    public void Generated_code_is_not_analyzed()
    {
        var run = Run("Requests.Json.RequireResultColumns(Requests.Query().Project(t => new KqlProjection { t.TimeGenerated })); return 0;", header: "// <auto-generated/>\n");

        Assert.Empty(Clg2003(run));
        Assert.NotNull(Execute(run).Failure);
    }
}
