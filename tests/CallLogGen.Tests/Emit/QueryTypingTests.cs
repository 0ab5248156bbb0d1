using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Emit;

/// <summary>
/// The typed query API against the generated seed tables, compiled: mistakes that would be run-time KQL errors
/// elsewhere do not compile here.
/// </summary>
public class QueryTypingTests
{
    private static IReadOnlyList<Diagnostic> Compile(string body)
    {
        var code = $$"""
            using System;
            using CallLogGen.Kql;
            using Contoso.CallLogs;
            using static CallLogGen.Kql.KqlFunctions;

            namespace User
            {
                public static class Program
                {
                    public static string Build()
                    {
                        {{body}}
                    }
                }
            }
            """;
        var run = new GeneratorHarness(RepositorySchemaFiles.Read(), userCode: code).Run();
        return run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Fact]
    public void Correct_queries_compile()
    {
        var errors = Compile("""
            var failures = KqlLong.Column("Failures");
            return AcsCallAutomationIncomingOperations.Query()
                .InLast(TimeSpan.FromDays(1))
                .Where(t => t.ResultType == "Failed" && t.DurationMs > 100 && t.TimeGenerated > Ago(TimeSpan.FromHours(1)))
                .Summarize(t => new KqlAggregation { failures.Is(Count()) }, by: t => new KqlProjection { t.OperationName })
                .Join(KqlJoinKind.Inner, AcsBillingUsage.Query(), (l, r) => On(l.OperationName, r.OperationName))
                .ToKql();
            """);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.DurationMs == \"slow\").ToKql();", "CS0019")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.OperationName == 5).ToKql();", "CS0019")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.TimeGenerated > \"yesterday\").ToKql();", "CS0019")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.DurationMs.Contains(\"1\")).ToKql();", "CS1929")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.OperationName > \"A\").ToKql();", "CS0019")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.Misspelt == \"x\").ToKql();", "CS1061")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Where(t => t.OperationName == null).ToKql();", "CS0034")]
    [InlineData("return AcsCallAutomationIncomingOperations.Query().Join(KqlJoinKind.Inner, AcsBillingUsage.Query(), (l, r) => On(l.DurationMs, r.CorrelationId)).ToKql();", "CS0411")]
    [InlineData("var n = KqlLong.Column(\"N\"); return AcsBillingUsage.Query().Summarize(t => new KqlAggregation { n.Is(Avg(t.Quantity)) }).ToKql();", "CS1929")]
    [InlineData("return AcsBillingUsage.Query().Where(t => Count()).ToKql();", "CS1662")]
    public void Mistakes_do_not_compile(string body, string expectedError)
    {
        var errors = Compile(body);

        Assert.Contains(errors, e => e.Id == expectedError);
    }
}
