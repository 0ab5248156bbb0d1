using CallLogGen.Model;
using CallLogGen.Schema.Json;
using Xunit;

namespace CallLogGen.Tests.Schema.Json;

public class TableOptionsReaderTests
{
    private static readonly string ValidPath = Path.Combine(JsonCorpus.Fixtures, "table-options.valid.json");
    private static readonly string InvalidPath = Path.Combine(JsonCorpus.Fixtures, "table-options.invalid.json");

    private static SchemaDocument Read(string text)
    {
        var document = JsonCorpus.ReadText(text, "options.json");
        JsonAssert.WellFormed(document, text);
        return document;
    }

    private static ColumnOptions Column(string column, ColumnAction action, string? rename = null, string? type = null,
        bool? required = null, string? propertyName = null, string? description = null) =>
        new(column, action, rename, type, type is not null && TableOptionsReader.TypeNames.Contains(type) && KqlTypes.TryParse(type, out var t) ? t : null,
            required, propertyName, description, default);

    // Locations are checked on their own; the rest of the records compares as a whole.
    private static TableOptions WithoutLocations(TableOptions table) => table with
    {
        Location = default,
        Columns = table.Columns.Select(c => c with { Location = default }).ToEquatableArray(),
    };

    [Fact]
    public void Maps_the_valid_example_to_table_options_records()
    {
        var document = JsonCorpus.Read(ValidPath);
        var text = File.ReadAllText(ValidPath);
        JsonAssert.WellFormed(document, text);

        Assert.Equal(SchemaFormat.TableOptions, document.Format);
        Assert.Empty(document.Diagnostics);
        Assert.Empty(document.Tables);
        Assert.Empty(document.Includes);

        var expected = new[]
        {
            new TableOptions(
                "ACSCallAutomationIncomingOperations", "schemas/call-automation-logs.md", "Incoming operations",
                "CallAutomationIncomingOperation", "CallAutomationOperational", "Incoming requests to the Call Automation API.",
                new StandardColumnSelection(true, EquatableArray<string>.Empty),
                EquatableArray.Create(
                    Column("time", ColumnAction.Update, rename: "TimeGenerated", type: "datetime", required: true),
                    Column("correlationId", ColumnAction.Update, rename: "CorrelationId", propertyName: "CorrelationId"),
                    Column("properties", ColumnAction.Drop),
                    Column("SdkType", ColumnAction.Add, type: "string", description: "The SDK used in the request."),
                    Column("durationMs", ColumnAction.Update, type: "real", required: false, description: "")),
                default),
            new TableOptions(
                "StorageBlobLogs", null, "StorageBlobLogs", null, null, null,
                new StandardColumnSelection(true, EquatableArray.Create("TimeGenerated", "_ItemId")),
                EquatableArray<ColumnOptions>.Empty, default),
            new TableOptions(
                "AppServiceHTTPLogs", "schemas/AppServiceHTTPLogs.json", null, null, null, null,
                new StandardColumnSelection(false, EquatableArray.Create("TenantId", "_ResourceId")),
                EquatableArray.Create(
                    Column("ComputerName", ColumnAction.Add, type: "string"),
                    Column("Category", ColumnAction.Drop)),
                default),
        };
        Assert.Equal(expected, document.Options.Select(WithoutLocations));
        Assert.Equal(CallLogGen.Model.KqlType.DateTime, document.Options[0].Columns[0].Type);

        // A table points at its tableName value, a column entry at its column value.
        var first = document.Options[0];
        Assert.Equal(JsonAssert.Find(text, "\"ACSCallAutomationIncomingOperations\""), (first.Location.Line, first.Location.Column));
        Assert.Equal("\"ACSCallAutomationIncomingOperations\"", text.Substring(first.Location.Start, first.Location.Length));
        Assert.Equal((5, 19), (first.Location.Line, first.Location.Column));
        Assert.Equal((12, 20), (first.Columns[0].Location.Line, first.Columns[0].Location.Column));
        Assert.All(document.Options.SelectMany(o => o.Columns), c =>
            Assert.Equal("\"" + c.Column + "\"", text.Substring(c.Location.Start, c.Location.Length)));
        Assert.All(document.Options, o => Assert.Equal(document.RelativePath, o.Location.RelativePath));
    }

