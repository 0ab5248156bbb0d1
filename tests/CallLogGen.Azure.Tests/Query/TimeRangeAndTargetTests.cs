using CallLogGen.Azure.Query;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>The request's path and timespan, as the query API reference writes them (request-format.md).</summary>
public class TimeRangeAndTargetTests
{
    [Theory]
    [InlineData(90, "PT1H30M")]
    [InlineData(60 * 24, "P1D")]
    [InlineData(60 * 24 * 30, "P30D")]
    public void A_duration_is_an_iso_8601_duration(int minutes, string iso) =>
        Assert.Equal(iso, LogAnalyticsTimeRange.Last(TimeSpan.FromMinutes(minutes)).ToIsoString());

    [Fact]
    public void A_range_is_start_and_end_in_utc_to_the_tick()
    {
        var start = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(2)).AddTicks(1);
        var range = LogAnalyticsTimeRange.Between(start, start.AddHours(1));

        Assert.Equal("2026-11-25T07:30:00.0000001Z/2026-11-25T08:30:00.0000001Z", range.ToIsoString());
        Assert.Null(LogAnalyticsTimeRange.All.ToIsoString());
        Assert.Throws<ArgumentException>(() => LogAnalyticsTimeRange.Between(start, start));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogAnalyticsTimeRange.Last(TimeSpan.Zero));
    }

    [Fact]
    public void Targets_escape_each_path_segment()
    {
        var resource = LogAnalyticsTarget.Resource("/subscriptions/s/resourceGroups/my group/providers/Microsoft.Communication/CommunicationServices/contoso/");

        Assert.Equal("v1/subscriptions/s/resourceGroups/my%20group/providers/Microsoft.Communication/CommunicationServices/contoso/query", resource.Path);
        Assert.Equal("v1/workspaces/a%2Fb/query", LogAnalyticsTarget.Workspace(" a/b ").Path);
        Assert.Throws<ArgumentException>(() => LogAnalyticsTarget.Resource("subscriptions/s"));
        Assert.Throws<ArgumentException>(() => LogAnalyticsTarget.Workspace(" "));
    }
}
