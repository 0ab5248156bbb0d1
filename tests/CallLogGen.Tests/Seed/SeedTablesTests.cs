using System.Reflection;
using System.Text.Json.Nodes;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Seed;

/// <summary>
/// The seed page plus the repository's schema files generate exactly the real Log Analytics tables
/// (column sets from the Azure Monitor table reference), with descriptions from the page.
/// </summary>
public class SeedTablesTests
{
    private const string OptionsPath = "schemas/call-automation-logs.options.json";

    private static readonly string[] Operational =
    {
        "_BilledSize:real", "CallConnectionId:string", "CallerIpAddress:string", "CorrelationId:string", "DurationMs:int",
        "_IsBillable:string", "Level:string", "OperationId:string", "OperationName:string", "OperationVersion:string",
        "_ResourceId:string", "ResultSignature:int", "ResultType:string", "SdkType:string", "SdkVersion:string",
        "ServerCallId:string", "SourceSystem:string", "SubOperationName:string", "_SubscriptionId:string", "TenantId:string",
        "TimeGenerated:datetime", "Type:string", "URI:string",
    };

    private static readonly string[] Usage =
    {
        "_BilledSize:real", "Category:string", "CorrelationId:string", "EndTime:datetime", "_IsBillable:string",
        "OperationName:string", "OperationVersion:string", "ParticipantId:string", "Quantity:real", "RecordId:string",
        "_ResourceId:string", "SourceSystem:string", "StartTime:datetime", "_SubscriptionId:string", "TenantId:string",
        "TimeGenerated:datetime", "Type:string", "UnitType:string", "UsageType:string", "UserIdA:string", "UserIdB:string",
    };

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Generated = new(() =>
    {
        var run = new GeneratorHarness(RepositorySchemaFiles.Read()).Run();
        return (run, run.LoadAssembly());
    });

