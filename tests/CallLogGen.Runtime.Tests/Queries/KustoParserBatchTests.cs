using CallLogGen.Kql;
using CallLogGen.Runtime.Tests.Logs;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Runtime.Tests.Queries;

/// <summary>
/// Every query of <see cref="QueryCatalog"/>, checked in one batch by Microsoft's Kusto parser against the
/// generated tables' CSL schemas: no diagnostic (including the type-family rule the parser lacks), and the result
/// columns the parser infers equal the builder's own <see cref="IKqlQuery.ResultColumns"/>.
/// </summary>
public class KustoParserBatchTests
{
    private static readonly KqlTable[] Tables =
    {
        new(AcsBillingUsage.Schema.TableName, AcsBillingUsage.Schema.ToCslSchema()),
        new(AcsCallAutomationIncomingOperations.Schema.TableName, AcsCallAutomationIncomingOperations.Schema.ToCslSchema()),
        new(EveryColumnType.Schema.TableName, EveryColumnType.Schema.ToCslSchema()),
    };

    [Fact]
    public void Every_catalogued_query_is_valid_kql_with_the_result_shape_the_builder_reports()
    {
        var queries = QueryCatalog.All;
        var checks = KustoParser.Check(Tables, queries.Select(q => new KqlQuery(q.Name, q.Query.ToKql())).ToList());

        var problems = new List<string>();
        foreach (var ((name, query), check) in queries.Zip(checks))
        {
            if (!check.IsClean)
            {
                problems.Add($"{name}: {check}\n{query.ToKql()}");
                continue;
            }

            var parsed = check.Columns?.Select(c => $"{c.Name}:{c.Type}").ToList() ?? new List<string>();
            var built = query.ResultColumns.Select(c => $"{c.Name}:{KqlTypeNames.Of(c.Type)}").ToList();
            if (!parsed.SequenceEqual(built))
            {
                problems.Add($"{name}: the parser says ({string.Join(", ", parsed)}), the builder ({string.Join(", ", built)})\n{query.ToKql()}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void The_oracle_rejects_what_it_should()
    {
        var checks = KustoParser.Check(Tables, new[]
        {
            new KqlQuery("unknown-column", "ACSBillingUsage | where NoSuchColumn == 'x'"),
            new KqlQuery("type-family", "ACSBillingUsage | where UsageType == 1"),
        });

        Assert.All(checks, c => Assert.False(c.IsClean, c.Id));
    }
}
