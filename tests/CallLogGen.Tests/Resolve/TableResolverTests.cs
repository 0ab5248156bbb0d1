using System.Collections.Immutable;
using CallLogGen.Model;
using CallLogGen.Resolve;
using static CallLogGen.Tests.Infrastructure.Documents;

namespace CallLogGen.Tests.Resolve;

// The generator's KqlType: from this namespace a plain KqlType would find the runtime's CallLogGen.KqlType first.
using KqlType = CallLogGen.Model.KqlType;

public class TableResolverTests
{
    private static readonly GeneratorSettings Settings = SettingsResolver.Resolve(null, "Contoso", "/project/");

    private static ResolvedSchema Resolve(params SchemaDocument[] documents) =>
        TableResolver.Resolve(documents.ToImmutableArray(), Settings, CancellationToken.None);

    private static TableSpec Single(ResolvedSchema schema) => Assert.Single(schema.Tables);

    private static IEnumerable<string> Ids(ResolvedSchema schema) => schema.Diagnostics.Select(d => d.Id);

    [Fact]
    public void A_docs_table_alone_becomes_a_table_named_after_its_heading()
    {
        var schema = Resolve(Markdown("schemas/logs.md", Table("schemas/logs.md", 3, "Usage logs", false,
            Column("schemas/logs.md", 5, "Operation Name", KqlType.String, "The operation."),
            Column("schemas/logs.md", 6, "Quantity", KqlType.Real))));

        var table = Single(schema);
        Assert.Equal("Usage logs", table.TableName);
        Assert.Equal("UsageLogs", table.TypeName);
        Assert.Equal("Contoso.CallLogs", table.Namespace);
        Assert.Equal("schemas_logs.md.UsageLogs.g.cs", table.HintName);
        Assert.Equal(4, table.SourceLine);
        Assert.Equal(new[] { "OperationName", "Quantity" }, table.Columns.Select(c => c.PropertyName));
        Assert.Equal(6, table.Columns[0].SourceLine);
        Assert.Equal("The operation.", table.Columns[0].Description);
    }

    [Fact]
    public void Json_wins_on_names_and_types_and_the_page_supplies_descriptions()
    {
        var schema = Resolve(
            Markdown("schemas/page.md", Table("schemas/page.md", 10, "Operational logs", false,
                Column("schemas/page.md", 12, "Correlation ID", null, "Correlates a call."),
                Column("schemas/page.md", 13, "SDKVersion", null, "SDK version."))),
            JsonDocument("schemas/ops.json", Table("schemas/ops.json", 1, "OpsTable", true,
                Column("schemas/ops.json", 4, "CorrelationId", KqlType.String, "json text"),
                Column("schemas/ops.json", 5, "SdkVersion", KqlType.String))),
            Options("schemas/options.json", TableOptions("OpsTable", sourceTable: "Operational logs")));

        var table = Single(schema);
        Assert.Equal("OpsTable", table.TableName);
        Assert.Equal(new[] { "CorrelationId", "SdkVersion" }, table.Columns.Select(c => c.Name));
        Assert.Equal("Correlates a call.", table.Columns[0].Description);
        Assert.Equal("schemas/page.md", table.SourcePath);
        Assert.DoesNotContain("CLG1013", Ids(schema));
    }

