using CallLogGen.Azure.Tests.Query.Loopback;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>Operational log rows of the Call Automation table, as the stand-in serves them.</summary>
public sealed record OperationRow(DateTimeOffset TimeGenerated, string OperationName, string CorrelationId, string ResultType, int DurationMs);

/// <summary>Test data for the query tests: rows spread over a day, and their wire form.</summary>
public static class QueryData
{
    public static readonly DateTimeOffset DayStart = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset DayEnd = DayStart.AddDays(1);

    private static readonly string[] Operations = { "Answer", "Play", "Recognize", "Transfer", "Hangup" };

    /// <summary>
    /// <paramref name="count"/> rows, in time order, spread over the day; one sits exactly on the day's midpoint,
    /// where a split puts a window boundary, to catch a row counted twice or lost there.
    /// </summary>
    public static List<OperationRow> Day(int count)
    {
        var rows = new List<OperationRow>();
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(1).Ticks / (count + 1));
        for (var i = 0; i < count; i++)
        {
            var time = DayStart + step * (i + 1) + TimeSpan.FromMilliseconds(7);
            rows.Add(new OperationRow(time, Operations[i % Operations.Length], "call-" + (i / 5).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), i % 7 == 0 ? "Failed" : "Succeeded", 10 + i));
        }

        var middle = count / 2;
        rows[middle] = rows[middle] with { TimeGenerated = DayStart.AddHours(12) };
        rows.Sort((a, b) => a.TimeGenerated.CompareTo(b.TimeGenerated));
        return rows;
    }

    public static readonly ApiColumn[] OperationColumns =
    {
        new("TimeGenerated", "datetime"), new("OperationName", "string"), new("CorrelationId", "string"), new("ResultType", "string"), new("DurationMs", "int"),
    };

    public static string[] Cells(OperationRow row) =>
        new[] { Cell(row.TimeGenerated), Cell(row.OperationName), Cell(row.CorrelationId), Cell(row.ResultType), Cell(row.DurationMs) };
}