    // The generated assembly binds to the runtime library already loaded here, so its Schema is our TableSchema type.
    private static TableSchema SchemaOf(string typeName) =>
        (TableSchema)Generated.Value.Assembly.GetType("Contoso.CallLogs." + typeName, throwOnError: true)!
            .GetProperty("Schema", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static HashSet<string> CslColumns(TableSchema schema) =>
        schema.ToCslSchema().Trim('(', ')').Split(", ").ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_operational_table_is_exactly_ACSCallAutomationIncomingOperations()
    {
        var schema = SchemaOf("AcsCallAutomationIncomingOperations");

        Assert.Equal("ACSCallAutomationIncomingOperations", schema.TableName);
        Assert.Equal("CallAutomationOperational", schema.Category);
        Assert.Equal(Operational.Length, schema.Columns.Count);
        Assert.True(CslColumns(schema).SetEquals(Operational), schema.ToCslSchema());
    }

    [Fact]
    public void The_usage_table_is_exactly_ACSBillingUsage()
    {
        var schema = SchemaOf("AcsBillingUsage");

        Assert.Equal("ACSBillingUsage", schema.TableName);
        Assert.Equal("Usage", schema.Category);
        Assert.Equal(Usage.Length, schema.Columns.Count);
        Assert.True(CslColumns(schema).SetEquals(Usage), schema.ToCslSchema());
    }

    [Theory]
    [InlineData("AcsBillingUsage", "TimeGenerated", "The timestamp (UTC) of when the log was generated.", 33)]
    [InlineData("AcsBillingUsage", "RecordId", "The unique ID for a given usage record.", 39)]
    [InlineData("AcsCallAutomationIncomingOperations", "CallConnectionId", "ID representing the call connection, if available. This ID is different for each participant and is used to identify their connection to the call.", 59)]
    [InlineData("AcsCallAutomationIncomingOperations", "SdkVersion", "SDK version used for the request.", 61)]
    [InlineData("AcsCallAutomationIncomingOperations", "OperationVersion", "The api-version associated with the operation, if the operationName was performed using an API. If there's no API that corresponds to this operation, the version represents the version of that operation in case the properties associated with the operation change in the future.", 51)]
    public void Descriptions_and_lines_come_from_the_seed_page(string typeName, string columnName, string description, int line)
    {
        var column = SchemaOf(typeName).FindColumn(columnName)!;

        Assert.Equal(description, column.Description);
        Assert.Equal("schemas/call-automation-logs.md", column.SourceFile);
        Assert.Equal(line, column.SourceLine);
    }

    [Fact]
    public void Property_names_follow_dotnet_conventions()
    {
        var type = Generated.Value.Assembly.GetType("Contoso.CallLogs.AcsCallAutomationIncomingOperations", throwOnError: true)!;
        foreach (var name in new[] { "Uri", "SdkVersion", "SdkType", "CorrelationId", "BilledSize", "ResourceId", "IsBillable", "TimeGenerated" })
        {
            Assert.NotNull(type.GetProperty(name));
        }

        Assert.Equal(typeof(DateTimeOffset), type.GetProperty("TimeGenerated")!.PropertyType);
        Assert.Equal(typeof(int?), type.GetProperty("DurationMs")!.PropertyType);
        Assert.Equal(typeof(double?), type.GetProperty("BilledSize")!.PropertyType);
    }

    [Fact]
    public void The_repository_schemas_build_without_warnings_because_the_options_settle_every_drift()
    {
        var run = Generated.Value.Run;

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void The_seed_page_alone_gives_both_real_tables_exactly_and_the_options_change_nothing()
    {
        var page = RepositorySchemaFiles.Read().Where(f => f.RelativePath.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var run = new GeneratorHarness(page).Run();

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems());
        var assembly = run.LoadAssembly();
        foreach (var (typeName, table, expected) in new[] { ("AcsBillingUsage", "ACSBillingUsage", Usage), ("AcsCallAutomationIncomingOperations", "ACSCallAutomationIncomingOperations", Operational) })
        {
            var alone = (TableSchema)assembly.GetType("Contoso.CallLogs." + typeName, throwOnError: true)!.GetProperty("Schema")!.GetValue(null)!;
            var withOptions = SchemaOf(typeName);
            Assert.Equal(table, alone.TableName);
            // In order: the names, their order and their types, alone and with the repository's options and JSON schemas.
            Assert.Equal(expected, alone.Columns.Select(c => c.Name + ":" + c.Type.ToString().ToLowerInvariant()));
            Assert.Equal(alone.Columns.Select(c => (c.Name, c.Type, c.PropertyName)), withOptions.Columns.Select(c => (c.Name, c.Type, c.PropertyName)));
            // The page still supplies the descriptions it has.
            Assert.Equal(alone.FindColumn("OperationName")!.Description, withOptions.FindColumn("OperationName")!.Description);
        }

        Assert.Contains(run.WithId("CLG1021"), d => d.GetMessage().Contains("'ACSCallAutomationIncomingOperations'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "Properties")]
    [InlineData(0, "Timestamp")]
    public void The_export_record_names_the_page_uses_need_no_settlement(int table, string column)
    {
        // `Timestamp` is the export record's name for TimeGenerated, `Properties` the bag the table spreads into columns.
        var run = new GeneratorHarness(WithoutOptionsEntry(table, column)).Run();

        Assert.Empty(run.WithId("CLG1013"));
        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData(0, "EndTime", "the table has column 'EndTime'", 31)]
    [InlineData(1, "ParticipantId", "the document lists column 'ParticipantId'", 63)]
    [InlineData(1, "OperationId", "the table has column 'OperationId'", 46)]
    public void Removing_one_settlement_from_the_options_brings_back_its_drift_note(int table, string column, string expected, int line)
    {
        var run = new GeneratorHarness(WithoutOptionsEntry(table, column)).Run();

        // Docs drift is a note, never a warning: the user's JSON schema wins, and the build goes on.
        var drift = Assert.Single(run.WithId("CLG1013"));
        Assert.Contains(expected, drift.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, drift.Severity);
        Assert.EndsWith("call-automation-logs.md", drift.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(line, drift.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.StartsWith($"schemas/call-automation-logs.md({line},", drift.GetMessage(), StringComparison.Ordinal);
    }

    private static List<SchemaInput> WithoutOptionsEntry(int table, string column)
    {
        var files = RepositorySchemaFiles.Read().ToList();
        var index = files.FindIndex(f => f.RelativePath == OptionsPath);
        var options = JsonNode.Parse(files[index].Text)!;
        var columns = options["tables"]![table]!["columns"]!.AsArray();
        columns.Remove(columns.Single(c => (string?)c!["column"] == column));
        files[index] = files[index] with { Text = options.ToJsonString() };
        return files;
    }
}
