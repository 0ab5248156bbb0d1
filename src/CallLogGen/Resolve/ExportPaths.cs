using System;
using System.Collections.Generic;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>
/// Where a column sits in a diagnostic-settings export record, when the table options do not say.
/// Azure's common resource-log schema puts a fixed set of fields at the top level in camelCase
/// (<c>time</c>, <c>resourceId</c>, <c>operationName</c>, ...) and the service's own fields in
/// <c>properties</c>; columns that Log Analytics adds on ingestion are in no export. See docs/serializers.md.
/// </summary>
internal static class ExportPaths
{
    private static readonly Dictionary<string, string> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TimeGenerated"] = "time",
        ["_ResourceId"] = "resourceId",
        ["OperationName"] = "operationName",
        ["OperationVersion"] = "operationVersion",
        ["Category"] = "category",
        ["ResultType"] = "resultType",
        ["ResultSignature"] = "resultSignature",
        ["ResultDescription"] = "resultDescription",
        ["DurationMs"] = "durationMs",
        ["CallerIpAddress"] = "callerIpAddress",
        ["CorrelationId"] = "correlationId",
        ["Identity"] = "identity",
        ["Level"] = "level",
        ["Location"] = "location",
    };

    /// <summary>Columns Log Analytics fills in on ingestion; exports never carry them.</summary>
    private static readonly HashSet<string> AddedOnIngestion = new(StringComparer.Ordinal)
    {
        "TenantId", "SourceSystem", "Type", "MG", "ManagementGroupName", "Computer",
    };

    private static readonly HashSet<string> FewValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "OperationName", "SubOperationName", "OperationVersion", "Category", "ResultType", "ResultSignature",
        "Level", "Location", "Region", "SourceSystem", "Type", "TenantId", "_ResourceId", "_SubscriptionId", "_IsBillable",
    };

    private static readonly string[] FewValuesSuffixes = { "Type", "Version", "Level", "Kind", "Status", "Category", "Unit" };

    public static string? Default(string columnName)
    {
        if (TopLevel.TryGetValue(columnName, out var field))
        {
            return field;
        }

        if (AddedOnIngestion.Contains(columnName) || columnName.StartsWith("_", StringComparison.Ordinal))
        {
            return null;
        }

        return "properties." + columnName;
    }

    /// <summary>Whether a string column's values are few (operation names, levels, types), so readers share them.</summary>
    public static bool IsLowCardinality(string columnName, KqlType type)
    {
        if (type != KqlType.String)
        {
            return false;
        }

        if (FewValues.Contains(columnName))
        {
            return true;
        }

        foreach (var suffix in FewValuesSuffixes)
        {
            if (columnName.EndsWith(suffix, StringComparison.Ordinal) && columnName.Length > suffix.Length)
            {
                return true;
            }
        }

        return false;
    }
}