    [Fact]
    public void Every_unsettled_disagreement_is_a_drift_note_and_options_settle_each()
    {
        SchemaDocument Page() => Markdown("schemas/page.md", Table("schemas/page.md", 10, "T", false,
            Column("schemas/page.md", 12, "Timestamp", null, "When."),
            Column("schemas/page.md", 13, "Properties", null, "Bag."),
            Column("schemas/page.md", 14, "Count", KqlType.String, "How many.")));
        SchemaDocument Real() => JsonDocument("schemas/t.json", Table("schemas/t.json", 1, "T", true,
            Column("schemas/t.json", 3, "TimeGenerated", KqlType.DateTime),
            Column("schemas/t.json", 4, "Count", KqlType.Long),
            Column("schemas/t.json", 5, "EndTime", KqlType.DateTime)));

        var unsettled = Resolve(Page(), Real());
        var drifts = unsettled.Diagnostics.Where(d => d.Id == "CLG1013").Select(d => d.Arguments[1]).ToList();
        // `Timestamp` is the export's name for TimeGenerated and `Properties` the bag the table spreads: no drift.
        Assert.Equal(2, drifts.Count);
        Assert.Contains(drifts, m => m.Contains("type string, the table long", StringComparison.Ordinal));
        Assert.Contains(drifts, m => m.Contains("the table has column 'EndTime' (datetime), which the document does not list", StringComparison.Ordinal));
        Assert.Equal("When.", Single(unsettled).Columns[0].Description);

        var settled = Resolve(Page(), Real(), Options("schemas/options.json", TableOptions("T", columns: new[]
        {
            Entry("Timestamp", rename: "TimeGenerated"),
            Entry("Properties", ColumnAction.Drop),
            Entry("Count", type: KqlType.Long),
            Entry("EndTime", ColumnAction.Add),
        })));
        Assert.DoesNotContain("CLG1013", Ids(settled));
        var table = Single(settled);
        Assert.Equal(new[] { "TimeGenerated:DateTime", "Count:Long", "EndTime:DateTime" }, table.Columns.Select(c => c.Name + ":" + c.Type));
        Assert.Equal("When.", table.Columns[0].Description);
    }

    [Fact]
    public void Export_paths_follow_the_common_schema_unless_the_options_say_otherwise()
    {
        SchemaDocument Page() => Markdown("schemas/page.md", Table("schemas/page.md", 10, "T", false,
            Column("schemas/page.md", 12, "TimeGenerated", KqlType.DateTime, "When."),
            Column("schemas/page.md", 13, "DurationMs", KqlType.Int, "How long."),
            Column("schemas/page.md", 14, "CallId", KqlType.String, "The call."),
            Column("schemas/page.md", 15, "SdkType", KqlType.String, "The SDK."),
            Column("schemas/page.md", 16, "_BilledSize", KqlType.Real, "Bytes.")));

        var defaults = Single(Resolve(Page()));
        Assert.Equal(new string?[] { "time", "durationMs", "properties.CallId", "properties.SdkType", null }, defaults.Columns.Select(c => c.ExportPath));
        Assert.Equal(new[] { false, false, false, true, false }, defaults.Columns.Select(c => c.IsLowCardinality));

        var overridden = Single(Resolve(Page(), Options("schemas/options.json", TableOptions("T", columns: new[]
        {
            Entry("DurationMs") with { ExportPath = "properties.durationMs" },
            Entry("CallId") with { ExportPath = "callId", LowCardinality = true },
            Entry("SdkType") with { LowCardinality = false },
            Entry("_BilledSize") with { ExportPath = "properties.billedSize" },
        }))));
        Assert.Equal(new string?[] { "time", "properties.durationMs", "callId", "properties.SdkType", "properties.billedSize" }, overridden.Columns.Select(c => c.ExportPath));
        Assert.Equal(new[] { false, false, true, false, false }, overridden.Columns.Select(c => c.IsLowCardinality));
    }

