using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using CallLogGen.Catalog;
using CallLogGen.Model;
using CallLogGen.Resolve;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CallLogGen.Tests.Catalog;

/// <summary>
/// Tables of the built-in Azure Monitor reference named in the project file, with no schema file: the real table,
/// generated and compiled; a user's own schema file replacing the reference's columns; and the catalogue read only
/// when a table needs it.
/// </summary>
public class CatalogTableTests(ITestOutputHelper output)
{
    private static readonly string SourceFile = Path.Combine(RepositoryPaths.Root, "tools", "catalog", "source", "azure-monitor-tables.json");

    private static GeneratorRun RunWithTables(string tables, params SchemaInput[] files) =>
        new GeneratorHarness(files, properties: new Dictionary<string, string> { ["CallLogGenTables"] = tables }).Run();

    [Fact]
    public void Tables_named_in_the_project_file_are_the_reference_tables_with_no_file()
    {
        var run = RunWithTables("ACSBillingUsage; azkvauditlogs");

        Assert.Empty(run.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationProblems());
        Assert.Contains("azure-monitor-reference.AcsBillingUsage.g.cs", run.Sources.Keys);
        Assert.Contains("azure-monitor-reference.AzkvAuditLogs.g.cs", run.Sources.Keys);

        var assembly = run.LoadAssembly();
        var schema = (TableSchemaView)typeof(TableSchemaView).GetMethod(nameof(TableSchemaView.Of))!.Invoke(null, new object[] { assembly, "Contoso.CallLogs.AcsBillingUsage" })!;
        Assert.Equal("ACSBillingUsage", schema.TableName);
        Assert.Equal(Expected("ACSBillingUsage"), schema.Columns.Select(c => c.Name + ":" + c.Type));
        Assert.Equal(new[] { "TimeGenerated" }, schema.Columns.Where(c => c.Required).Select(c => c.Name));
        Assert.All(schema.Columns, c => Assert.Equal((AzureMonitorCatalog.SourceLabel, 0), (c.SourceFile, c.SourceLine)));
        Assert.Equal(new[] { "Microsoft.Communication/CommunicationServices/Usage" }, schema.Routes);

        var keyVault = (TableSchemaView)typeof(TableSchemaView).GetMethod(nameof(TableSchemaView.Of))!.Invoke(null, new object[] { assembly, "Contoso.CallLogs.AzkvAuditLogs" })!;
        Assert.Equal("AZKVAuditLogs", keyVault.TableName);
        Assert.Contains("Microsoft.KeyVault/vaults/AuditEvent", keyVault.Routes);

        var source = run.Sources["azure-monitor-reference.AcsBillingUsage.g.cs"];
        Assert.Contains("/// <summary>The Quantity column (real).</summary>", source, StringComparison.Ordinal);
        Assert.Contains("[global::CallLogGen.RequiredColumn(\"Azure Monitor table reference (2024-09)\", 0, \"\")]", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_column_of_a_reference_table_is_named_with_the_reference_in_CLG2001()
    {
        var code = "using Contoso.CallLogs;\nnamespace User { public static class Program { public static object Run() => new AcsBillingUsage { Quantity = 1 }; } }";
        var run = new GeneratorHarness(Array.Empty<SchemaInput>(), userCode: code, properties: new Dictionary<string, string> { ["CallLogGenTables"] = "ACSBillingUsage" }).Run();

        var missing = Assert.Single(run.AnalyzerDiagnostics(), d => d.Id == "CLG2001");
        Assert.Contains("TimeGenerated (Azure Monitor table reference (2024-09))", missing.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_options_that_name_only_a_reference_table_make_it_and_their_entries_amend_it()
    {
        var options = new SchemaInput("schemas/options.json", """
            {"tables": [
              {"tableName": "AZKVAuditLogs", "typeName": "KeyVaultAudit", "columns": [{"column": "OperationName", "required": true}]},
              {"tableName": "ACSBillingUsage", "routes": [{"resourceType": "Microsoft.Communication/CommunicationServices", "category": "Usage"}, {"category": "LegacyUsage"}]}
            ]}
            """);
        var run = new GeneratorHarness(new[] { options }).Run();

        Assert.Empty(run.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationProblems());
        var keyVault = run.Sources.Single(s => s.Key.EndsWith(".KeyVaultAudit.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("[global::CallLogGen.RequiredColumn(\"Azure Monitor table reference (2024-09)\", 0, \"\")]\n    public string OperationName", keyVault.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var assembly = run.LoadAssembly();
        var keyVaultSchema = TableSchemaView.Of(assembly, "Contoso.CallLogs.KeyVaultAudit");
        Assert.Equal("AZKVAuditLogs", keyVaultSchema.TableName);
        Assert.Contains(("OperationName", "string", true, AzureMonitorCatalog.SourceLabel, 0), keyVaultSchema.Columns);
        Assert.Equal(new[] { "Microsoft.Communication/CommunicationServices/Usage", "*/LegacyUsage" }, TableSchemaView.Of(assembly, "Contoso.CallLogs.AcsBillingUsage").Routes);
    }

    [Fact]
    public void An_unknown_name_is_an_error_naming_the_nearest_and_the_others_are_generated()
    {
        var run = RunWithTables("AZKVAuditLog;ACSBillingUsage");

        var unknown = Assert.Single(run.WithId("CLG1019"));
        Assert.Contains("'AZKVAuditLog'", unknown.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("nearest: AZKVAuditLogs", unknown.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("azure-monitor-reference.AcsBillingUsage.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_user_schema_replaces_the_reference_columns_as_a_whole_and_keeps_its_routes_and_order()
    {
        var json = new SchemaInput("schemas/usage.json", """
            {"Name": "ACSBillingUsage", "Properties": [
              {"Name": "UsageType", "Type": "string"}, {"Name": "TimeGenerated", "Type": "datetime"},
              {"Name": "Quantity", "Type": "long"}, {"Name": "NewerColumn", "Type": "string"}]}
            """);
        var run = RunWithTables("ACSBillingUsage", json);

        var note = Assert.Single(run.WithId("CLG1020"));
        Assert.Contains("_BilledSize:real", note.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
        var schema = TableSchemaView.Of(run.LoadAssembly(), "Contoso.CallLogs.AcsBillingUsage");
        // The user's columns and types (Quantity long, not the reference's real), in the reference's order, the user's own after.
        Assert.Equal(new[] { "Quantity:long", "TimeGenerated:datetime", "UsageType:string", "NewerColumn:string" }, schema.Columns.Select(c => c.Name + ":" + c.Type));
        Assert.Equal(new[] { "Microsoft.Communication/CommunicationServices/Usage" }, schema.Routes);
    }

    [Fact]
    public void Naming_one_more_table_rebuilds_no_other_table()
    {
        var properties = new Dictionary<string, string> { ["CallLogGenTables"] = "ACSBillingUsage" };
        var harness = new GeneratorHarness(RepositorySchemaFiles.Read(), properties: properties);
        harness.Run();
        properties["CallLogGenTables"] = "ACSBillingUsage;AZKVAuditLogs";
        harness.SetProperties(properties);
        var run = harness.Run();

        Assert.Equal(Enumerable.Repeat(IncrementalStepRunReason.Unchanged, run.StepReasons(CallLogGenerator.Steps.Settings).Count), run.StepReasons(CallLogGenerator.Steps.Settings));
        var built = run.StepReasons(CallLogGenerator.Steps.BuiltTables);
        Assert.Equal(1, built.Count(r => r == IncrementalStepRunReason.New));
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, built);
    }

    /// <summary>
    /// A sample of the reference's tables, one of every mix of column types and the widest, generated together by name,
    /// compiled, and checked column by column against the reference's source file (name, order, type, property name).
    /// All 697 tables when CALLLOGGEN_LONG_TESTS=1.
    /// </summary>
    [Fact]
    public void Reference_tables_generate_compile_and_match_the_reference_column_by_column()
    {
        var sample = TestSize.IsLong ? AzureMonitorCatalog.Instance.Tables.ToList() : Sample(50);
        output.WriteLine($"{sample.Count} tables ({(TestSize.IsLong ? "all" : "sample; all with " + TestSize.LongVariable + "=1")})");
        var run = RunWithTables(string.Join(";", sample.Select(t => t.Name)));

        Assert.Empty(run.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationProblems());
        using var reference = JsonDocument.Parse(File.ReadAllBytes(SourceFile));
        var tables = reference.RootElement.GetProperty("tables");
        var schemas = run.LoadAssembly().GetTypes()
            .Where(t => t.GetProperty("Schema", BindingFlags.Public | BindingFlags.Static) is { } p && p.PropertyType == typeof(TableSchema))
            .ToDictionary(t => ((TableSchema)t.GetProperty("Schema")!.GetValue(null)!).TableName, t => (Type: t, Schema: (TableSchema)t.GetProperty("Schema")!.GetValue(null)!));
        Assert.Equal(sample.Count, schemas.Count);
        foreach (var table in sample)
        {
            var (type, schema) = schemas[table.Name];
            var expected = tables.GetProperty(table.Name).EnumerateArray().Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString()).ToList();
            Assert.Equal(expected, schema.Columns.Select(c => c.Name + ":" + c.KqlTypeName));
            Assert.Equal(schema.Columns.Count, schema.Columns.Select(c => c.PropertyName).Distinct().Count());
            foreach (var column in schema.Columns)
            {
                Assert.StartsWith(CSharpNames.ToPascalCase(column.Name)!, column.PropertyName, StringComparison.Ordinal);
                Assert.NotNull(type.GetProperty(column.PropertyName));
            }
        }
    }

    [Fact]
    public void A_project_without_reference_tables_never_reads_the_reference_beyond_its_names()
    {
        // Docs pages need the whole reference (it is what they are matched against); a project of its own tables does not.
        // A generator of its own, loaded alone, so that what other tests read does not count.
        var context = new IsolatedGenerator();
        var custom = new SchemaInput("schemas/mytable.json", """{"Name": "MyTable_CL", "Properties": [{"Name": "TimeGenerated", "Type": "datetime"}, {"Name": "Level", "Type": "string"}]}""");
        var harness = new GeneratorHarness(new[] { custom }, generator: context.Create());
        harness.Run();
        Assert.False(context.IsCatalogueLoaded(), "a project whose tables the reference does not have read the whole reference");

        var withTable = new GeneratorHarness(Array.Empty<SchemaInput>(), properties: new Dictionary<string, string> { ["CallLogGenTables"] = "ACSBillingUsage" }, generator: context.Create());
        withTable.Run();
        Assert.True(context.IsCatalogueLoaded(), "naming a reference table did not read the reference");
    }

    private static IEnumerable<string> Expected(string table)
    {
        using var reference = JsonDocument.Parse(File.ReadAllBytes(SourceFile));
        return reference.RootElement.GetProperty("tables").GetProperty(table).EnumerateArray()
            .Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString())
            .ToList();
    }

    /// <summary>The widest table, then one table of every distinct set of column types, then the rest in name order, up to <paramref name="count"/>.</summary>
    private static List<CatalogTable> Sample(int count)
    {
        var tables = AzureMonitorCatalog.Instance.Tables;
        var sample = new List<CatalogTable> { tables.OrderByDescending(t => t.Columns.Count).First() };
        foreach (var group in tables.GroupBy(t => string.Join(",", t.Columns.Select(c => c.Type).Distinct().Order())).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sample.Add(group.First());
        }

        return sample.Concat(tables).Distinct().Take(count).ToList();
    }
}

/// <summary>The parts of a generated <c>TableSchema</c> the tests read, by reflection over the loaded assembly.</summary>
public sealed record TableSchemaView(string TableName, IReadOnlyList<(string Name, string Type, bool Required, string SourceFile, int SourceLine)> Columns, IReadOnlyList<string> Routes)
{
    public static TableSchemaView Of(Assembly assembly, string typeName)
    {
        dynamic schema = assembly.GetType(typeName, throwOnError: true)!.GetProperty("Schema")!.GetValue(null)!;
        var columns = new List<(string, string, bool, string, int)>();
        foreach (var column in (IEnumerable<object>)schema.Columns)
        {
            dynamic c = column;
            columns.Add(((string)c.Name, ((object)c.Type).ToString()!.ToLowerInvariant(), (bool)c.IsRequired, (string)c.SourceFile, (int)c.SourceLine));
        }

        var routes = ((IEnumerable<object>)schema.Routes).Select(r => r.ToString()!).ToList();
        return new TableSchemaView((string)schema.TableName, columns, routes);
    }
}

/// <summary>
/// The generator assembly loaded into a context of its own (Roslyn stays shared), so that its statics, the catalogue
/// among them, start empty: what one project's generation reads can be seen apart from every other test's.
/// </summary>
internal sealed class IsolatedGenerator : AssemblyLoadContext
{
    private readonly Assembly _generator;

    public IsolatedGenerator()
        : base("isolated-generator", isCollectible: true)
    {
        _generator = LoadFromAssemblyPath(typeof(CallLogGenerator).Assembly.Location);
    }

    public IIncrementalGenerator Create() => (IIncrementalGenerator)Activator.CreateInstance(_generator.GetType(typeof(CallLogGenerator).FullName!, throwOnError: true)!)!;

    public bool IsCatalogueLoaded() =>
        (bool)_generator.GetType(typeof(AzureMonitorCatalog).FullName!, throwOnError: true)!.GetProperty(nameof(AzureMonitorCatalog.IsLoaded), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    // Everything else (Roslyn, Markdig) comes from the default context, so the generator's interfaces are the harness's.
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
