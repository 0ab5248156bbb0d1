using CallLogGen.Model;
using CallLogGen.Schema;
using CallLogGen.Schema.Json;
using Xunit;

namespace CallLogGen.Tests.Schema.Json;

public class JsonSchemaReaderTests
{
    private static SchemaDocument Read(string text)
    {
        var document = JsonCorpus.ReadText(text);
        JsonAssert.WellFormed(document, text);
        return document;
    }

    private static string Describe(SourceColumn column) => $"{column.Name}:{column.TypeText}:{column.Type}";

    // Expected values read off each corpus file by hand: "name:type as written:KqlType".
    [Theory]
    [InlineData("azure-rest-api-specs/TablesGet.json", "AzureMonitorTablesApi", "table1_SRCH", 7,
        "TenantId:guid:Guid|SourceSystem:string:String|MG:guid:Guid", "RawData:string:String")]
    [InlineData("azure-rest-api-specs/TablesUpsert.json", "AzureMonitorTablesApi", "AzureNetworkFlow", 16,
        "TenantId:guid:Guid|SourceSystem:string:String|TimeGenerated:dateTime:DateTime", "MyNewColumn:guid:Guid")]
    [InlineData("azure-sentinel-customtables/AZKVAuditLogs.json", "SentinelCustomTable", "AZKVAuditLogs", 48,
        "TenantId:string:String|TimeGenerated:datetime:DateTime|ResultType:string:String", "_ResourceId:string:String")]
    [InlineData("azure-sentinel-customtables/ApiManagementGatewayLogs.json", "SentinelCustomTable", "ApiManagementGatewayLogs", 16,
        "TimeGenerated:DateTime:DateTime|ApiId:String:String|OperationId:String:String", "CorrelationId:String:String")]
    [InlineData("azure-sentinel-customtables/AppServiceHTTPLogs.json", "SentinelCustomTable", "AppServiceHTTPLogs", 23,
        "TenantId:string:String|TimeGenerated:datetime:DateTime|Category:string:String", "_ResourceId:string:String")]
    [InlineData("azure-sentinel-customtables/StorageBlobLogs.json", "SentinelCustomTable", "StorageBlobLogs", 44,
        "TenantId:string:String|SourceSystem:string:String|TimeGenerated:datetime:DateTime", "_ResourceId:string:String")]
    public void Reads_each_corpus_file(string file, string format, string table, int columnCount, string firstThree, string last)
    {
        var path = Path.Combine(JsonCorpus.CorpusJson, file);
        var document = JsonCorpus.Read(path);
        JsonAssert.WellFormed(document, File.ReadAllText(path));

        Assert.Equal(Enum.Parse<SchemaFormat>(format), document.Format);
        Assert.Empty(document.Diagnostics);
        Assert.Empty(document.Options);
        Assert.Equal(path, document.FilePath);
        Assert.Equal("corpus/json/" + file, document.RelativePath);

        var source = Assert.Single(document.Tables);
        Assert.Equal(table, source.Name);
        Assert.True(source.NameIsTableName);
        Assert.Equal(columnCount, source.Columns.Count);
        Assert.Equal(firstThree.Split('|'), source.Columns.Take(3).Select(Describe));
        Assert.Equal(last, Describe(source.Columns[columnCount - 1]));
        Assert.All(source.Columns, c => Assert.NotNull(c.Type));
        Assert.All(source.Columns, c => Assert.Equal(Requiredness.Unspecified, c.Required));
        Assert.Equal(columnCount, source.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());

        // Every column points at its name value in the file, quotes included.
        var text = File.ReadAllText(path);
        Assert.All(source.Columns, c => Assert.Equal("\"" + c.Name + "\"", text.Substring(c.Location.Start, c.Location.Length)));
        Assert.Equal("\"" + table + "\"", text.Substring(source.Location.Start, source.Location.Length));
    }

    [Fact]
    public void Locates_sentinel_tables_and_columns_by_line_and_column()
    {
        var document = JsonCorpus.Read(Path.Combine(JsonCorpus.CorpusJson, "azure-sentinel-customtables", "AZKVAuditLogs.json"));
        var table = Assert.Single(document.Tables);
        Assert.Equal((1, 12, 1, 27), (table.Location.Line, table.Location.Column, table.Location.EndLine, table.Location.EndColumn));
        Assert.Equal((4, 20, 10), (table.Columns[0].Location.Line, table.Columns[0].Location.Column, table.Columns[0].Location.Length));
        Assert.Equal("AZKVAuditLogs.json(5,21)", Path.GetFileName(table.Columns[0].Location.Display));
        Assert.Equal((8, 20), (table.Columns[1].Location.Line, table.Columns[1].Location.Column));
    }

