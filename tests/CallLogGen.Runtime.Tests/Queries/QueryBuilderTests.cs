using CallLogGen.Kql;
using CallLogGen.Runtime.Tests.Logs;

// These tests check what the builder renders and refuses, not how much a query scans: CLG3002 (no time filter) is
// beside the point here. The query rules follow queries kept in locals, as these tests keep them.
#pragma warning disable CLG3002

namespace CallLogGen.Runtime.Tests.Queries;

public class QueryBuilderTests
{
    private static readonly DateTimeOffset Start = QueryCatalog.Start;

    [Fact]
    public void A_filtered_query_renders_one_operator_per_line()
    {
        var query = QueryCatalog.FailedPlaysAndRecognizes();

        Assert.Equal(
            "ACSCallAutomationIncomingOperations\n" +
            "| where TimeGenerated >= datetime(2026-11-24T00:00:00.0000000Z) and TimeGenerated < datetime(2026-11-25T00:00:00.0000000Z)\n" +
            "| where ResultType != 'Succeeded' and OperationName in ('Play', 'Recognize')\n" +
            "| take 100",
            query.ToKql());
        Assert.Equal(23, query.ResultColumns.Count);
    }

    [Fact]
    public void Summarize_by_bin_gives_the_result_shape()
    {
        var query = QueryCatalog.DurationPerOperation();

        Assert.Equal(
            "ACSCallAutomationIncomingOperations | where TimeGenerated > ago(time(1.00:00:00)) | summarize P95 = percentile(DurationMs, 95.0), Longest = max(DurationMs) by OperationName, Window = bin(TimeGenerated, time(00:05:00)) | order by Window asc",
            query.ToKql(KqlLayout.SingleLine));
        Assert.Equal(
            new[] { new KqlResultColumn("OperationName", KqlType.String), new KqlResultColumn("Window", KqlType.DateTime), new KqlResultColumn("P95", KqlType.Long), new KqlResultColumn("Longest", KqlType.Int) },
            query.ResultColumns);
    }

