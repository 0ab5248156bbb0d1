using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CallLogGen.Tests.Diagnostics;

/// <summary>
/// One schema input per diagnostic id that triggers it, with the file, line and column (one-based, as
/// editors show them) where it must be reported. The catalogue test requires a scenario for every id.
/// </summary>
public sealed record DiagnosticScenario(string Id, SchemaInput[] Files, string File, int Line, int Column, string MessageFragment, LanguageVersion LanguageVersion = LanguageVersion.Latest, string? Namespace = null, string? UserCode = null, string? Tables = null)
{
    /// <summary>The build properties the scenario sets: CallLogGenNamespace, and the CallLogGenTable names.</summary>
    public Dictionary<string, string>? Properties()
    {
        var properties = new Dictionary<string, string>();
        if (Namespace is not null)
        {
            properties["CallLogGenNamespace"] = Namespace;
        }

        if (Tables is not null)
        {
            properties["CallLogGenTables"] = Tables;
        }

        return properties.Count == 0 ? null : properties;
    }

    public override string ToString() => Id;
}

public static class DiagnosticScenarios
{
    private const string Options = "schemas/options.json";
    private const string LockPath = "schemas/callloggen.lock.json";

    private static SchemaInput Md(string path, string text) => new(path, text);

    private static readonly SchemaInput Page = Md("schemas/page.md", "# Requests\n\n| Column | Type | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| Level | string | How bad. |\n");

    private static string UserCode(string body) => "using CallLogGen.Kql;\nusing Contoso.CallLogs;\nnamespace User\n{\n    public static class Program\n    {\n        public static object Run(string input)\n        {\n            " + body + "\n        }\n    }\n}\n";

    // A page of the Sentinel audit table: its heading names the table, and its columns fit it.
    private const string SentinelAuditPage = "# SentinelAudit table columns\n\n| ColumnName | ColumnType | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| OperationName | string | What. |\n| SentinelResourceId | string | Which. |\n| SentinelResourceName | string | Name. |\n| Status | string | How. |\n";

    // Azure Data Explorer's ingestion log: SucceededIngestion and Synapse's twin share the columns; the page speaks of Kusto.
    private const string IngestionPage = "# Azure Data Explorer ingestion logs\n\nLogs of a Kusto cluster.\n\n```json\n{\"category\": \"SucceededIngestion\"}\n```\n\n| Name | Description |\n|---|---|\n| SucceededOn | When. |\n| OperationId | Id. |\n| Database | Database. |\n| Table | Table. |\n| IngestionSourceId | Source. |\n| IngestionSourcePath | Path. |\n| RootActivityId | Root. |\n";

