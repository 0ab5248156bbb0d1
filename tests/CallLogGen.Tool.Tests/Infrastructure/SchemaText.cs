using System.Text;

namespace CallLogGen.Tool.Tests.Infrastructure;

/// <summary>
/// A table in each schema format the generator reads, from (name, KQL type) pairs. The facts come from the public
/// table reference's history (issue 16): ACSBillingUsage had 18 columns, then 19 (ParticipantId), then 21
/// (_BilledSize, _IsBillable); NetworkAccessTraffic.SourcePort went from int to string and back.
/// </summary>
public static class SchemaText
{
    public static readonly (string Name, string Type)[] BillingUsage21 =
    {
        ("TenantId", "string"), ("TimeGenerated", "datetime"), ("Category", "string"), ("CorrelationId", "string"), ("EndTime", "datetime"),
        ("OperationName", "string"), ("OperationVersion", "string"), ("ParticipantId", "string"), ("Quantity", "real"), ("RecordId", "string"),
        ("StartTime", "datetime"), ("UnitType", "string"), ("UsageType", "string"), ("UserIdA", "string"), ("UserIdB", "string"),
        ("SourceSystem", "string"), ("Type", "string"), ("_ResourceId", "string"), ("_SubscriptionId", "string"), ("_BilledSize", "real"), ("_IsBillable", "string"),
    };

    public static readonly (string Name, string Type)[] BillingUsage18 =
        BillingUsage21.Where(c => c.Name is not ("ParticipantId" or "_BilledSize" or "_IsBillable")).ToArray();

    /// <summary>The Tables API's camelCase spelling of a KQL type (<c>dateTime</c>), as the service writes it.</summary>
    public static string TablesApiType(string kqlType) => kqlType == "datetime" ? "dateTime" : kqlType;

    private static readonly HashSet<string> StandardColumns = new(StringComparer.Ordinal) { "TenantId", "SourceSystem", "Type", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable" };

    /// <summary>A table resource of the Tables API: custom columns in <c>columns</c>, Azure Monitor's own in <c>standardColumns</c>.</summary>
    public static string TablesApi(string table, IEnumerable<(string Name, string Type)> columns)
    {
        var all = columns.ToList();
        string List(IEnumerable<(string Name, string Type)> items) => string.Join(",\n        ", items.Select(c => $$"""{ "name": "{{c.Name}}", "type": "{{TablesApiType(c.Type)}}", "description": "The {{c.Name}} column." }"""));
        return $$"""
            {
              "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws/tables/{{table}}",
              "name": "{{table}}",
              "properties": {
                "schema": {
                  "name": "{{table}}",
                  "tableType": "Microsoft",
                  "columns": [
                    {{List(all.Where(c => !StandardColumns.Contains(c.Name)))}}
                  ],
                  "standardColumns": [
                    {{List(all.Where(c => StandardColumns.Contains(c.Name)))}}
                  ]
                }
              }
            }
            """;
    }

    /// <summary>A Microsoft Sentinel custom table: <c>Name</c> and <c>Properties</c>.</summary>
    public static string Sentinel(string table, IEnumerable<(string Name, string Type)> columns) =>
        $$"""{"Name": "{{table}}", "Properties": [{{string.Join(", ", columns.Select(c => $$"""{"Name": "{{c.Name}}", "Type": "{{c.Type}}"}"""))}}]}""";

    /// <summary>Kusto's <c>.show table T schema as json</c>: <c>Name</c> and <c>OrderedColumns</c> with .NET type names.</summary>
    public static string Kusto(string table, IEnumerable<(string Name, string Type)> columns) =>
        $$"""{"Name": "{{table}}", "OrderedColumns": [{{string.Join(", ", columns.Select(c => $$"""{"Name": "{{c.Name}}", "Type": "{{DotNetType(c.Type)}}", "CslType": "{{c.Type}}"}"""))}}]}""";

    /// <summary>A docs page: a heading and a pipe table of columns.</summary>
    public static string Markdown(string heading, IEnumerable<(string Name, string Type)> columns)
    {
        var text = new StringBuilder($"# {heading}\n\nThe table's columns.\n\n| Column | Type | Description |\n|---|---|---|\n");
        foreach (var (name, type) in columns)
        {
            text.Append($"| {name} | {type} | The {name} column. |\n");
        }

        return text.ToString();
    }

    private static string DotNetType(string kqlType) => kqlType switch
    {
        "string" => "System.String",
        "int" => "System.Int32",
        "long" => "System.Int64",
        "real" => "System.Double",
        "datetime" => "System.DateTime",
        "bool" => "System.SByte",
        "guid" => "System.Guid",
        "timespan" => "System.TimeSpan",
        "dynamic" => "System.Object",
        _ => "System.Data.SqlTypes.SqlDecimal",
    };

    public static readonly (string Name, string Type)[] Traffic =
    {
        ("TimeGenerated", "datetime"), ("SourceIp", "string"), ("SourcePort", "int"), ("DestinationFqdn", "string"), ("DestinationPort", "int"),
    };

    public static (string Name, string Type)[] With(this (string Name, string Type)[] columns, string name, string type) =>
        columns.Select(c => c.Name == name ? (c.Name, type) : c).ToArray();
}
