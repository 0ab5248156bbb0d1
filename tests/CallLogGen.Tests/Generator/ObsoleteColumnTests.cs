using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Generator;

/// <summary>
/// Table options mark a column obsolete: the user's code that uses its property or query column gets CS0618 with the
/// reason and replacement, while the generated code compiles without a warning and still reads and writes the column.
/// </summary>
public class ObsoleteColumnTests
{
    private const string Page = "# ContosoUsage\n\n| Column | Type | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| ParticipantId | string | Who. |\n| CorrelationId | string | The call. |\n| Quantity | int | How much. |\n";

    private static string Options(string entry) =>
        "{\"tables\": [{\"tableName\": \"ContosoUsage\", \"columns\": [\n  " + entry + "\n]}]}";

    private const string UserCode = """
        using CallLogGen.Kql;
        using Contoso.CallLogs;
        namespace User
        {
            public static class Program
            {
                public static string Run()
                {
                    var records = ContosoUsage.Json.ReadExport("{\"time\": \"2024-05-01T00:00:00Z\", \"properties\": {\"ParticipantId\": \"p-1\", \"Quantity\": \"7\"}}");
                    var query = ContosoUsage.Query().Where(t => t.ParticipantId == "p-1").Take(1).ToKql();
                    var quantity = records[0].Quantity;
                    return records[0].ParticipantId + "|" + quantity + "|" + query;
                }
            }
        }
        """;

    [Fact]
    public void Code_that_uses_an_obsolete_column_gets_CS0618_and_the_generated_code_gets_nothing()
    {
        var run = new GeneratorHarness(
            new[] { new SchemaInput("schemas/page.md", Page), new SchemaInput("schemas/options.json", Options("{\"column\": \"ParticipantId\", \"obsolete\": {\"reason\": \"Billed per call now.\", \"replacement\": \"CorrelationId\"}}")) },
            UserCode).Run();

        Assert.Empty(run.Warnings);
        var source = run.Sources.Single(s => s.Key.Contains("ContosoUsage", StringComparison.Ordinal)).Value;
        Assert.Equal(2, CountOf(source, "[global::System.Obsolete(\"Billed per call now; use CorrelationId instead.\")]"));
        Assert.Contains("#pragma warning disable CS0618", source, StringComparison.Ordinal);

        var problems = run.CompilationProblems();
        Assert.All(problems, p => Assert.Equal("User.cs", p.Location.SourceTree?.FilePath));
        var obsolete = problems.Where(p => p.Id == "CS0618").ToList();
        Assert.Equal(problems.Count, obsolete.Count);
        Assert.Equal(new[] { 10, 12 }, obsolete.Select(p => p.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(obsolete, p => Assert.Contains("'Billed per call now; use CorrelationId instead.'", p.GetMessage(), StringComparison.Ordinal));
        Assert.All(obsolete, p => Assert.Equal(DiagnosticSeverity.Warning, p.Severity));

        // The generated reader still reads the column, and the query still names it.
        var result = (string)run.LoadAssembly().GetType("User.Program")!.GetMethod("Run")!.Invoke(null, null)!;
        Assert.StartsWith("p-1|7|ContosoUsage", result, StringComparison.Ordinal);
        Assert.Contains("ParticipantId == 'p-1'", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_obsolete_column_the_generated_code_has_no_pragma()
    {
        var run = GeneratorHarness.ForFiles(("schemas/page.md", Page)).Run();

        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("CS0618", StringComparison.Ordinal) || s.Contains("Obsolete", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_column_cannot_be_obsolete()
    {
        var run = GeneratorHarness.ForFiles(
            ("schemas/page.md", Page),
            ("schemas/options.json", Options("{\"column\": \"Quantity\", \"required\": true, \"obsolete\": {\"reason\": \"Unused.\"}}"))).Run();

        var error = Assert.Single(run.WithId("CLG1033"));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.StartsWith("schemas/options.json(2,56): column 'Quantity' of table 'ContosoUsage' is required", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("Obsolete(", StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