    public static readonly DiagnosticScenario[] All =
    {
        new("CLG1001", new[] { Md("schemas/t.json", "{\n  \"Name\": \"T\",\n  \"Properties\": [ }\n") }, "schemas/t.json", 3, 19, "not valid JSON"),
        new("CLG1002", new[] { Md("schemas/settings.json", "{ \"retentionDays\": 30 }") }, "schemas/settings.json", 1, 1, "none of the schema formats"),
        new("CLG1003", new[] { Md("schemas/p.md", "# T\n\n| Column | Type |\n|---|---|\n| A | string |\n|  | string |\n") }, "schemas/p.md", 6, 1, "cannot be read as a column"),
        new("CLG1004", new[] { Md("schemas/p.md", "# T\n\n| Column | Type |\n|---|---|\n| Level | string |\n| Level | int |\n") }, "schemas/p.md", 6, 3, "already has a column 'Level'"),
        new("CLG1005", new[] { Page, Md("schemas/other/page.md", "# Requests\n\n| Column | Type |\n|---|---|\n| A | string |\n") }, "schemas/page.md", 3, 1, "schemas/other/page.md(3,1)"),
        new("CLG1006", new[] { Md("schemas/p.md", "# T\n\n| Field | Type | Description |\n|---|---|---|\n| port | ushort | The port. |\n| host | string | The host. |\n| time | datetime | When. |\n") }, "schemas/p.md", 5, 10, "'ushort'"),
        new("CLG1007", new[] { Md("schemas/p.md", "# T\n\n| Column | Type |\n|---|---|\n| A | string |\n| `---` | string |\n") }, "schemas/p.md", 6, 3, "no letter or digit"),
        new("CLG1008", new[] { Page, Md("schemas/crd.md", "# Filters\n\n| Field | Type | Description |\n|---|---|---|\n| includeFilters | []filter | Filters. |\n| destination | Endpoint | Where. |\n") }, "schemas/crd.md", 3, 1, "not generated"),
        new("CLG1009", new[] { Md("schemas/stub.md", "# Stub\n\n## Columns\n\n[!INCLUDE [x](./includes/missing-include.md)]\n") }, "schemas/stub.md", 5, 1, "'./includes/missing-include.md'"),
        new("CLG1010", new[] { Md("schemas/p.md", "# T\n\n| Property | Description |\n|---|---|\n| `TimeGenerated` | When the record was made. |\n") }, "schemas/p.md", 5, 3, "inferred datetime"),
        new("CLG1011", new[] { Page, Md(Options, "{\"tables\": [{\"tableName\": \"Requests\", \"columns\": [\n  {\"column\": \"Severity\", \"type\": \"int\"}\n]}]}") }, Options, 2, 14, "'Severity'"),
        new("CLG1012", new[] { Page, Md(Options, "{\"tables\": [\n  {\"tableName\": \"Responses\"}\n]}") }, Options, 2, 17, "match no table"),
        new("CLG1013", new[] { Page, Md("schemas/requests.json", "{\"Name\": \"Requests\", \"Properties\": [{\"Name\": \"TimeGenerated\", \"Type\": \"datetime\"}, {\"Name\": \"Level\", \"Type\": \"int\"}]}") }, "schemas/page.md", 6, 3, "the document gives column 'Level' the type string, the table int"),
        new("CLG1014", new[] { Page, Md(Options, "{\"tables\": [{\"tableName\": \"Requests\",\n  \"colums\": []}]}") }, Options, 2, 3, "colums"),
        new("CLG1015", new[] { Page, Md(Options, "{\"tables\": [{\"tableName\": \"Requests\",\n  \"standardColumns\": [\"_BillingSize\"]}]}") }, Options, 2, 23, "'_BillingSize'"),
        new("CLG1016", new[] { Md("schemas/p.md", "# T\n\n| Column | Type |\n|---|---|\n") }, "schemas/p.md", 3, 1, "no column that could be read"),
        new("CLG1017", new[] { Md("schemas/prose.md", "# Notes\n\nJust prose, no tables.\n") }, "schemas/prose.md", 1, 1, "no log schema table"),
        new("CLG1018", new[] { Md("schemas/p.md", "# T\n\n| Column | Type |\n|---|---|\n| A | string |\n| B | **b** " + new string('|', 30_000) + "\n") }, "schemas/p.md", 6, 1, "30002 '|' characters"),
        new("CLG1019", new[] { Page }, "", 0, 0, "project file: the project names table 'ACSBillingUsages' (CallLogGenTable), which the Azure Monitor table reference (2024-09) built into CallLogGen does not have (nearest: ACSBillingUsage", Tables: "AZKVAuditLogs;ACSBillingUsages"),
        new("CLG1020", new[] { Md("schemas/kv.json", "{\"Name\": \"AZKVAuditLogs\", \"Properties\": [\n  {\"Name\": \"TimeGenerated\", \"Type\": \"datetime\"},\n  {\"Name\": \"OperationName\", \"Type\": \"string\"}]}") }, "schemas/kv.json", 1, 10, "table 'AZKVAuditLogs' takes its columns from this schema file, not from the Azure Monitor table reference (2024-09), which also lists AddressAuthorizationType:string, Algorithm:string"),
        new("CLG1021", new[] { Md("schemas/audit.md", SentinelAuditPage) }, "schemas/audit.md", 3, 1, "the docs table 'SentinelAudit table columns' is the Log Analytics table 'SentinelAudit': a heading names it"),
        new("CLG1022", new[] { Md("schemas/adx.md", IngestionPage) }, "schemas/adx.md", 9, 1, "is taken as the Log Analytics table 'SucceededIngestion' (its example record's category is SucceededIngestion, and the page points to it), but 'SynapseDXSucceededIngestion' fits nearly as well"),
        new("CLG1023", new[] { Md("schemas/audit.md", "# SentinelAudit table columns\n\n| ColumnName | ColumnType | Description |\n|---|---|---|\n| _BilledSize | real | Size. |\n| CorrelationId | string | Id. |\n| Description | string | Text. |\n| ExtendedProperties | dynamic | Bag. |\n| _IsBillable | string | Billed. |\n| OperationName | string | What. |\n| SentinelResourceId | string | Which. |\n| SentinelResourceKind | string | Kind. |\n| SentinelResourceName | string | Name. |\n| SentinelResourceType | string | Type. |\n| SourceSystem | string | Agent. |\n| Status | string | How. |\n| TenantId | string | Tenant. |\n| TimeGenerated | datetime | When. |\n| Type | string | Table. |\n| WorkspaceId | string | Workspace. |\n| Bogus | string | Not a column. |\n") }, "schemas/audit.md", 21, 3, "table 'SentinelAudit': the document lists column 'Bogus', which the table does not have; the reference wins"),
        new("CLG1024", new[] { Page }, "schemas/page.md", 3, 1, "the docs table 'Requests' matches no table of your schemas or of the Azure Monitor table reference (2024-09); it is generated as the page describes it"),
        new("CLG1025", new[] { Md("schemas/a.md", SentinelAuditPage), Md("schemas/b.md", SentinelAuditPage) }, "schemas/a.md", 3, 1, "table 'SentinelAudit' is documented by several docs tables (schemas/a.md(3,1), schemas/b.md(3,1))"),
        new("CLG1026", Array.Empty<SchemaInput>(), "", 0, 0, "project file: CallLogGen read no schema file and no table is named in the project file, so it generates nothing; it looked for schemas/**/*.md;schemas/**/*.json under /project/"),
        new("CLG1030", new[] { Page }, "", 0, 0, "schemas/page.md: generated 1 type in Contoso.CallLogs: Requests (table Requests, line 3)"),
        new("CLG1031", new[] { Page, Md(LockPath, "{\"callloggenLock\": 1, \"tables\": [{\"table\": \"Requests\", \"columns\": [{\"name\": \"TimeGenerated\", \"type\": \"datetime\"}, {\"name\": \"Level\", \"type\": \"int\"}]}]}") }, "schemas/page.md", 6, 3, "table 'Requests': column 'Level' retyped from int to string since callloggen.lock.json was written"),
        new("CLG1032", new[] { Page, Md(LockPath, "{\"callloggenLock\": 1, \"tables\": [\n  {\"table\": \"Responses\", \"columns\": [{\"name\": \"TimeGenerated\", \"type\": \"datetime\"}]}\n]}") }, LockPath, 2, 13, "table 'Responses' is in the lock file, but no schema file gives it any more"),
        new("CLG1033", new[] { Page, Md(Options, "{\"tables\": [{\"tableName\": \"Requests\", \"columns\": [\n  {\"column\": \"TimeGenerated\", \"obsolete\": {\"reason\": \"Use Level.\"}}\n]}]}") }, Options, 2, 43, "column 'TimeGenerated' of table 'Requests' is required, so it cannot be obsolete"),
        new("CLG1034", new[] { Page, Md(LockPath, "{\"tables\": []}") }, LockPath, 1, 1, "the lock file cannot be read: it is not a lock file as `callloggen lock` writes it"),
        new("CLG1100", new[] { Page }, "", 0, 0, "C# 9.0", LanguageVersion.CSharp9),
        new("CLG2001", new[] { Page }, "User.cs", 9, 20, "This Requests record needs column 'TimeGenerated', which this creation leaves out: TimeGenerated (schemas/page.md line 5): \"When.\"", UserCode: UserCode("return new Requests { Level = \"Error\" };")),
        new("CLG2002", new[] { Page }, "User.cs", 9, 35, "Column 'TimeGenerated' of Requests is required (schemas/page.md line 5), but is set to default", UserCode: UserCode("return new Requests { TimeGenerated = default };")),
        new("CLG2003", new[] { Page }, "User.cs", 9, 27, "The query's result cannot be read into Requests: it does not return the required column 'TimeGenerated' (dropped by Project); RequireResultColumns throws", UserCode: UserCode("Requests.Json.RequireResultColumns(Requests.Query().InLast(System.TimeSpan.FromDays(1)).Project(t => new KqlProjection { t.Level })); return input;")),
        new("CLG3001", new[] { Page }, "User.cs", 9, 55, "(an interpolated string)", UserCode: UserCode("return Requests.Query().AppendRawOperator($\"where Level == '{input}'\");")),
        new("CLG3002", new[] { Page }, "User.cs", 9, 20, "This query over Requests has no filter on TimeGenerated", UserCode: UserCode("return Requests.Query().Where(t => t.Level == input).Take(10).ToKql();")),
        new("CLG3003", new[] { Page }, "User.cs", 9, 100, "Where reads column 'Level', which the Project before it in this query dropped", UserCode: UserCode("return Requests.Query().Project(t => new KqlProjection { t.TimeGenerated }).Where(t => t.Level == input).InLast(System.TimeSpan.FromDays(1)).ToKql();")),
        new("CLG1101", new[] { Page }, "", 0, 0, "'My Logs', which is not a C# namespace; the models are generated in 'Contoso.CallLogs'", Namespace: "My Logs"),
    };

    public static TheoryData<DiagnosticScenario> Data()
    {
        var data = new TheoryData<DiagnosticScenario>();
        foreach (var scenario in All)
        {
            data.Add(scenario);
        }

        return data;
    }
}
