using CallAutomationInsights.Logs;
using CallLogGen.Kql;
using static CallLogGen.Kql.KqlFunctions;

namespace CallAutomationInsights;

/// <summary>Real questions about the Call Automation tables, asked with the typed KQL builder.</summary>
public static class SampleQueries
{
    /// <summary>Every sample query, named; <paramref name="correlationId"/> is the call the per-call query looks up.</summary>
    public static IReadOnlyList<(string Name, string Kql)> All(string correlationId) => new[]
    {
        ("failed-requests-last-day", FailedRequestsLastDay().ToKql()),
        ("duration-p95-per-operation-5m", DurationPerOperation().ToKql()),
        ("requests-of-one-call", RequestsOfCall(correlationId).ToKql()),
        ("usage-per-type-per-day", UsagePerTypePerDay().ToKql()),
        ("operations-with-usage-per-call", OperationsWithUsagePerCall().ToKql()),
    };

    /// <summary>Failed Call Automation requests of the last day, by operation and result signature.</summary>
    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> FailedRequestsLastDay()
    {
        var failures = KqlLong.Column("Failures");
        return AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromDays(1))
            .Where(t => t.ResultType == "Failed")
            .Summarize(t => new KqlAggregation { failures.Is(Count()) }, by: t => new KqlProjection { t.OperationName, t.ResultSignature })
            .OrderBy(t => new KqlOrdering { failures });
    }

    /// <summary>p95 and max <c>DurationMs</c> per operation, in 5-minute bins.</summary>
    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> DurationPerOperation()
    {
        var p95 = KqlLong.Column("P95DurationMs");
        var longest = KqlInt.Column("MaxDurationMs");
        var window = KqlDateTime.Column("Window");
        return AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromDays(1))
            .Summarize(
                t => new KqlAggregation { p95.Is(Percentile(t.DurationMs, 95)), longest.Is(Max(t.DurationMs)) },
                by: t => new KqlProjection { t.OperationName, window.Is(t.TimeGenerated.Bin(TimeSpan.FromMinutes(5))) })
            .OrderBy(t => new KqlOrdering { { window, KqlSortDirection.Ascending }, { t.OperationName, KqlSortDirection.Ascending } });
    }

    /// <summary>Every request of one call, in order. The id comes from the user: the builder escapes it.</summary>
    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> RequestsOfCall(string correlationId) =>
        AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromDays(30))
            .Where(t => t.CorrelationId == correlationId)
            .Project(t => new KqlProjection { t.TimeGenerated, t.OperationName, t.SubOperationName, t.ResultType, t.ResultSignature, t.DurationMs })
            .OrderBy(t => new KqlOrdering { { t.TimeGenerated, KqlSortDirection.Ascending } });

    /// <summary>Usage quantity per usage type and unit, per day.</summary>
    public static KqlQuery<AcsBillingUsage.KqlColumns> UsagePerTypePerDay()
    {
        var total = KqlReal.Column("TotalQuantity");
        var day = KqlDateTime.Column("Day");
        return AcsBillingUsage.Query()
            .InLast(TimeSpan.FromDays(30))
            .Summarize(
                t => new KqlAggregation { total.Is(Sum(t.Quantity)) },
                by: t => new KqlProjection { t.UsageType, t.UnitType, day.Is(t.TimeGenerated.Bin(TimeSpan.FromDays(1))) })
            .OrderBy(t => new KqlOrdering { { day, KqlSortDirection.Ascending } });
    }

    /// <summary>Per call: the operations it made, joined with the usage it was billed.</summary>
    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> OperationsWithUsagePerCall()
    {
        var operations = KqlLong.Column("Operations");
        var failures = KqlLong.Column("Failures");
        var quantity = KqlReal.Column("Quantity");
        var usage = AcsBillingUsage.Query()
            .InLast(TimeSpan.FromDays(1))
            .Summarize(t => new KqlAggregation { quantity.Is(Sum(t.Quantity)) }, by: t => new KqlProjection { t.CorrelationId });
        return AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromDays(1))
            .Summarize(
                t => new KqlAggregation { operations.Is(Count()), failures.Is(CountIf(t.ResultType == "Failed")) },
                by: t => new KqlProjection { t.CorrelationId })
            .Join(KqlJoinKind.LeftOuter, usage, (calls, billed) => On(calls.CorrelationId, billed.CorrelationId))
            .OrderBy(t => new KqlOrdering { operations });
    }
}
