using System;

namespace CallLogGen;

/// <summary>
/// Records of one diagnostic category of one resource type land in a table: <c>Microsoft.Communication/CommunicationServices</c>
/// and <c>Usage</c> land in <c>ACSBillingUsage</c>. A category alone does not name a table (<c>Usage</c> lands in a
/// different table for each service), so export readers route a record by the resource type in its <c>resourceId</c>
/// and its <c>category</c>.
/// </summary>
public sealed class LogRoute
{
    /// <summary>Creates a route; generated code calls this.</summary>
    /// <param name="resourceType">The resource type (<c>Microsoft.Communication/CommunicationServices</c>), or null for any.</param>
    /// <param name="category">The diagnostic category (<c>Usage</c>).</param>
    public LogRoute(string? resourceType, string category)
    {
        ResourceType = resourceType;
        Category = category ?? throw new ArgumentNullException(nameof(category));
    }

    /// <summary>The resource type, as the Azure Monitor reference spells it; null where any resource type's records of the category land here.</summary>
    public string? ResourceType { get; }

    /// <summary>The diagnostic category.</summary>
    public string Category { get; }

    /// <inheritdoc/>
    public override string ToString() => (ResourceType ?? "*") + "/" + Category;
}
