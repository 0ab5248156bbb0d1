using System;
using System.Collections.Generic;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Kql;

namespace CallLogGen.Azure.Query;

/// <summary>Whether a result is whole.</summary>
public enum LogAnalyticsQueryStatus
{
    /// <summary>Every row the query returns (204, no data, included).</summary>
    Success,

    /// <summary>The service returned some rows and a <c>PartialError</c>: see <see cref="LogAnalyticsQueryResult.Error"/>.</summary>
    PartialFailure,
}

/// <summary>One time window of a query the client split because the service cut its result.</summary>
public sealed class LogAnalyticsQueryWindow
{
    internal LogAnalyticsQueryWindow(DateTimeOffset start, DateTimeOffset end, int rowCount, JsonElement? statistics)
    {
        Start = start;
        End = end;
        RowCount = rowCount;
        Statistics = statistics;
    }

    /// <summary>The window's start (included).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The window's end (excluded).</summary>
    public DateTimeOffset End { get; }

    /// <summary>How many rows the window returned.</summary>
    public int RowCount { get; }

    /// <summary>The window's query statistics, when asked for.</summary>
    public JsonElement? Statistics { get; }

    /// <inheritdoc/>
    public override string ToString() => $"[{Start:O}, {End:O}): {RowCount} rows";
}

/// <summary>What a buffered query returned besides its rows.</summary>
public abstract class LogAnalyticsQueryResult
{
    private protected LogAnalyticsQueryResult(LogAnalyticsQueryStatus status, LogAnalyticsError? error, JsonElement? statistics, IReadOnlyList<LogAnalyticsQueryWindow> windows)
    {
        Status = status;
        Error = error;
        Statistics = statistics;
        Windows = windows;
    }

    /// <summary>Whether the rows are all the query returns.</summary>
    public LogAnalyticsQueryStatus Status { get; }

    /// <summary>The service's <c>PartialError</c> when <see cref="Status"/> is <see cref="LogAnalyticsQueryStatus.PartialFailure"/>.</summary>
    public LogAnalyticsError? Error { get; }

    /// <summary>The service's statistics (<see cref="LogAnalyticsQueryOptions.IncludeStatistics"/>); per window in <see cref="Windows"/> when split.</summary>
    public JsonElement? Statistics { get; }

    /// <summary>
    /// Empty unless the service cut the result at its limit and the client ran the query again in time windows:
    /// then the windows, in time order, whose rows were joined (in that order) into the result.
    /// </summary>
    public IReadOnlyList<LogAnalyticsQueryWindow> Windows { get; }

    /// <summary>True when the result was joined from <see cref="Windows"/>.</summary>
    public bool WasSplit => Windows.Count > 0;
}

/// <summary>A buffered query's rows: the model's records, or <see cref="KqlResultRow"/>s for any other shape.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class LogAnalyticsQueryResult<TRow> : LogAnalyticsQueryResult
{
    internal LogAnalyticsQueryResult(
        IReadOnlyList<TRow> rows,
        IReadOnlyList<KqlResultColumn> columns,
        LogAnalyticsQueryStatus status,
        LogAnalyticsError? error,
        JsonElement? statistics,
        IReadOnlyList<LogAnalyticsQueryWindow> windows)
        : base(status, error, statistics, windows)
    {
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The rows, in the order the service returned them (window after window when split).</summary>
    public IReadOnlyList<TRow> Rows { get; }

    /// <summary>
    /// The columns as the response declares them, for <see cref="KqlResultRow"/> results; empty for records of a model
    /// (whose columns are its <c>Schema</c>'s) and for a 204.
    /// </summary>
    public IReadOnlyList<KqlResultColumn> Columns { get; }
}
