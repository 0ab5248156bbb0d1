using System;
using System.Text;

namespace CallLogGen.Azure.Query;

/// <summary>
/// What a query runs against: a Log Analytics workspace (<c>/v1/workspaces/{id}/query</c>) or, resource-centric,
/// an Azure resource whose logs the caller may read (<c>/v1/{resourceId}/query</c>).
/// </summary>
public sealed class LogAnalyticsTarget : IEquatable<LogAnalyticsTarget>
{
    private LogAnalyticsTarget(string id, bool isResource, string path)
    {
        Id = id;
        IsResource = isResource;
        Path = path;
    }

    /// <summary>The workspace id (a GUID) or the resource id, as given.</summary>
    public string Id { get; }

    /// <summary>True for a resource-centric query.</summary>
    public bool IsResource { get; }

    /// <summary>The request path below the endpoint, each segment escaped: <c>v1/workspaces/{id}/query</c>.</summary>
    public string Path { get; }

    /// <summary>A workspace, by its id (the GUID the portal shows as "Workspace ID").</summary>
    public static LogAnalyticsTarget Workspace(string workspaceId)
    {
        if (string.IsNullOrWhiteSpace(workspaceId))
        {
            throw new ArgumentException("A workspace id is needed.", nameof(workspaceId));
        }

        var id = workspaceId.Trim();
        return new LogAnalyticsTarget(id, isResource: false, "v1/workspaces/" + Uri.EscapeDataString(id) + "/query");
    }

    /// <summary>An Azure resource, by its resource id (<c>/subscriptions/.../providers/Microsoft.Communication/communicationServices/name</c>).</summary>
    public static LogAnalyticsTarget Resource(string resourceId)
    {
        if (string.IsNullOrWhiteSpace(resourceId) || resourceId.Trim()[0] != '/')
        {
            throw new ArgumentException("A resource id starts with '/' (/subscriptions/...).", nameof(resourceId));
        }

        var id = resourceId.Trim().TrimEnd('/');
        var path = new StringBuilder("v1");
        foreach (var segment in id.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/').Append(Uri.EscapeDataString(segment));
        }

        return new LogAnalyticsTarget(id, isResource: true, path.Append("/query").ToString());
    }

    /// <inheritdoc/>
    public bool Equals(LogAnalyticsTarget? other) => other is not null && other.Path == Path;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LogAnalyticsTarget);

    /// <inheritdoc/>
    public override int GetHashCode() => Path.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => (IsResource ? "resource " : "workspace ") + Id;
}
