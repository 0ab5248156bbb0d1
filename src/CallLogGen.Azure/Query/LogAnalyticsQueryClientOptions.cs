using System;
using Azure.Core;

namespace CallLogGen.Azure.Query;

/// <summary>
/// Options of a <see cref="LogAnalyticsQueryClient"/>: the endpoint (sovereign clouds have their own), the token
/// audience, and everything <see cref="ClientOptions"/> has (<see cref="ClientOptions.Retry"/>, the transport,
/// logging). Retries cover 429 and 503, waiting as long as the service's <c>Retry-After</c> asks.
/// </summary>
public class LogAnalyticsQueryClientOptions : ClientOptions
{
    /// <summary>The public cloud's endpoint, <c>https://api.loganalytics.io</c>.</summary>
    public static Uri PublicCloud { get; } = new("https://api.loganalytics.io");

    /// <summary>Azure operated by 21Vianet (China), <c>https://api.loganalytics.azure.cn</c>.</summary>
    public static Uri AzureChina { get; } = new("https://api.loganalytics.azure.cn");

    /// <summary>Azure US Government, <c>https://api.loganalytics.us</c>.</summary>
    public static Uri AzureGovernment { get; } = new("https://api.loganalytics.us");

    /// <summary>Creates the options with the public cloud's endpoint and retries of 429 and 503.</summary>
    public LogAnalyticsQueryClientOptions()
    {
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(60);
    }

    /// <summary>The query API's endpoint; <see cref="PublicCloud"/> by default.</summary>
    public Uri Endpoint { get; set; } = PublicCloud;

    /// <summary>
    /// The audience tokens are requested for (the scope is the audience plus <c>/.default</c>). By default it follows
    /// <see cref="Endpoint"/>: the public cloud's <c>https://api.loganalytics.io</c> for both public endpoints
    /// (<c>api.loganalytics.io</c> and <c>api.loganalytics.azure.com</c>), the sovereign cloud's own endpoint otherwise.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// How many queries this client runs at once, 5 by default: the service runs five per user and queues the
    /// rest for up to three minutes before answering 429. The windows of a split query share the same limit.
    /// </summary>
    public int MaxConcurrentQueries { get; set; } = 5;

    /// <summary>
    /// How much longer than the server timeout (<see cref="LogAnalyticsQueryOptions.ServerTimeout"/>, sent as <c>Prefer: wait</c>)
    /// the client waits for an answer, so that the service's own 504 arrives rather than a client-side timeout. 30 s by default.
    /// </summary>
    public TimeSpan NetworkTimeoutMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The token scope for <paramref name="endpoint"/> and an optional explicit <paramref name="audience"/>.</summary>
    internal static string ScopeFor(Uri endpoint, string? audience)
    {
        if (!string.IsNullOrWhiteSpace(audience))
        {
            return audience!.TrimEnd('/') + "/.default";
        }

        var host = endpoint.Host.ToLowerInvariant();
        if (host is "api.loganalytics.io" or "api.loganalytics.azure.com")
        {
            return AzureLogs.LogAnalyticsScope;
        }

        return endpoint.GetLeftPart(UriPartial.Authority) + "/.default";
    }
}