    [Fact]
    public void Options_add_standard_columns_and_correct_a_docs_only_table()
    {
        var schema = Resolve(
            Markdown("schemas/page.md", Table("schemas/page.md", 10, "Usage", false,
                Column("schemas/page.md", 12, "Timestamp", null, "When."),
                Column("schemas/page.md", 13, "Properties", null, "Bag."))),
            Options("schemas/options.json", TableOptions("ContosoUsage", sourceTable: "Usage", resourceLogColumns: true, columns: new[]
            {
                Entry("Timestamp", rename: "TimeGenerated", type: KqlType.DateTime),
                Entry("Properties", ColumnAction.Drop),
                Entry("Quantity", ColumnAction.Add, type: KqlType.Real),
            })));

        var table = Single(schema);
        Assert.Equal("ContosoUsage", table.TableName);
        Assert.Equal("ContosoUsage", table.TypeName);
        Assert.Equal(
            new[] { "TimeGenerated", "Quantity", "TenantId", "SourceSystem", "Type", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable" },
            table.Columns.Select(c => c.Name));
        var billed = table.Columns.Single(c => c.Name == "_BilledSize");
        Assert.Equal((KqlType.Real, "BilledSize", "", 0), (billed.Type, billed.PropertyName, billed.SourcePath, billed.SourceLine));
        Assert.True(table.Columns[0].IsRequired);
        Assert.False(table.Columns[1].IsRequired);
    }

    [Fact]
    public void Options_that_name_missing_columns_tables_or_standard_columns_are_errors()
    {
        var schema = Resolve(
            Markdown("schemas/page.md", Table("schemas/page.md", 1, "T", false, Column("schemas/page.md", 3, "A", KqlType.String))),
            Options("schemas/options.json",
                TableOptions("T", standardColumns: new[] { "_NoSuchColumn" }, columns: new[] { Entry("Missing", line: 7), Entry("AlsoMissing", ColumnAction.Drop, line: 8) }),
                TableOptions("Nowhere", sourceTable: "No such heading")));

        var unknownColumns = schema.Diagnostics.Where(d => d.Id == "CLG1011").ToList();
        Assert.Equal(new[] { 7, 8 }, unknownColumns.Select(d => d.Location!.Value.Line));
        Assert.Equal("Missing", unknownColumns[0].Arguments[1]);
        Assert.Single(schema.Diagnostics, d => d.Id == "CLG1012" && d.Arguments[0] == "Nowhere");
        Assert.Single(schema.Diagnostics, d => d.Id == "CLG1015" && d.Arguments[0] == "_NoSuchColumn");
        Assert.Single(schema.Tables);
    }

    [Fact]
    public void Colliding_property_names_are_resolved_deterministically()
    {
        var schema = Resolve(JsonDocument("schemas/t.json", Table("schemas/t.json", 1, "Schema", true,
            Column("schemas/t.json", 2, "_ResourceId", KqlType.String),
            Column("schemas/t.json", 3, "ResourceId", KqlType.String),
            Column("schemas/t.json", 4, "errorInfo", KqlType.String),
            Column("schemas/t.json", 5, "ErrorInfo", KqlType.String),
            Column("schemas/t.json", 6, "Schema", KqlType.String),
            Column("schemas/t.json", 7, "ToString", KqlType.String))));

        var table = Single(schema);
        Assert.Equal("SchemaRecord", table.TypeName); // A model cannot be named like its own static Schema.
        Assert.Equal(
            new[] { "ResourceId2", "ResourceId", "ErrorInfo2", "ErrorInfo", "SchemaValue", "ToStringValue" },
            table.Columns.Select(c => c.PropertyName));
    }

    [Fact]
    public void Two_tables_with_one_csharp_name_are_both_generated_one_renamed_with_a_note_naming_both()
    {
        var schema = Resolve(
            Markdown("schemas/a/logs.md", Table("schemas/a/logs.md", 4, "Usage logs", false, Column("schemas/a/logs.md", 6, "A", KqlType.String))),
            Markdown("schemas/b/logs.md",
                Table("schemas/b/logs.md", 8, "Usage-Logs", false, Column("schemas/b/logs.md", 10, "B", KqlType.String)),
                Table("schemas/b/logs.md", 20, "Other", false, Column("schemas/b/logs.md", 22, "C", KqlType.String))));

        Assert.Equal(new[] { "UsageLogs", "UsageLogs2", "Other" }, schema.Tables.Select(t => t.TypeName));
        Assert.Equal(new[] { "Usage logs", "Usage-Logs", "Other" }, schema.Tables.Select(t => t.TableName));
        Assert.Equal(schema.Tables.Count, schema.Tables.Select(t => t.HintName).Distinct().Count());
        var duplicate = Assert.Single(schema.Diagnostics, d => d.Id == "CLG1005");
        Assert.Equal("schemas/b/logs.md", duplicate.Location!.Value.RelativePath);
        Assert.Equal(8, duplicate.Location.Value.Line);
        Assert.Contains("schemas/a/logs.md(5,1)", duplicate.Arguments);
        Assert.Contains("UsageLogs2", duplicate.Arguments);
    }

    [Fact]
    public void Included_files_belong_to_the_including_page_and_missing_ones_are_reported()
    {
        var include = Markdown("schemas/includes/t-include.md", Table("schemas/includes/t-include.md", 10, "t-include", false,
            Column("schemas/includes/t-include.md", 12, "TimeGenerated", KqlType.DateTime)));
        var page = MarkdownWithIncludes("schemas/t.md", Array.Empty<SourceTable>(),
            new IncludeReference("./includes/t-include.md", "ContosoHttpLogs", At("schemas/t.md", 30)),
            new IncludeReference("~/reusable-content/x.md", "ContosoHttpLogs", At("schemas/t.md", 31)));

        var schema = Resolve(page, include);

        var table = Single(schema);
        Assert.Equal("ContosoHttpLogs", table.TableName);
        Assert.Equal("schemas/t.md", table.SourcePath);
        Assert.Equal("schemas/includes/t-include.md", table.Columns[0].SourcePath);
        var missing = Assert.Single(schema.Diagnostics, d => d.Id == "CLG1009");
        Assert.Equal(31, missing.Location!.Value.Line);
    }

    [Fact]
    public void An_include_is_found_by_file_name_beside_the_page_when_the_path_does_not_match()
    {
        var include = Markdown("schemas/x-include.md", Table("schemas/x-include.md", 1, "x-include", false, Column("schemas/x-include.md", 3, "A", KqlType.Int)));
        var page = MarkdownWithIncludes("schemas/x.md", Array.Empty<SourceTable>(),
            new IncludeReference("./includes/x-include.md", "X", At("schemas/x.md", 5)));

        Assert.Equal("X", Single(Resolve(page, include)).TableName);
    }

    [Fact]
    public void Columns_without_a_type_are_inferred_and_reported()
    {
        var schema = Resolve(Markdown("schemas/p.md", Table("schemas/p.md", 1, "T", false,
            Column("schemas/p.md", 3, "TimeGenerated", null, "The time."))));

        var column = Single(schema).Columns[0];
        Assert.True(column.IsTypeInferred);
        var info = Assert.Single(schema.Diagnostics, d => d.Id == "CLG1010");
        Assert.Equal(column.Type.ToKqlName(), info.Arguments[1]);
    }

    [Theory]
    [InlineData("Required", null, "", true)]
    [InlineData("Optional", null, "Always present.", false)]
    [InlineData("Unspecified", true, "", true)]
    [InlineData("Required", false, "", false)]
    [InlineData("Unspecified", null, "This field is required.", true)]
    [InlineData("Unspecified", null, "Required if available.", false)]
    [InlineData("Unspecified", null, "The caller.", false)]
    public void Required_follows_options_then_document_then_wording(string documented, bool? fromOptions, string description, bool expected) =>
        Assert.Equal(expected, RequiredRules.IsRequired("Caller", KqlType.String, Enum.Parse<Requiredness>(documented), fromOptions, description));

    [Fact]
    public void The_time_column_is_required_where_nothing_says_otherwise()
    {
        Assert.True(RequiredRules.IsRequired("TimeGenerated", KqlType.DateTime, Requiredness.Unspecified, null, ""));
        Assert.False(RequiredRules.IsRequired("EndTime", KqlType.DateTime, Requiredness.Unspecified, null, ""));
    }

    [Fact]
    public void CallLogGenNamespace_wins_over_the_root_namespace()
    {
        Assert.Equal("My.Logs", SettingsResolver.Resolve("My.Logs", "Contoso", null).Namespace);
        Assert.Equal("Contoso.CallLogs", SettingsResolver.Resolve(" ", "Contoso", null).Namespace);
        Assert.Equal("CallLogs", SettingsResolver.Resolve(null, null, null).Namespace);
    }
}
