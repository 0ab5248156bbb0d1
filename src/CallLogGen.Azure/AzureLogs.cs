using System;
using CallLogGen.Json;

namespace CallLogGen.Azure;

/// <summary>Facts shared by the storage, Event Hubs and query clients.</summary>
internal static class AzureLogs
{
    /// <summary>The token scope of the public cloud's Log Analytics query API.</summary>
    public const string LogAnalyticsScope = "https://api.loganalytics.io/.default";

    /// <summary>
    /// The caller's read options for the generated readers, with bad records sent to <paramref name="onInvalidRecord"/>
    /// (which places them in a blob or an event) instead of the caller's own handler.
    /// </summary>
    public static LogReadOptions WithInvalidRecordHandler(LogReadOptions? options, Action<LogJsonException> onInvalidRecord) => new()
    {
        KeepUntypedValues = options?.KeepUntypedValues ?? false,
        MaxDepth = options?.MaxDepth ?? LogReadOptions.Default.MaxDepth,
        OnInvalidRecord = onInvalidRecord,
    };

    /// <summary>The newlines in <paramref name="utf8"/>: how far a position after it is from a line count before it.</summary>
    public static long CountLines(ReadOnlySpan<byte> utf8)
    {
        var lines = 0L;
        for (var newline = utf8.IndexOf((byte)'\n'); newline >= 0; newline = utf8.IndexOf((byte)'\n'))
        {
            lines++;
            utf8 = utf8.Slice(newline + 1);
        }

        return lines;
    }
}