    [Fact]
    public void Reports_each_problem_of_the_invalid_example_at_its_value_and_reads_the_rest()
    {
        var document = JsonCorpus.Read(InvalidPath);
        var text = File.ReadAllText(InvalidPath);
        JsonAssert.WellFormed(document, text);
        Assert.Equal(SchemaFormat.TableOptions, document.Format);

        (string Id, (int, int) At, string Message)[] expected =
        {
            ("CLG1014", JsonAssert.Find(text, "42"), "tables[0].typeName: expected a string, found a number"),
            ("CLG1015", JsonAssert.Find(text, "\"TenantID\""), "TenantID"),
            ("CLG1014", JsonAssert.Find(text, "\"remove\""), "tables[0].columns[0].action: 'remove' is not an action; use \"update\", \"drop\" or \"add\"; this entry is skipped"),
            ("CLG1006", JsonAssert.Find(text, "\"Double\""), "b"),
            ("CLG1014", JsonAssert.Find(text, "\"nmae\""), "tables[0].columns[2].nmae: unknown property 'nmae' (known: $comment, column, action, rename, type, required, propertyName, description, exportPath, lowCardinality, obsolete)"),
            ("CLG1014", JsonAssert.Find(text, "\"yes\""), "tables[0].columns[2].required: expected true or false, found a string"),
            ("CLG1014", JsonAssert.Find(text, "\"type\": \"string\""), "tables[0].columns[4].type: a \"drop\" entry takes only \"column\" and \"action\"; \"type\" is ignored"),
            ("CLG1014", JsonAssert.Find(text, "\"Time Generated\""), "tables[0].columns[5].rename: 'Time Generated' is not a Log Analytics column name (letters, digits and '_', not starting with a digit)"),
            ("CLG1014", (17, 4), "tables[1]: a table needs a \"tableName\" (its Log Analytics name); this entry is skipped"),
            ("CLG1014", JsonAssert.Find(text, "\"Bad-Name\""), "tables[2].tableName: 'Bad-Name' is not a Log Analytics table name (letters, digits and '_', not starting with a digit)"),
            ("CLG1014", JsonAssert.Find(text, "\"sauce\""), "tables[3].sauce: unknown property 'sauce' (known: $comment, tableName, source, typeName, category, routes, description, standardColumns, acceptUndocumentedColumns, columns)"),
        };
        Assert.Equal(
            expected.Select(e => $"{e.Id} {e.At} {e.Message}"),
            document.Diagnostics.Select(d => $"{d.Id} {(d.Location!.Value.Line, d.Location.Value.Column)} {d.Arguments[0]}"));

        // What could be read was read.
        Assert.Equal(new[] { "GoodTable", "Second" }, document.Options.Select(o => o.TableName));
        var good = document.Options[0];
        Assert.Null(good.TypeName);
        Assert.Equal(new StandardColumnSelection(true, EquatableArray<string>.Empty), good.StandardColumns);
        Assert.Equal(
            new[]
            {
                Column("b", ColumnAction.Update, type: "Double"),
                Column("c", ColumnAction.Update),
                Column("d", ColumnAction.Add),
                Column("e", ColumnAction.Drop),
                Column("f", ColumnAction.Update),
                Column("g", ColumnAction.Update, propertyName: "G"),
            },
            good.Columns.Select(c => c with { Location = default }));
        Assert.Null(good.Columns[0].Type);
        Assert.Equal("CLG1014 " + Path.GetFileName(InvalidPath).Insert(0, "tests/CallLogGen.Tests/Schema/Json/Fixtures/") + "(6,19): tables[0].typeName: expected a string, found a number",
            JsonAssert.Render(document.Diagnostics[0]));
    }

    [Theory]
    [InlineData("""{"$schema": "https://example.com/schemas/table-options.schema.json", "tables": []}""")]
    [InlineData("""{"$schema": "../docs/TABLE-OPTIONS.SCHEMA.JSON#", "tables": []}""")]
    [InlineData("""{"tables": [{"tableName": "T"}]}""")]
    [InlineData("""{"tables": [{"other": 1}, {"tableName": 5}]}""")]
    [InlineData("""{"$schema": "table-options.schema.json"}""")]
    public void Detects_table_options_by_schema_or_by_tables_with_tableName(string text) =>
        Assert.Equal(SchemaFormat.TableOptions, Read(text).Format);

