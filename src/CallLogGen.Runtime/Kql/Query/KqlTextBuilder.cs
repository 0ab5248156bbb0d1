using System;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>
/// One StringBuilder per thread for writing queries, so that rendering allocates little more than the final
/// string. A builder that grew past <see cref="MaxCachedCapacity"/> is dropped rather than kept.
/// </summary>
internal static class KqlTextBuilder
{
    private const int MaxCachedCapacity = 8 * 1024;

    [ThreadStatic]
    private static StringBuilder? _cached;

    public static StringBuilder Acquire()
    {
        var builder = _cached;
        if (builder is null)
        {
            return new StringBuilder(512);
        }

        // Taken out while in use: a query written while another is being written (a join's right side) gets its own.
        _cached = null;
        return builder.Clear();
    }

    public static string ToStringAndRelease(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            _cached = builder;
        }

        return text;
    }
}
