using CallLogGen.Kql;
using CallLogGen.Runtime.Tests.Logs;
using static CallLogGen.Kql.KqlFunctions;

namespace CallLogGen.Runtime.Tests.Queries;

/// <summary>
/// Every query the builder tests build, in one place, so that <see cref="KustoParserBatchTests"/> checks each of
/// them against Microsoft's Kusto parser: a query a test asserts on is a query the parser has accepted.
/// </summary>
public static class QueryCatalog
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<(string Name, IKqlQuery Query)> All => new (string, IKqlQuery)[]
    {
        (nameof(FailedPlaysAndRecognizes), FailedPlaysAndRecognizes()),
        (nameof(DurationPerOperation), DurationPerOperation()),
        (nameof(OperationsJoinedWithUsage), OperationsJoinedWithUsage()),
        (nameof(WarningsAndErrorsButNotPlays), WarningsAndErrorsButNotPlays()),
        (nameof(DurationArithmetic), DurationArithmetic()),
        (nameof(HostileCorrelationId), HostileCorrelationId()),
        (nameof(EmptyInList), EmptyInList()),
        (nameof(EmptyNotInList), EmptyNotInList()),
        (nameof(FailuresUnionUsage), FailuresUnionUsage()),
        (nameof(RequestSeries), RequestSeries()),
        (nameof(EveryStringOperator), EveryStringOperator()),
        (nameof(NumbersDatesAndAggregates), NumbersDatesAndAggregates()),
        (nameof(ProjectAwayDistinctTop), ProjectAwayDistinctTop()),
        (nameof(SlowestRequestPerOperation), SlowestRequestPerOperation()),
        (nameof(DurationPercentiles), DurationPercentiles()),
        (nameof(EveryOtherType), EveryOtherType()),
        (nameof(EveryOtherTypeSummarized), EveryOtherTypeSummarized()),
    };

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> FailedPlaysAndRecognizes() =>
        AcsCallAutomationIncomingOperations.Query()
            .InTimeRange(Start, Start.AddDays(1))
            .Where(t => t.ResultType != "Succeeded" && t.OperationName.In("Play", "Recognize"))
            .Take(100);

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> DurationPerOperation()
    {
        var p95 = KqlLong.Column("P95");
        var longest = KqlInt.Column("Longest");
        var window = KqlDateTime.Column("Window");
        return AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromDays(1))
            .Summarize(
                t => new KqlAggregation { p95.Is(Percentile(t.DurationMs, 95)), longest.Is(Max(t.DurationMs)) },
                by: t => new KqlProjection { t.OperationName, window.Is(t.TimeGenerated.Bin(TimeSpan.FromMinutes(5))) })
            .OrderBy(t => new KqlOrdering { { window, KqlSortDirection.Ascending } });
    }

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> OperationsJoinedWithUsage()
    {
        var usage = AcsBillingUsage.Query().Project(t => new KqlProjection { t.CorrelationId, t.Quantity });
        return AcsCallAutomationIncomingOperations.Query()
            .Project(t => new KqlProjection { t.CorrelationId, t.OperationName })
            .Join(KqlJoinKind.Inner, usage, (l, r) => On(l.CorrelationId, r.CorrelationId));
    }

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> WarningsAndErrorsButNotPlays() =>
        AcsCallAutomationIncomingOperations.Query()
            .Where(t => (t.Level == "Error" || t.Level == "Warning") && !(t.OperationName == "Play"));

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> DurationArithmetic()
    {
        var seconds = KqlLong.Column("Seconds");
        return AcsCallAutomationIncomingOperations.Query()
            .Extend(t => new KqlExtension { seconds.Is((t.DurationMs + 500) / 1000) })
            .Where(t => t.DurationMs - (t.DurationMs - 1) > 0);
    }

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> HostileCorrelationId() =>
        AcsCallAutomationIncomingOperations.Query().Where(t => t.CorrelationId == "x' | take 1 //");

    public static KqlQuery<AcsBillingUsage.KqlColumns> EmptyInList() => AcsBillingUsage.Query().Where(t => t.UsageType.In());

    public static KqlQuery<AcsBillingUsage.KqlColumns> EmptyNotInList() => AcsBillingUsage.Query().Where(t => t.UsageType.NotIn(Array.Empty<string>()));

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> FailuresUnionUsage()
    {
        var failed = AcsCallAutomationIncomingOperations.Query().Where(t => t.ResultType == "Failed").Project(t => new KqlProjection { t.CorrelationId, t.TimeGenerated });
        var usage = AcsBillingUsage.Query().Project(t => new KqlProjection { t.CorrelationId, t.Quantity });
        return failed.Union(usage);
    }

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> RequestSeries()
    {
        var requests = KqlDynamic.Column("Requests");
        return AcsCallAutomationIncomingOperations.Query()
            .MakeSeries(t => new KqlAggregation { requests.IsSeriesOf(Count()) }, t => t.TimeGenerated, Start, Start.AddDays(1), TimeSpan.FromHours(1), by: t => new KqlProjection { t.OperationName })
            .Render(KqlChart.TimeChart);
    }

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> EveryStringOperator() =>
        AcsCallAutomationIncomingOperations.Query()
            .Where(t => t.OperationName.EqualsIgnoreCase("play") && t.OperationName.NotEqualsIgnoreCase("x"))
            .Where(t => t.Uri.Has("calling") && t.Uri.NotHas("chat") && t.Uri.HasCaseSensitive("callConnections"))
            .Where(t => t.Uri.Contains("conn") && t.Uri.NotContains("xyz") && t.Uri.ContainsCaseSensitive("Conn"))
            .Where(t => t.Uri.StartsWith("https://") && t.Uri.EndsWith(":play") && t.Uri.MatchesRegex(@"^https://[a-z.]+/"))
            .Where(t => t.Level.InIgnoreCase("error", "warning") && t.SdkType.HasAny("dotnet", "java") && t.Level.NotIn("Verbose"))
            .Where(t => t.CallConnectionId.IsNotEmpty() && !t.SubOperationName.IsEmpty() && t.ServerCallId.IsNotNull())
            .Where(t => t.OperationName.ToLower() == "play" && t.OperationName.Length() > 2L);

    public static KqlQuery<AcsBillingUsage.KqlColumns> NumbersDatesAndAggregates()
    {
        var total = KqlReal.Column("Total");
        var calls = KqlLong.Column("Calls");
        var average = KqlReal.Column("Average");
        var first = KqlDateTime.Column("First");
        var participants = KqlDynamic.Column("Participants");
        var day = KqlDateTime.Column("Day");
        return AcsBillingUsage.Query()
            .Where(t => t.Quantity.Between(0.5, 1e6) && t.Quantity != 0.0 && t.Quantity.In(1.0, 2.5))
            .Where(t => t.StartTime < t.EndTime && t.EndTime - t.StartTime > TimeSpan.FromSeconds(1) && t.StartTime >= KqlFunctions.Ago(TimeSpan.FromDays(7)))
            .Where(t => t.TimeGenerated.Between(Start, Start.AddHours(12)) && t.TimeGenerated.StartOfDay() == Start && t.TimeGenerated + TimeSpan.FromHours(1) < Now())
            .Summarize(
                t => new KqlAggregation
                {
                    total.Is(Sum(t.Quantity)),
                    calls.Is(DCount(t.CorrelationId)),
                    average.Is(Avg(t.Quantity)),
                    first.Is(Min(t.StartTime)),
                    participants.Is(MakeSet(t.ParticipantId)),
                    KqlReal.Column("MedianQuantity").Is(Percentile(t.Quantity, 50)),
                    KqlDateTime.Column("P90Start").Is(Percentile(t.StartTime, 90)),
                    KqlDynamic.Column("Records").Is(MakeList(t.RecordId)),
                    KqlString.Column("AnyUnit").Is(TakeAny(t.UnitType)),
                    KqlLong.Column("Large").Is(CountIf(t.Quantity > 100.0)),
                },
                by: t => new KqlProjection { t.UsageType, day.Is(t.TimeGenerated.Bin(TimeSpan.FromDays(1))) })
            .Where(t => total > 10.0 && calls >= 2L)
            .OrderBy(t => new KqlOrdering { { total, KqlSortDirection.Descending, KqlNullsOrder.Last }, { day, KqlSortDirection.Ascending, KqlNullsOrder.First } });
    }

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> ProjectAwayDistinctTop() =>
        AcsCallAutomationIncomingOperations.Query()
            .ProjectAway(t => new KqlProjection { t.CallerIpAddress, t.Uri })
            .Distinct(t => new KqlProjection { t.OperationName, t.ResultSignature, t.DurationMs })
            .Top(10, t => new KqlOrdering { t.DurationMs });

    public static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> SlowestRequestPerOperation() =>
        AcsCallAutomationIncomingOperations.Query()
            .Summarize(
                t => new KqlAggregation { ArgMax(t.DurationMs, t.CorrelationId, t.OperationName), ArgMin(t.TimeGenerated, t.Level) },
                by: t => new KqlProjection { t.OperationName });

    public static KqlQuery<AcsBillingUsage.KqlColumns> DurationPercentiles() =>
        AcsBillingUsage.Query()
            .Summarize(t => new KqlAggregation { Percentiles(t.Quantity, 50, 95, 99.9) }, by: t => new KqlProjection { t.UsageType });

    public static KqlQuery<EveryColumnType.KqlColumns> EveryOtherType() =>
        EveryColumnType.Query()
            .Where(t => t.IsRetry == true && t.IsRetry.In(true, false) && !t.IsRetry)
            .Where(t => t.Elapsed > TimeSpan.FromMilliseconds(1.5) && t.Elapsed.Between(TimeSpan.Zero, TimeSpan.FromDays(1)) && t.Elapsed != TimeSpan.FromTicks(-1))
            .Where(t => t.RequestId == new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") && t.RequestId.NotIn(Guid.Empty))
            .Where(t => t.Amount >= 10.25m && t.Amount.Between(-1m, 1e20m) && t.Ratio < double.PositiveInfinity && t.Ratio != double.NaN)
            .Where(t => t.Count.In(1L, long.MaxValue, long.MinValue) && t.Size.Between(int.MinValue, int.MaxValue))
            .Where(t => t.Properties["user"]["name"].AsString() == "ada" && t.Properties["tries"].AsLong() > 2 && t.Properties["ok"].AsBool() == true)
            .Where(t => t.Properties["at"].AsDateTime() < t.TimeGenerated && t.Properties["id"].AsGuid() == t.RequestId && t.Properties["list"].ArrayLength() > 0L)
            .Where(t => t.Properties.IsNotNull() && t.Name.IsNotNull() && t.Count.IsNull() == false)
            .Extend(t => new KqlExtension
            {
                KqlReal.Column("Scaled").Is(t.Ratio * 2.5 + t.Count),
                KqlDecimal.Column("Doubled").Is(t.Amount * 2m),
                KqlDateTime.Column("Later").Is(t.TimeGenerated + TimeSpan.FromHours(1)),
                KqlTimeSpan.Column("Age").Is(Now() - t.TimeGenerated),
                KqlReal.Column("Weighted").Is(t.Size + t.Ratio),
            });

    public static KqlQuery<EveryColumnType.KqlColumns> EveryOtherTypeSummarized() =>
        EveryColumnType.Query()
            .Summarize(
                t => new KqlAggregation
                {
                    KqlDecimal.Column("TotalAmount").Is(Sum(t.Amount)),
                    KqlLong.Column("TotalSize").Is(Sum(t.Size)),
                    KqlLong.Column("TotalCount").Is(Sum(t.Count)),
                    KqlTimeSpan.Column("Longest").Is(Max(t.Elapsed)),
                    KqlBool.Column("AnyRetry").Is(Max(t.IsRetry)),
                    KqlGuid.Column("SomeRequest").Is(TakeAny(t.RequestId)),
                    KqlLong.Column("Retries").Is(CountIf(t.IsRetry)),
                    KqlLong.Column("P50Size").Is(Percentile(t.Size, 50)),
                },
                by: t => new KqlProjection { t.Name, KqlDateTime.Column("Day").Is(t.TimeGenerated.StartOfDay()) });
}
