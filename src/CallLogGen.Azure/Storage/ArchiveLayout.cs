using System;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// The facts of one way Azure lays logs out in a storage account: the path's root, how long a folder collects,
/// the case of resource ids in paths, and how much later than a record's own time its blob can be.
/// </summary>
internal sealed class ArchiveLayout
{
    /// <summary>
    /// Diagnostic settings: <c>insights-logs-&lt;category&gt;/resourceId=/SUBSCRIPTIONS/.../y=/m=/d=/h=/m=00/PT1H.json</c>,
    /// one append blob per hour, events appended as they arrive, so a blob can hold records up to 48 hours older
    /// than its hour (azure-monitor-docs, platform/resource-logs.md).
    /// </summary>
    public static readonly ArchiveLayout DiagnosticSettings = new("insights-logs-", "resourceId=", TimeSpan.FromHours(1), upperCaseIds: true, recordsLagFolder: TimeSpan.FromHours(48));

    /// <summary>
    /// Log Analytics workspace data export: <c>am-&lt;table&gt;/WorkspaceResourceId=/subscriptions/.../y=/m=/d=/h=/m=&lt;mm&gt;/PT05M.json</c>
    /// (and <c>PT05M_n.json</c>), five-minute folders that records are placed in by their <c>TimeGenerated</c>
    /// (azure-monitor-docs, logs/logs-data-export.md).
    /// </summary>
    public static readonly ArchiveLayout WorkspaceExport = new("am-", "WorkspaceResourceId=", TimeSpan.FromMinutes(5), upperCaseIds: false, recordsLagFolder: TimeSpan.Zero);

    private readonly bool _upperCaseIds;

    private ArchiveLayout(string containerPrefix, string root, TimeSpan folderDuration, bool upperCaseIds, TimeSpan recordsLagFolder)
    {
        ContainerPrefix = containerPrefix;
        Root = root;
        FolderDuration = folderDuration;
        _upperCaseIds = upperCaseIds;
        RecordsLagFolder = recordsLagFolder;
    }

    /// <summary>What every container name starts with; the category or table follows, in lower case.</summary>
    public string ContainerPrefix { get; }

    /// <summary>What every blob name starts with, before the resource id.</summary>
    public string Root { get; }

    /// <summary>How long one folder collects records.</summary>
    public TimeSpan FolderDuration { get; }

    /// <summary>How much later than a record's own time the folder holding it can be.</summary>
    public TimeSpan RecordsLagFolder { get; }

    /// <summary>The container of a category (diagnostic settings) or table (workspace export); container names are lower case.</summary>
    public string Container(string categoryOrTable) => ContainerPrefix + categoryOrTable.ToLowerInvariant();

    /// <summary>The path of one resource's blobs, up to and including the slash before <c>y=</c>.</summary>
    public string ResourcePrefix(string resourceId)
    {
        var id = resourceId.Trim().TrimEnd('/');
        if (!id.StartsWith("/", StringComparison.Ordinal))
        {
            id = "/" + id;
        }

        return Root + (_upperCaseIds ? id.ToUpperInvariant() : id.ToLowerInvariant()) + "/";
    }

    /// <summary>The start of the folder that <paramref name="time"/> falls in.</summary>
    public DateTimeOffset FolderOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % FolderDuration.Ticks), TimeSpan.Zero);
    }
}
