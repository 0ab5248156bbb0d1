using System;
using CallLogGen.Json;

namespace CallLogGen.Azure.Query;

/// <summary>Options of one query.</summary>
public sealed class LogAnalyticsQueryOptions
{
    /// <summary>The service's limit on <see cref="ServerTimeout"/>: 10 minutes.</summary>
    public static TimeSpan MaxServerTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the service may run the query before it answers 504, sent as <c>Prefer: wait=&lt;seconds&gt;</c>:
    /// 3 minutes (the service's default) unless set, at most 10 minutes. The client waits this long plus
    /// <see cref="LogAnalyticsQueryClientOptions.NetworkTimeoutMargin"/>. A 504 is never retried: the query already
    /// used all its time, and a retry would multiply the wait.
    /// </summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Asks for the query's statistics (<c>Prefer: include-statistics=true</c>): <see cref="LogAnalyticsQueryResult.Statistics"/>.</summary>
    public bool IncludeStatistics { get; set; }

    /// <summary>
    /// When false (the default) a 200 whose result the service marks incomplete (<c>PartialError</c>) throws
    /// <see cref="LogAnalyticsPartialResultException"/>; when true the buffered queries return the partial rows with
    /// <see cref="LogAnalyticsQueryStatus.PartialFailure"/> and the error. A streamed query always ends with the exception.
    /// </summary>
    public bool AllowPartialResults { get; set; }

    /// <summary>
    /// When true (the default), a buffered query whose result the service cut at its limit (500,000 rows or 64 MB)
    /// is run again in halves of its time range, as often as needed, if its operators allow it; see
    /// <see cref="LogAnalyticsQueryClient.QueryAsync{T}"/>.
    /// </summary>
    public bool SplitWhenLimitExceeded { get; set; } = true;

    /// <summary>How cells that do not fit their column are treated (strict by default).</summary>
    public LogReadOptions? ReadOptions { get; set; }

    internal int WaitSeconds()
    {
        var seconds = (int)Math.Ceiling(ServerTimeout.TotalSeconds);
        if (seconds < 1 || ServerTimeout > MaxServerTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(ServerTimeout), ServerTimeout, "The server timeout must be between 1 second and 10 minutes.");
        }

        return seconds;
    }
}