    [Theory]
    [InlineData("""{"tables": []}""")]
    [InlineData("""{"tables": [{"name": "PrimaryResult"}]}""")]
    [InlineData("""{"$schema": "table-options.schema.json.bak", "tables": []}""")]
    [InlineData("""{"tables": {"tableName": "T"}}""")]
    public void Does_not_take_other_json_for_table_options(string text)
    {
        var document = Read(text);
        Assert.Equal(SchemaFormat.None, document.Format);
        Assert.Equal("CLG1002", Assert.Single(document.Diagnostics).Id);
    }

    [Fact]
    public void Reports_a_missing_tables_array_at_the_root()
    {
        var diagnostic = Assert.Single(Read("""{"$schema": "table-options.schema.json"}""").Diagnostics);
        Assert.Equal(("CLG1014", "table options need a \"tables\" array", 0, 0), (diagnostic.Id, diagnostic.Arguments[0], diagnostic.Location!.Value.Line, diagnostic.Location.Value.Column));

        diagnostic = Assert.Single(Read("""{"$schema": "table-options.schema.json", "tables": {}}""").Diagnostics);
        Assert.Equal(("tables: expected an array of tables, found an object", 51), (diagnostic.Arguments[0], diagnostic.Location!.Value.Column));
    }

    [Fact]
    public void Reports_duplicate_tables_columns_and_properties_which_the_JSON_Schema_cannot()
    {
        const string text = """
            {
              "tables": [
                { "tableName": "T", "typeName": "A", "typeName": "B",
                  "columns": [ { "column": "x", "type": "int" }, { "column": "x", "action": "drop" }, { "column": "X" } ] },
                { "tableName": "t" }
              ]
            }
            """;
        var document = Read(text);
        static string At((int Line, int Column) p) => $"({p.Line},{p.Column})";
        static string Display((int Line, int Column) p) => $"options.json({p.Line + 1},{p.Column + 1})";
        Assert.Equal(
            new[]
            {
                At(JsonAssert.Find(text, "\"typeName\"", 1)) + " tables[0].typeName: the property is given twice; the last one is used",
                At(JsonAssert.Find(text, "\"x\"", 1)) + $" tables[0].columns[1].column: column 'x' already has an entry at {Display(JsonAssert.Find(text, "\"x\""))}; this entry is skipped",
                At(JsonAssert.Find(text, "\"t\"")) + $" tables[1].tableName: table 't' already has options at {Display(JsonAssert.Find(text, "\"T\""))}; this entry is skipped",
            },
            document.Diagnostics.Select(d => $"({d.Location!.Value.Line},{d.Location.Value.Column}) {d.Arguments[0]}"));
        Assert.Equal((3, 65), JsonAssert.Find(text, "\"x\"", 1));
        var table = Assert.Single(document.Options);
        Assert.Equal("B", table.TypeName);
        Assert.Equal(new[] { ("x", ColumnAction.Update), ("X", ColumnAction.Update) }, table.Columns.Select(c => (c.Column, c.Action)));
    }

    [Fact]
    public void Reads_export_paths_and_low_cardinality_and_reports_a_bad_path_at_its_value()
    {
        const string text = """
            {"tables": [{"tableName": "T", "columns": [
              {"column": "a", "exportPath": "properties.alpha", "lowCardinality": true},
              {"column": "b", "exportPath": ""},
              {"column": "c", "exportPath": "properties.x.y"},
              {"column": "d", "lowCardinality": "yes"}]}]}
            """;

        var document = Read(text);

        var columns = Assert.Single(document.Options).Columns;
        Assert.Equal(new string?[] { "properties.alpha", "", null, null }, columns.Select(c => c.ExportPath));
        Assert.Equal(new bool?[] { true, null, null, null }, columns.Select(c => c.LowCardinality));
        Assert.Equal(
            new[]
            {
                $"{JsonAssert.Find(text, "\"properties.x.y\"")} tables[0].columns[2].exportPath: 'properties.x.y' is not an export path; use a top-level field name (\"durationMs\"), \"properties.\" and a field name, or \"\" for a column that exports do not carry",
                $"{JsonAssert.Find(text, "\"yes\"")} tables[0].columns[3].lowCardinality: expected true or false, found a string",
            },
            document.Diagnostics.Select(d => $"({d.Location!.Value.Line}, {d.Location.Value.Column}) {d.Arguments[0]}"));
    }

    [Fact]
    public void Reads_standard_columns_in_every_form()
    {
        static StandardColumnSelection Standard(string json) =>
            Assert.Single(Read($$"""{"tables": [{"tableName": "T", "standardColumns": {{json}}}]}""").Options).StandardColumns;

        Assert.Equal(new StandardColumnSelection(true, EquatableArray<string>.Empty), Standard("\"resourceLog\""));
        Assert.Equal(StandardColumnSelection.None, Standard("[]"));
        Assert.Equal(new StandardColumnSelection(false, EquatableArray.Create("_TimeReceived", "TenantId")), Standard("""["_TimeReceived", "TenantId"]"""));
        Assert.Equal(new StandardColumnSelection(true, EquatableArray.Create("_BilledSize")), Standard("""["_BilledSize", "resourceLog"]"""));
        Assert.Equal(StandardColumnSelection.None, Assert.Single(Read("""{"tables": [{"tableName": "T"}]}""").Options).StandardColumns);
    }

    [Fact]
    public void Reports_unknown_standard_columns_with_CLG1015()
    {
        var document = Read("""{"tables": [{"tableName": "T", "standardColumns": ["TenantId", "tenantid", 7, "TenantId"]}]}""");
        Assert.Equal(new StandardColumnSelection(false, EquatableArray.Create("TenantId")), Assert.Single(document.Options).StandardColumns);
        Assert.Equal(new[] { "CLG1015", "CLG1014", "CLG1014" }, document.Diagnostics.Select(d => d.Id));
        Assert.Equal("tenantid", document.Diagnostics[0].Arguments[0]);
        Assert.StartsWith("TenantId, SourceSystem, Type, _ResourceId", document.Diagnostics[0].Arguments[1], StringComparison.Ordinal);
        Assert.Equal("tables[0].standardColumns[2]: expected a standard column name, found a number", document.Diagnostics[1].Arguments[0]);
        Assert.Equal("tables[0].standardColumns[3]: 'TenantId' is listed twice", document.Diagnostics[2].Arguments[0]);
    }

    [Theory]
    [InlineData("\"all\"", "tables[0].standardColumns: expected \"resourceLog\" or an array of standard column names, found 'all'")]
    [InlineData("true", "tables[0].standardColumns: expected \"resourceLog\" or an array of standard column names, found true")]
    public void Rejects_other_standard_column_shorthands(string json, string message)
    {
        var document = Read($$"""{"tables": [{"tableName": "T", "standardColumns": {{json}}}]}""");
        Assert.Equal(StandardColumnSelection.None, Assert.Single(document.Options).StandardColumns);
        Assert.Equal(message, Assert.Single(document.Diagnostics).Arguments[0]);
    }

    [Theory]
    [InlineData("""{"file": "a.md"}""", "a.md", null)]
    [InlineData("""{"table": "Heading"}""", null, "Heading")]
    [InlineData("""{"file": "a/b.json", "table": "T", "$comment": "x"}""", "a/b.json", "T")]
    public void Reads_the_source(string json, string? file, string? table)
    {
        var options = Assert.Single(Read($$"""{"tables": [{"tableName": "T", "source": {{json}}}]}""").Options);
        Assert.Equal((file, table), (options.SourceFile, options.SourceTable));
    }

    [Theory]
    [InlineData("{}", "tables[0].source: name the document's \"file\", its \"table\" or both")]
    [InlineData("\"a.md\"", "tables[0].source: expected an object with \"file\" and/or \"table\", found a string")]
    [InlineData("""{"file": ""}""", "tables[0].source.file: must not be empty")]
    [InlineData("""{"file": "a.md", "heading": "x"}""", "tables[0].source.heading: unknown property 'heading' (known: $comment, file, table)")]
    public void Reports_a_bad_source(string json, string message)
    {
        var document = Read($$"""{"tables": [{"tableName": "T", "source": {{json}}}]}""");
        Assert.Single(document.Options);
        Assert.Equal(message, Assert.Single(document.Diagnostics).Arguments[0]);
    }

    [Theory]
    [InlineData("""{"column": "a", "action": "add", "type": "string", "rename": "B"}""", "tables[0].columns[0].rename: an \"add\" entry names the new column in \"column\"; \"rename\" does not apply and is ignored", true)]
    [InlineData("""{"column": "a b", "action": "add", "type": "string"}""", "tables[0].columns[0].column: 'a b' is not a Log Analytics column name (letters, digits and '_', not starting with a digit), which an added column needs; this entry is skipped", false)]
    [InlineData("""{"column": "a", "action": "add", "type": 1}""", "tables[0].columns[0].type: expected a KQL type name, found a number", false)]
    [InlineData("""{"column": "a", "action": 1}""", "tables[0].columns[0].action: expected \"update\", \"drop\" or \"add\", found a number", false)]
    [InlineData("""{"column": ""}""", "tables[0].columns[0].column: must not be empty", false)]
    [InlineData("""{"column": 3}""", "tables[0].columns[0].column: expected a string, found a number", false)]
    [InlineData("""{"rename": "B"}""", "tables[0].columns[0]: a column entry needs a \"column\" (the name as the document writes it); this entry is skipped", false)]
    [InlineData("""{"column": "a", "rename": "1abc"}""", "tables[0].columns[0].rename: '1abc' is not a Log Analytics column name (letters, digits and '_', not starting with a digit)", true)]
    [InlineData("""{"column": "a", "propertyName": ""}""", "tables[0].columns[0].propertyName: must not be empty", true)]
    [InlineData("""{"column": "a", "description": null}""", "tables[0].columns[0].description: expected a string, found null", true)]
    [InlineData("\"a\"", "tables[0].columns[0]: expected a column entry object, found a string", false)]
    public void Reports_a_bad_column_entry(string json, string message, bool kept)
    {
        var document = Read($$"""{"tables": [{"tableName": "T", "columns": [{{json}}]}]}""");
        Assert.Equal(kept ? 1 : 0, Assert.Single(document.Options).Columns.Count);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(("CLG1014", message), (diagnostic.Id, diagnostic.Arguments[0]));
    }

    [Theory]
    [InlineData("DateTime")]
    [InlineData("Double")]
    [InlineData("System.String")]
    [InlineData("")]
    public void Accepts_only_KQL_type_names_and_reports_others_with_CLG1006(string type)
    {
        var document = Read($$"""{"tables": [{"tableName": "T", "columns": [{"column": "when", "type": "{{type}}"}]}]}""");
        var column = Assert.Single(Assert.Single(document.Options).Columns);
        Assert.Equal((type, (CallLogGen.Model.KqlType?)null), (column.TypeText, column.Type));
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1006", diagnostic.Id);
        Assert.Equal(new[] { "when", type }, diagnostic.Arguments);
    }

    [Fact]
    public void Reads_every_KQL_type_name()
    {
        foreach (var type in TableOptionsReader.TypeNames)
        {
            var document = Read($$"""{"tables": [{"tableName": "T", "columns": [{"column": "c", "action": "add", "type": "{{type}}"}]}]}""");
            Assert.Empty(document.Diagnostics);
            var column = Assert.Single(Assert.Single(document.Options).Columns);
            Assert.Equal(type, column.Type!.Value.ToKqlName());
        }
    }

    [Theory]
    [InlineData("""{"tableName": "T", "typeName": ""}""", "tables[0].typeName: must not be empty")]
    [InlineData("""{"tableName": "T", "category": 7}""", "tables[0].category: expected a string, found a number")]
    [InlineData("""{"tableName": "T", "columns": {}}""", "tables[0].columns: expected an array of column entries, found an object")]
    [InlineData("""{"tableName": "T", "$comment": 5}""", "tables[0].$comment: expected a string, found a number")]
    public void Reports_a_bad_table_property_and_keeps_the_table(string json, string message)
    {
        var document = Read($$"""{"tables": [{{json}}]}""");
        Assert.Single(document.Options);
        Assert.Equal(("CLG1014", message), (Assert.Single(document.Diagnostics).Id, document.Diagnostics[0].Arguments[0]));
    }

    [Fact]
    public void Reports_unknown_top_level_properties_and_non_object_tables()
    {
        var document = Read("""{"$schema": "table-options.schema.json", "version": 2, "tables": ["T", {"tableName": 5}]}""");
        Assert.Empty(document.Options);
        Assert.Equal(
            new[]
            {
                "version: unknown property 'version' (known: $schema, $comment, tables)",
                "tables[0]: expected a table object, found a string",
                "tables[1].tableName: expected a string, found a number",
            },
            document.Diagnostics.Select(d => d.Arguments[0]));
    }
}
