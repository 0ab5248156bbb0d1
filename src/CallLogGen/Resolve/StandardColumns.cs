using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>
/// The columns Azure Monitor adds to Log Analytics tables on its own. Docs pages rarely list them,
/// so table options name the ones a table has (or the whole resource-log set at once).
/// </summary>
internal static class StandardColumns
{
    public sealed record StandardColumn(string Name, KqlType Type, string Description);

    /// <summary>The set a resource-log table (diagnostic settings into a resource-specific table) carries.</summary>
    public static readonly IReadOnlyList<StandardColumn> ResourceLogSet = new[]
    {
        new StandardColumn("TenantId", KqlType.String, "The Log Analytics workspace ID."),
        new StandardColumn("SourceSystem", KqlType.String, "The type of agent the event was collected by; Azure for resource logs."),
        new StandardColumn("Type", KqlType.String, "The name of the table."),
        new StandardColumn("_ResourceId", KqlType.String, "A unique identifier for the resource that the record is associated with."),
        new StandardColumn("_SubscriptionId", KqlType.String, "A unique identifier for the subscription that the record is associated with."),
        new StandardColumn("_BilledSize", KqlType.Real, "The record size in bytes."),
        new StandardColumn("_IsBillable", KqlType.String, "Specifies whether ingesting the data is billable. When _IsBillable is false, ingestion isn't billed to your Azure account."),
    };

    private static readonly IReadOnlyList<StandardColumn> Others = new[]
    {
        new StandardColumn("_ItemId", KqlType.String, "A unique identifier for the record."),
        new StandardColumn("_TimeReceived", KqlType.DateTime, "The time the record was received by the Azure Monitor ingestion point."),
        new StandardColumn("TimeGenerated", KqlType.DateTime, "The time the record was created by the data source (UTC)."),
    };

    private static readonly Dictionary<string, StandardColumn> ByName =
        ResourceLogSet.Concat(Others).ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static string KnownNames => string.Join(", ", ByName.Keys);

    public static bool TryGet(string name, out StandardColumn column) => ByName.TryGetValue(name, out column!);
}