    [Fact]
    public void Reads_a_Tables_API_example_once_from_its_response_not_its_request()
    {
        // TablesUpsert.json describes AzureNetworkFlow in the request (1 column) and the 200 response (16).
        var document = JsonCorpus.Read(Path.Combine(JsonCorpus.CorpusJson, "azure-rest-api-specs", "TablesUpsert.json"));
        var table = Assert.Single(document.Tables);
        Assert.Equal(16, table.Columns.Count);
        var text = File.ReadAllText(document.FilePath);
        Assert.True(table.Location.Start > text.IndexOf("\"responses\"", StringComparison.Ordinal));
        Assert.Equal("", table.Columns[0].Description);
        Assert.Null(table.Description);
    }

    [Fact]
    public void Reads_a_request_body_when_no_response_describes_the_table()
    {
        var document = Read("""
            {
              "parameters": {
                "tableName": "Custom_CL",
                "parameters": { "properties": { "schema": { "columns": [ { "name": "Msg", "type": "string", "description": "The text." } ] } } }
              },
              "responses": { "202": { "headers": { "location": "x" } }, "default": { "body": { "error": { "code": "x" } } } }
            }
            """);
        Assert.Equal(SchemaFormat.AzureMonitorTablesApi, document.Format);
        var table = Assert.Single(document.Tables);
        Assert.Equal("Custom_CL", table.Name);
        var column = Assert.Single(table.Columns);
        Assert.Equal(("Msg", CallLogGen.Model.KqlType.String, "The text."), (column.Name, column.Type!.Value, column.Description));
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Reads_a_table_resource_and_a_list_of_them()
    {
        var single = Read("""
            { "name": "MyTable_CL", "properties": { "schema": { "description": "Mine.", "columns": [ { "name": "A", "type": "boolean" } ],
              "standardColumns": [ { "name": "TimeGenerated", "type": "dateTime" } ] } } }
            """);
        var table = Assert.Single(single.Tables);
        Assert.Equal(("MyTable_CL", "Mine."), (table.Name, table.Description));
        Assert.Equal(new[] { "TimeGenerated:dateTime:DateTime", "A:boolean:Bool" }, table.Columns.Select(Describe));

        var list = Read("""
            { "value": [
              { "name": "A", "properties": { "schema": { "name": "A", "columns": [ { "name": "x", "type": "int" } ] } } },
              { "name": "B", "properties": { "schema": { "columns": [ { "name": "y", "type": "long" } ] } } },
              { "name": "a", "properties": { "schema": { "columns": [ { "name": "z", "type": "long" } ] } } },
              { "name": "NoSchema", "properties": { } }
            ] }
            """);
        Assert.Equal(SchemaFormat.AzureMonitorTablesApi, list.Format);
        Assert.Equal(new[] { "A", "B" }, list.Tables.Select(t => t.Name));
        Assert.Equal("x", Assert.Single(list.Tables[0].Columns).Name);
    }

    [Fact]
    public void Reads_Kusto_table_schemas_preferring_CslType()
    {
        const string text = """
            {
              "Name": "Events",
              "DocString": "All events.",
              "OrderedColumns": [
                { "Name": "Timestamp", "Type": "System.DateTime", "CslType": "datetime", "DocString": "When." },
                { "Name": "Flag", "Type": "System.SByte", "CslType": "bool" },
                { "Name": "OnlyNet", "Type": "System.SByte" },
                { "Name": "Amount", "Type": "System.Data.SqlTypes.SqlDecimal", "CslType": "decimal" },
                { "Name": "Weird", "Type": "System.String", "CslType": "varchar" }
              ]
            }
            """;
        var document = Read(text);
        Assert.Equal(SchemaFormat.KustoTableSchema, document.Format);
        var table = Assert.Single(document.Tables);
        Assert.Equal(("Events", "All events.", true), (table.Name, table.Description, table.NameIsTableName));
        Assert.Equal(
            new[] { "Timestamp:datetime:DateTime", "Flag:bool:Bool", "OnlyNet:System.SByte:Bool", "Amount:decimal:Decimal", "Weird:varchar:" },
            table.Columns.Select(Describe));
        Assert.Equal("When.", table.Columns[0].Description);

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1006", diagnostic.Id);
        Assert.Equal(new[] { "Weird", "varchar" }, diagnostic.Arguments);
        Assert.Equal(JsonAssert.Find(text, "\"varchar\""), (diagnostic.Location!.Value.Line, diagnostic.Location.Value.Column));
        Assert.Equal((8, 59, 9), (diagnostic.Location.Value.Line, diagnostic.Location.Value.Column, diagnostic.Location.Value.Length));
    }

    [Fact]
    public void Matches_member_names_of_foreign_formats_ignoring_case()
    {
        var document = Read("""{"name": "T", "properties": [{"name": "a", "type": "string"}, {"NAME": "b", "TYPE": "real"}]}""");
        Assert.Equal(SchemaFormat.SentinelCustomTable, document.Format);
        Assert.Equal(new[] { "a:string:String", "b:real:Real" }, Assert.Single(document.Tables).Columns.Select(Describe));
    }

    [Fact]
    public void Reports_a_duplicate_column_and_skips_the_second()
    {
        const string text = "{\"Name\": \"T\", \"Properties\": [\n {\"Name\": \"A\", \"Type\": \"string\"},\n {\"Name\": \"a\", \"Type\": \"int\"},\n {\"Name\": \"A\", \"Type\": \"int\"}\n]}";
        var document = Read(text);
        Assert.Equal(new[] { "A:string:String", "a:int:Int" }, Assert.Single(document.Tables).Columns.Select(Describe));
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1004", diagnostic.Id);
        Assert.Equal(new[] { "T", "A", "test.json(2,11)" }, diagnostic.Arguments);
        Assert.Equal((3, 10, 3), (diagnostic.Location!.Value.Line, diagnostic.Location.Value.Column, diagnostic.Location.Value.Length));
        Assert.Equal("CLG1004 test.json(4,11): table 'T' already has a column 'A' (at test.json(2,11)); this one is skipped", JsonAssert.Render(diagnostic));
    }

    [Fact]
    public void Reports_a_duplicate_across_standard_and_custom_columns()
    {
        var document = Read("""
            { "name": "T", "properties": { "schema": {
              "standardColumns": [ { "name": "TimeGenerated", "type": "datetime" } ],
              "columns": [ { "name": "TimeGenerated", "type": "string" } ] } } }
            """);
        Assert.Equal("TimeGenerated:datetime:DateTime", Describe(Assert.Single(Assert.Single(document.Tables).Columns)));
        Assert.Equal("CLG1004", Assert.Single(document.Diagnostics).Id);
    }

    [Fact]
    public void Keeps_a_column_of_unknown_type_without_a_type()
    {
        const string text = """{"Name": "T", "Properties": [{"Name": "A", "Type": "varchar(20)"}, {"Name": "B"}, {"Name": "C", "Type": null}]}""";
        var document = Read(text);
        var columns = Assert.Single(document.Tables).Columns;
        Assert.Equal(new[] { "A:varchar(20):", "B::", "C::" }, columns.Select(Describe));
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1006", diagnostic.Id);
        Assert.Equal(new[] { "A", "varchar(20)" }, diagnostic.Arguments);
        Assert.Equal((0, 51, 13), (diagnostic.Location!.Value.Line, diagnostic.Location.Value.Column, diagnostic.Location.Value.Length));
    }

    [Fact]
    public void Skips_items_that_are_not_columns_with_CLG1003()
    {
        var document = Read("""{"Name": "T", "Properties": ["A", {"Type": "string"}, {"Name": 5}, {"Name": ""}, {"Name": "B", "Type": 3}, {"Name": "C", "Type": "int"}]}""");
        Assert.Equal("C", Assert.Single(Assert.Single(document.Tables).Columns).Name);
        Assert.Equal(new[] { "CLG1003" }, document.Diagnostics.Select(d => d.Id).Distinct());
        Assert.Equal(
            new[]
            {
                "it is a string, not an object with a \"Name\" and a \"Type\"",
                "it has no \"Name\"",
                "its \"Name\" is a number, not a column name",
                "its \"Name\" is empty, not a column name",
                "the type of column 'B' is a number, not a string",
            },
            document.Diagnostics.Select(d => d.Arguments[1]));
        Assert.All(document.Diagnostics, d => Assert.Equal("T", d.Arguments[0]));
        Assert.Equal(29, document.Diagnostics[0].Location!.Value.Column);
        Assert.Equal(34, document.Diagnostics[1].Location!.Value.Column);
    }

    [Theory]
    [InlineData("""{"Name": "Empty", "Properties": []}""", "SentinelCustomTable")]
    [InlineData("""{"Name": "Empty", "Properties": [{"Name": ""}]}""", "SentinelCustomTable")]
    [InlineData("""{"Name": "Empty", "OrderedColumns": []}""", "KustoTableSchema")]
    [InlineData("""{"name": "Empty", "properties": {"schema": {"columns": [], "standardColumns": []}}}""", "AzureMonitorTablesApi")]
    public void Reports_a_table_without_columns_with_CLG1016_and_leaves_it_out(string text, string format)
    {
        var document = Read(text);
        Assert.Equal(Enum.Parse<SchemaFormat>(format), document.Format);
        Assert.Empty(document.Tables);
        var diagnostic = document.Diagnostics[^1];
        Assert.Equal(("CLG1016", "Empty"), (diagnostic.Id, Assert.Single(diagnostic.Arguments)));
        Assert.Equal("\"Empty\"", text.Substring(diagnostic.Location!.Value.Start, diagnostic.Location.Value.Length));
    }

    [Theory]
    [InlineData("{\n  \"Name\": \"T\",\n  \"Properties\": [ {\"Name\": \"a\" \"Type\": \"string\"} ]\n}", 2, 31, "expected ',' or '}' after a member, found '\"' (is a ',' missing?)")]
    [InlineData("{\"a\": tru}", 0, 6, "expected a value, found 'tru'")]
    [InlineData("\uFEFF{\r\n\t\"a\": [1,]\r\n}", 1, 9, "expected a value after ',', found ']' (JSON allows no trailing comma)")]
    public void Reports_invalid_JSON_as_CLG1001_at_the_first_error(string text, int line, int column, string message)
    {
        var document = Read(text);
        Assert.Equal(SchemaFormat.None, document.Format);
        Assert.Empty(document.Tables);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1001", diagnostic.Id);
        Assert.Equal(new[] { message }, diagnostic.Arguments);
        Assert.Equal((line, column), (diagnostic.Location!.Value.Line, diagnostic.Location.Value.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("{\"records\": [{\"time\": \"2024-01-01\"}]}")]
    [InlineData("{\"Name\": \"OnlyAName\"}")]
    [InlineData("{\"Name\": \"\", \"Properties\": []}")]
    [InlineData("{\"tables\": [{\"name\": \"PrimaryResult\", \"columns\": [], \"rows\": []}]}")]
    [InlineData("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\"}")]
    [InlineData("{\"properties\": {\"schema\": {\"columns\": []}}}")]
    public void Reports_other_JSON_as_CLG1002_and_ignores_it(string text)
    {
        var document = Read(text);
        Assert.Equal(SchemaFormat.None, document.Format);
        Assert.Empty(document.Tables);
        Assert.Empty(document.Options);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1002", diagnostic.Id);
        Assert.Empty(diagnostic.Arguments);
    }

    [Fact]
    public void Ignores_the_record_samples_of_the_corpus()
    {
        var samples = Directory.EnumerateFiles(Path.Combine(JsonCorpus.TestDataRoot, "corpus", "samples"), "*.json", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(samples);
        foreach (var path in samples)
        {
            var document = JsonCorpus.Read(path);
            Assert.Equal(SchemaFormat.None, document.Format);
            Assert.Equal("CLG1002", Assert.Single(document.Diagnostics).Id);
        }
    }

    [Fact]
    public void Gives_equal_documents_for_equal_input()
    {
        var path = Path.Combine(JsonCorpus.CorpusJson, "azure-rest-api-specs", "TablesGet.json");
        Assert.Equal(JsonCorpus.Read(path), JsonCorpus.Read(path));
    }

    [Fact]
    public void Honors_cancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            JsonSchemaReader.Read(new SchemaFile("/x.json", "x.json", "{}"), cts.Token));
    }

    [Fact]
    public void Is_what_the_schema_reader_uses_for_json_files()
    {
        var document = SchemaReader.Read(new SchemaFile("/x/T.JSON", "T.JSON", """{"Name": "T", "Properties": []}"""), CancellationToken.None);
        Assert.Equal(SchemaFormat.SentinelCustomTable, document.Format);
    }
}
