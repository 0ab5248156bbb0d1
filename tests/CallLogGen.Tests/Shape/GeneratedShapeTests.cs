using System.Reflection;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Shape;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Shape;

/// <summary>
/// The contract between the emitters and the analyzers (<see cref="GeneratedShape"/>) holds: its runtime names are the
/// runtime library's types, the generated code has the members it names, and what the analyzers read from the generated
/// code's metadata (each column's KQL name) is what the generated <c>Schema</c> says at run time.
/// </summary>
public class GeneratedShapeTests
{
    // Column names that differ from their property names in every way the generator renames: an underscore, a space, a
    // case collision, a reserved member name, an acronym.
    private const string Page = """
        # Contoso logs

        ## Requests

        | Column | Type | Description |
        |---|---|---|
        | TimeGenerated | datetime | When. |
        | _ResourceId | string | The resource. |
        | ResourceId | string | The other resource id. |
        | Operation Name | string | A name with a space. |
        | URI | string | An acronym. |
        | Schema | string | Named like the static property. |
        | KqlColumns | string | Named like the columns class. |
        | DurationMs | long | How long. |
        """;

    private static readonly PropertyInfo[] RuntimeTypes = typeof(GeneratedShape)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(GeneratedShape.RuntimeType))
        .ToArray();

    [Fact]
    public void Every_runtime_type_the_contract_names_is_a_type_of_the_runtime_library_spelled_as_generated_code_writes_it()
    {
        Assert.True(RuntimeTypes.Length >= 4, "the contract names fewer runtime types than expected");
        foreach (var property in RuntimeTypes)
        {
            var name = (GeneratedShape.RuntimeType)property.GetValue(null)!;
            var type = typeof(TableSchema).Assembly.GetType(name.MetadataName);
            Assert.True(type is not null, $"{property.Name}: the runtime library has no type {name.MetadataName}");
            Assert.Equal(type!.Namespace, name.Namespace);
            var expected = "global::" + type.FullName!.Split('`')[0];
            Assert.Equal(typeof(Attribute).IsAssignableFrom(type) ? expected[..^"Attribute".Length] : expected, name.InCode);
        }

        Assert.Equal(GeneratedShape.KqlNamespace, typeof(CallLogGen.Kql.KqlQuery<>).Namespace);
    }

    [Fact]
    public void A_generated_model_has_the_members_the_contract_names_and_columns_named_like_them_are_renamed()
    {
        var run = new GeneratorHarness(new[] { new SchemaInput("schemas/contoso.md", Page) }).Run();
        Assert.Empty(run.CompilationProblems());
        var assembly = run.LoadAssembly();
        var model = assembly.GetType("Contoso.CallLogs.Requests", throwOnError: true)!;

        Assert.NotNull(model.GetProperty(GeneratedShape.SchemaProperty, BindingFlags.Public | BindingFlags.Static));
        Assert.NotNull(model.GetProperty(GeneratedShape.JsonProperty, BindingFlags.Public | BindingFlags.Static));
        Assert.NotNull(model.GetProperty(GeneratedShape.UnmappedFieldsProperty, BindingFlags.Public | BindingFlags.Instance));
        Assert.NotNull(model.GetMethod(GeneratedShape.QueryMethod, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes));
        Assert.NotNull(model.GetNestedType(GeneratedShape.ColumnsClass, BindingFlags.Public));
        Assert.NotNull(model.GetNestedType(GeneratedShape.JsonMappingClass, BindingFlags.NonPublic));
        Assert.NotNull(assembly.GetType("Contoso.CallLogs." + GeneratedShape.TablesIndexType));
        Assert.Contains(GeneratedShape.TablesIndexHintName, run.Sources.Keys);

        // Columns named like generated members take other property names.
        Assert.True(GeneratedShape.IsReservedMemberName(GeneratedShape.SchemaProperty) && GeneratedShape.IsReservedMemberName(GeneratedShape.ColumnsClass));
        Assert.NotNull(model.GetProperty("SchemaValue"));
        Assert.NotNull(model.GetProperty("KqlColumnsValue"));
    }

    [Theory]
    [InlineData("Json")]
    [InlineData("KqlColumns")]
    [InlineData("Descriptions")]
    [InlineData("CallLogTables")]
    public void A_table_named_like_a_generated_member_or_the_tables_index_compiles(string table)
    {
        var page = "# Logs\n\n## " + table + "\n\n| Column | Type | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| Level | string | The level. |\n";
        var run = new GeneratorHarness(new[] { new SchemaInput("schemas/logs.md", page) }).Run();

        Assert.Empty(run.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationProblems());
        var model = run.LoadAssembly().GetType("Contoso.CallLogs." + table + "Record", throwOnError: true)!;
        Assert.Equal(table, ((TableSchema)model.GetProperty(GeneratedShape.SchemaProperty, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).TableName);
    }

    [Fact]
    public void Table_options_that_name_a_model_like_a_generated_member_are_an_error_and_the_model_takes_another_name()
    {
        var page = "# Logs\n\n## Audit\n\n| Column | Type | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n";
        var options = """{"tables": [{"tableName": "Audit", "typeName": "Query"}]}""";
        var run = new GeneratorHarness(new[] { new SchemaInput("schemas/logs.md", page), new SchemaInput("schemas/logs.options.json", options) }).Run();

        var error = Assert.Single(run.WithId("CLG1014"));
        Assert.Contains("typeName 'Query' is a name the generated code takes", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
        Assert.NotNull(run.LoadAssembly().GetType("Contoso.CallLogs.Audit"));
    }

    [Fact]
    public void The_analyzers_read_each_columns_kql_name_from_the_generated_metadata_as_the_schema_has_it()
    {
        var run = new GeneratorHarness(RepositorySchemaFiles.Read().Append(new SchemaInput("schemas/contoso.md", Page))).Run();
        Assert.Empty(run.CompilationProblems());
        var assembly = run.LoadAssembly();
        var models = run.Output.GetSymbolsWithName(GeneratedShape.ColumnsClass, SymbolFilter.Type).Cast<INamedTypeSymbol>().Select(c => c.ContainingType).ToList();
        Assert.Equal(3, models.Count);
        var renamed = 0;
        foreach (var model in models)
        {
            var schema = (TableSchema)assembly.GetType(model.ToDisplayString(), throwOnError: true)!.GetProperty(GeneratedShape.SchemaProperty)!.GetValue(null)!;
            var columns = model.GetTypeMembers(GeneratedShape.ColumnsClass).Single().GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).ToList();
            Assert.Equal(schema.Columns.Select(c => c.PropertyName).Order(), columns.Select(c => c.Name).Order());
            foreach (var column in schema.Columns)
            {
                var typed = columns.Single(c => c.Name == column.PropertyName);
                var property = model.GetMembers(column.PropertyName).OfType<IPropertySymbol>().Single();
                Assert.Equal(column.Name, QueryInterpreter.KqlName(typed));
                Assert.Equal(column.Name, QueryInterpreter.KqlName(property));
                Assert.Equal(column.KqlTypeName, QueryInterpreter.KqlTypeName(typed.Type));
                renamed += column.Name == column.PropertyName ? 0 : 1;
            }
        }

        Assert.True(renamed >= 8, $"only {renamed} columns have a KQL name other than their property name: the test proves little");
    }
}
