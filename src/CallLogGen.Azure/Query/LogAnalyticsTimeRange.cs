using System;
using System.Globalization;
using System.Xml;

namespace CallLogGen.Azure.Query;

/// <summary>
/// The time range of a query, sent as the request's <c>timespan</c>: the service applies it to every table's
/// <c>TimeGenerated</c> on top of any filter in the query. <see cref="All"/> sends none.
/// </summary>
public readonly struct LogAnalyticsTimeRange : IEquatable<LogAnalyticsTimeRange>
{
    private LogAnalyticsTimeRange(DateTimeOffset? start, DateTimeOffset? end, TimeSpan? duration)
    {
        Start = start;
        End = end;
        Duration = duration;
    }

    /// <summary>No time range: the query alone says which records it reads (the service's whole retention unless it filters).</summary>
    public static LogAnalyticsTimeRange All => default;

    /// <summary>The start, for a range given by its ends.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>The end, for a range given by its ends.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>The length, for a range that ends when the query runs (<see cref="Last"/>).</summary>
    public TimeSpan? Duration { get; }

    /// <summary>True for <see cref="All"/>.</summary>
    public bool IsAll => Start is null && Duration is null;

    /// <summary>The last <paramref name="duration"/> before the service runs the query (<c>PT1H</c>).</summary>
    public static LogAnalyticsTimeRange Last(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The time range must be positive.");
        }

        return new LogAnalyticsTimeRange(null, null, duration);
    }

    /// <summary>From <paramref name="start"/> to <paramref name="end"/> (<c>start/end</c> in ISO 8601, UTC).</summary>
    public static LogAnalyticsTimeRange Between(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The time range ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        return new LogAnalyticsTimeRange(start.ToUniversalTime(), end.ToUniversalTime(), null);
    }

    /// <summary>The <c>timespan</c> value: an ISO 8601 duration or <c>start/end</c>; null for <see cref="All"/>.</summary>
    public string? ToIsoString()
    {
        if (Start is { } start && End is { } end)
        {
            return Iso(start) + "/" + Iso(end);
        }

        return Duration is { } duration ? XmlConvert.ToString(duration) : null;
    }

    /// <summary>The range's ends, pinning a <see cref="Last"/> range to <paramref name="now"/>; null for <see cref="All"/>.</summary>
    internal (DateTimeOffset Start, DateTimeOffset End)? Bounds(DateTimeOffset now)
    {
        if (Start is { } start && End is { } end)
        {
            return (start, end);
        }

        return Duration is { } duration ? (now - duration, now) : null;
    }

    /// <inheritdoc/>
    public bool Equals(LogAnalyticsTimeRange other) => Start == other.Start && End == other.End && Duration == other.Duration;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LogAnalyticsTimeRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Start?.GetHashCode() ?? 0) ^ (End?.GetHashCode() ?? 0) ^ (Duration?.GetHashCode() ?? 0);

    /// <inheritdoc/>
    public override string ToString() => ToIsoString() ?? "all";

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