    [Fact]
    public void A_column_that_a_project_dropped_cannot_be_used_later()
    {
        var query = AcsCallAutomationIncomingOperations.Query().Project(t => new KqlProjection { t.OperationName });

#pragma warning disable CLG3003 // The mistake CLG3003 reports at build time, on purpose: the builder must refuse it too.
        var error = Assert.Throws<InvalidOperationException>(() => query.Where(t => t.Level == "Error"));
#pragma warning restore CLG3003
        Assert.Contains("'Level'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Joins_always_write_their_kind_and_number_clashing_right_columns()
    {
        var query = QueryCatalog.OperationsJoinedWithUsage();

        Assert.EndsWith("| join kind=inner (ACSBillingUsage | project CorrelationId, Quantity) on CorrelationId", query.ToKql(), StringComparison.Ordinal);
        Assert.Equal(new[] { "CorrelationId", "OperationName", "CorrelationId1", "Quantity" }, query.ResultColumns.Select(c => c.Name));
    }

    [Fact]
    public void Queries_are_immutable_and_can_be_shared()
    {
        var failures = AcsCallAutomationIncomingOperations.Query().Where(t => t.ResultType == "Failed");
        var plays = failures.Where(t => t.OperationName == "Play");
        var recognizes = failures.Where(t => t.OperationName == "Recognize");

        Assert.DoesNotContain("Play", recognizes.ToKql(), StringComparison.Ordinal);
        Assert.DoesNotContain("Recognize", plays.ToKql(), StringComparison.Ordinal);
        Assert.Equal(2, failures.ToKql().Split('\n').Length);
    }

    [Fact]
    public void Aggregations_are_refused_outside_summarize_and_plain_values_inside_it()
    {
        var count = KqlLong.Column("Count");
        Assert.Throws<ArgumentException>(() => AcsBillingUsage.Query().Extend(t => new KqlExtension { count.Is(KqlFunctions.Count()) }));
        Assert.Throws<ArgumentException>(() => AcsBillingUsage.Query().Summarize(t => new KqlAggregation { count.Is(KqlLong.Value(1)) }));
    }

    [Fact]
    public void Boolean_logic_keeps_its_grouping()
    {
        var query = QueryCatalog.WarningsAndErrorsButNotPlays();

        Assert.EndsWith("| where (Level == 'Error' or Level == 'Warning') and not(OperationName == 'Play')", query.ToKql(), StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_keeps_its_grouping()
    {
        var query = QueryCatalog.DurationArithmetic();

        Assert.Contains("| extend Seconds = (DurationMs + int(500)) / 1000", query.ToKql(), StringComparison.Ordinal);
        Assert.Contains("| where DurationMs - (DurationMs - int(1)) > 0", query.ToKql(), StringComparison.Ordinal);
        Assert.Equal(new KqlResultColumn("Seconds", KqlType.Long), query.ResultColumns[^1]);
    }

    [Fact]
    public void Hostile_values_stay_inside_their_literal()
    {
        var query = QueryCatalog.HostileCorrelationId();

        Assert.EndsWith(@"| where CorrelationId == 'x\' | take 1 //'", query.ToKql(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_in_lists_are_constant_rather_than_invalid()
    {
        Assert.EndsWith("| where false", QueryCatalog.EmptyInList().ToKql(), StringComparison.Ordinal);
        Assert.EndsWith("| where true", QueryCatalog.EmptyNotInList().ToKql(), StringComparison.Ordinal);
    }

    [Fact]
    public void Time_ranges_are_half_open_and_checked()
    {
        Assert.Throws<ArgumentException>(() => AcsBillingUsage.Query().InTimeRange(Start, Start.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AcsBillingUsage.Query().InLast(TimeSpan.Zero));
        var dropped = AcsBillingUsage.Query().Project(t => new KqlProjection { t.Quantity });
#pragma warning disable CLG3003 // The mistake CLG3003 reports at build time, on purpose: the builder must refuse it too.
        Assert.Throws<InvalidOperationException>(() => dropped.InLast(TimeSpan.FromHours(1)));
#pragma warning restore CLG3003
    }

    [Fact]
    public void A_raw_operator_is_appended_verbatim_and_ends_shape_tracking()
    {
        var query = AcsBillingUsage.Query().AppendRawOperator("  extend X = 1 ").Take(1);

        Assert.EndsWith("| extend X = 1\n| take 1", query.ToKql(), StringComparison.Ordinal);
        Assert.False(query.IsShapeKnown);
        Assert.Empty(query.ResultColumns);
    }

    [Fact]
    public void Union_matches_columns_by_name_and_refuses_type_clashes()
    {
        var failed = AcsCallAutomationIncomingOperations.Query().Where(t => t.ResultType == "Failed").Project(t => new KqlProjection { t.CorrelationId, t.TimeGenerated });
        var union = QueryCatalog.FailuresUnionUsage();
        Assert.EndsWith("| union (ACSBillingUsage | project CorrelationId, Quantity)", union.ToKql(), StringComparison.Ordinal);
        Assert.Equal(new[] { "CorrelationId", "TimeGenerated", "Quantity" }, union.ResultColumns.Select(c => c.Name));

        var clash = AcsBillingUsage.Query().Project(t => new KqlProjection { KqlReal.Column("TimeGenerated").Is(t.Quantity) });
        Assert.Throws<ArgumentException>(() => failed.Union(clash));
    }

    [Fact]
    public void Make_series_gives_dynamic_arrays_per_group()
    {
        var query = QueryCatalog.RequestSeries();

        Assert.Contains("| make-series Requests = count() on TimeGenerated from datetime(2026-11-24T00:00:00.0000000Z) to datetime(2026-11-25T00:00:00.0000000Z) step ", query.ToKql(), StringComparison.Ordinal);
        Assert.EndsWith(" by OperationName\n| render timechart", query.ToKql(), StringComparison.Ordinal);
        Assert.Equal(
            new[] { new KqlResultColumn("OperationName", KqlType.String), new KqlResultColumn("Requests", KqlType.Dynamic), new KqlResultColumn("TimeGenerated", KqlType.Dynamic) },
            query.ResultColumns);
    }
}
