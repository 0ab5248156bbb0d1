namespace CallLogGen.Azure;

/// <summary>Facts shared by the storage, Event Hubs and query clients.</summary>
internal static class AzureLogs
{
    /// <summary>The token scope of the public cloud's Log Analytics query API.</summary>
    public const string LogAnalyticsScope = "https://api.loganalytics.io/.default";
}
