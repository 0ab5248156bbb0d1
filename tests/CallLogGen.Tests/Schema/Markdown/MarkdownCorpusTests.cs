using CallLogGen.Model;
using CallLogGen.Schema.Markdown;
using Xunit;

namespace CallLogGen.Tests.Schema.Markdown;

// The generator's KqlType: from this namespace a plain KqlType would find the runtime's CallLogGen.KqlType first.
using KqlType = CallLogGen.Model.KqlType;


/// <summary>
/// Every markdown document of the corpus (tests/data). Expectations come from reading each document:
/// which tables are schemas (and which distractors are not), their names, column counts, and the names and
/// types of the first three and the last column.
/// </summary>
public class MarkdownCorpusTests
{
    private static SchemaDocument Read(string relative) => MarkdownSchemaReader.Read(Corpus.Load(relative), CancellationToken.None);

    private static void AssertTable(
        SourceTable table, string name, int count, int headerLine,
        (string Name, KqlType? Type)[] first, (string Name, KqlType? Type) last)
    {
        Assert.Equal(name, table.Name);
        Assert.False(table.NameIsTableName);
        Assert.Equal(count, table.Columns.Count);
        Assert.Equal(headerLine, table.Location.Line);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].Name, table.Columns[i].Name);
            Assert.Equal(first[i].Type, table.Columns[i].Type);
        }

        Assert.Equal(last.Name, table.Columns[count - 1].Name);
        Assert.Equal(last.Type, table.Columns[count - 1].Type);
        foreach (var column in table.Columns)
        {
            Assert.Equal(column.Name.Trim(), column.Name);
            Assert.DoesNotContain("<br", column.Description, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("**", column.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", column.Description, StringComparison.Ordinal);
        }
    }

    private static SourceColumn Column(SourceTable table, string name) => Assert.Single(table.Columns, c => c.Name == name);

    [Fact]
    public void Every_corpus_file_reads_without_error_diagnostics_it_does_not_expect()
    {
        var files = Corpus.MarkdownFiles().ToList();
        Assert.Equal(19, files.Count);
        foreach (var file in files)
        {
            var document = Read(file);
            Assert.Equal(SchemaFormat.Markdown, document.Format);
            Assert.DoesNotContain(document.Diagnostics, d => d.Id is "CLG1003" or "CLG1006" or "CLG1007" or "CLG1016");
        }
    }

    [Fact]
    public void Container_network_observability_logs_has_one_schema_among_five_tables()
    {
        var document = Read("corpus/markdown/azure-aks-docs__container-network-observability-logs.md");
        var table = Assert.Single(document.Tables);
        AssertTable(table, "Flow log aggregation", 17, 145,
            [("verdict", null), ("is_reply", null), ("drop_reason_desc", null)], ("destination.cluster_name", null));
        Assert.Equal("TCP destination port", Column(table, "l4.TCP.destination_port").Description);
        Assert.Equal("IPv4 or IPv6", Column(table, "IP.ipVersion").Description);
        Assert.Empty(document.Includes);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Kubernetes_events_table_without_spaces_and_with_br_and_bold()
    {
        var document = Read("corpus/markdown/azure-aks-docs__events.md");
        var table = Assert.Single(document.Tables);
        AssertTable(table, "Kubernetes event objects", 8, 28,
            [("type", null), ("reason", null), ("message", null)], ("object", null));
        var type = Column(table, "type");
        Assert.StartsWith("The type is based on the severity of the event: Warning events signal", type.Description, StringComparison.Ordinal);
        Assert.Equal(30, type.Location.Line);
        Assert.Equal(1, type.Location.Column);
        Assert.Equal(4, type.Location.Length); // "type", without the trailing space
        Assert.Equal("The reason why the event was generated. For example, FailedScheduling or CrashLoopBackoff.", Column(table, "reason").Description);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Kubernetes_crd_table_with_go_types_is_not_a_log_schema()
    {
        var document = Read("corpus/markdown/azure-aks-docs__how-to-configure-container-network-logs.md");
        Assert.Empty(document.Tables);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1008", diagnostic.Id);
        Assert.Equal(["CRD field reference", "[]filter"], diagnostic.Arguments.ToArray());
        Assert.Equal(325, diagnostic.Location!.Value.Line);
        Assert.Equal(0, diagnostic.Location.Value.Column);
        var include = Assert.Single(document.Includes);
        Assert.Equal("~/reusable-content/azure-cli/azure-cli-prepare-your-environment-no-header.md", include.Target);
        Assert.Equal("Prerequisites", include.NameHint);
        Assert.Equal(29, include.Location.Line);
    }

    [Fact]
    public void Resource_logs_top_level_schema()
    {
        var document = Read("corpus/markdown/azure-monitor-docs__resource-logs-schema.md");
        var table = Assert.Single(document.Tables); // the 51-row service link table is not a schema
        AssertTable(table, "Top-level common schema", 16, 25,
            [("time", null), ("resourceId", null), ("tenantId", null)], ("properties", null));
        Assert.Equal(Requiredness.Required, Column(table, "time").Required);
        Assert.Equal(Requiredness.Unspecified, Column(table, "tenantId").Required); // "Required for tenant logs"
        Assert.Equal(Requiredness.Optional, Column(table, "properties").Required);

        // `category` or `type`: the first name.
        var category = Column(table, "category");
        Assert.Equal(Requiredness.Required, category.Required);
        Assert.Contains("Typical log categories are Audit, Operational, Execution, and Request. For Application Insights resource, type denotes", category.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(table.Columns, c => c.Name == "type");

        // `resultDescription `| : trailing space inside the code span, no space before the pipe.
        Assert.Equal(Requiredness.Optional, Column(table, "resultDescription").Required);

        // The unescaped | inside a code span stays in the description; the row reads as three cells.
        var operationName = Column(table, "operationName");
        Assert.Equal(Requiredness.Required, operationName.Required);
        Assert.Contains("Microsoft.<providerName>/<resourceType>/<subtype>/<Write|Read|Delete|Action>, even if it's not a documented Resource Manager operation.", operationName.Description, StringComparison.Ordinal);
        Assert.Empty(document.Diagnostics);
        Assert.Empty(document.Includes);
    }

    [Fact]
    public void Attestation_two_padded_tables_under_one_heading_are_numbered()
    {
        var document = Read("corpus/markdown/azure-security-docs__attestation__view-logs.md");
        Assert.Equal(2, document.Tables.Count);
        AssertTable(document.Tables[0], "Interpret your Azure Attestation logs", 2, 66,
            [("traceContext", null), ("uri", null)], ("uri", null));
        AssertTable(document.Tables[1], "Interpret your Azure Attestation logs 2", 4, 73,
            [("failureResourceId", null), ("failureCategory", null), ("failureDetails", null)], ("infoDataReceived", null));
        var traceContext = document.Tables[0].Columns[0];
        Assert.Equal((68, 6), (traceContext.Location.Line, traceContext.Location.Column)); // 5 spaces after the pipe
        Assert.Equal((69, 5), (document.Tables[0].Columns[1].Location.Line, document.Tables[0].Columns[1].Location.Column)); // 4 spaces
        Assert.Equal("JSON blob representing the W3C trace-context", traceContext.Description);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Key_vault_logging_bold_names_and_tab_groups_of_value_tables()
    {
        var document = Read("corpus/markdown/azure-security-docs__key-vault__general__logging.md");
        var table = Assert.Single(document.Tables); // the four operationName | REST API command tables are value lists
        AssertTable(table, "Interpret your Key Vault logs", 13, 54,
            [("time", null), ("resourceId", null), ("operationName", null)], ("properties", null));
        Assert.Equal("Date and time in UTC.", Column(table, "time").Description);
        Assert.StartsWith("Information that varies based on the operation (operationName).", Column(table, "properties").Description, StringComparison.Ordinal);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Key_vault_reference_bold_caption_empty_descriptions_and_includes()
    {
        var document = Read("corpus/markdown/azure-security-docs__key-vault__general__monitor-key-vault-reference.md");
        var table = Assert.Single(document.Tables);
        // The bold line **Azure Diagnostics** right above the table names it (the heading is "Diagnostics tables").
        AssertTable(table, "Azure Diagnostics", 13, 76,
            [("_ResourceId", null), ("CallerIPAddress", null), ("DurationMs", null)], ("TimeGenerated", null));
        Assert.Equal(string.Empty, Column(table, "properties_s").Description); // |  |
        Assert.Equal(string.Empty, Column(table, "Region_s").Description); // | |
        Assert.Equal("HTTP status code returned by the request, for example, 200.", Column(table, "httpStatusCode_d").Description);

        Assert.Equal(13, document.Includes.Count);
        Assert.Equal("~/reusable-content/ce-skilling/azure/includes/azure-monitor/horizontals/horz-monitor-ref-intro.md", document.Includes[0].Target);
        Assert.Equal("Azure Key Vault monitoring data reference", document.Includes[0].NameHint);
        // Two includes on consecutive lines of one paragraph, under one heading: both found, numbered.
        Assert.Equal("Supported metrics for microsoft.keyvault/managedhsms", document.Includes[2].NameHint);
        Assert.Equal("Supported metrics for microsoft.keyvault/managedhsms 2", document.Includes[3].NameHint);
        Assert.Equal((21, 0), (document.Includes[3].Location.Line, document.Includes[3].Location.Column));
        Assert.Equal("~/reusable-content/ce-skilling/azure/includes/azure-monitor/reference/logs/microsoft-keyvault-vaults-logs-include.md", document.Includes[10].Target);
        Assert.Equal("Supported resource logs for Microsoft.KeyVault/vaults", document.Includes[10].NameHint);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Shoebox_mapping_table_with_capitalized_types_and_notes()
    {
        var document = Read("corpus/markdown/nugetpackageupdate__specs__Shoebox__LASchema.md");
        var table = Assert.Single(document.Tables);
        AssertTable(table, "Application Audit log", 15, 5,
            [("TimeGenerated", KqlType.DateTime), ("ResourceId", KqlType.String), ("OperationName", KqlType.String)], ("Location", KqlType.String));
        Assert.Equal("DateTime", table.Columns[0].TypeText);
        Assert.Equal(KqlType.Int, Column(table, "StatusCode").Type);
        Assert.Equal(KqlType.Dynamic, Column(table, "CallerIdentity").Type);
        Assert.Equal("A generic property bag containing identity information.", Column(table, "CallerIdentity").Description);
        Assert.Equal("The caller\u2019s IP address", Column(table, "CallerIPAddress").Description);
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [InlineData("appservicehttplogs", 26, "_BilledSize", KqlType.Real, "CIp", "ComputerName", "UserAgent")]
    [InlineData("azureactivity", 37, "ActivityStatus", KqlType.String, "ActivityStatusValue", "ActivitySubstatus", "Type")]
    [InlineData("azurediagnostics", 28, "ActivityId", KqlType.String, "ActorClientId", "ActorCUID", "UserAgent")]
    [InlineData("signinlogs", 77, "AADTenantId", KqlType.String, "AlternateSignInName", "AppDisplayName", "UserType")]
    [InlineData("storagebloblogs", 55, "AccessTier", KqlType.String, "AccountName", "AuthenticationHash", "UserAgentHeader")]
    internal void Include_files_have_one_table_named_after_the_file(
        string table, int count, string first, KqlType firstType, string second, string third, string last)
    {
        var document = Read($"corpus/tables/{table}-include.md");
        var read = Assert.Single(document.Tables);
        AssertTable(read, table + "-include", count, 10,
            [(first, firstType), (second, KqlType.String), (third, KqlType.String)], (last, KqlType.String));
        Assert.All(read.Columns, c => Assert.NotNull(c.Type));
        Assert.Empty(document.Includes);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Include_type_reference_details()
    {
        var activity = Read("corpus/tables/azureactivity-include.md").Tables[0];
        Assert.Equal(string.Empty, Column(activity, "ActivityStatus").Description); // |   |
        Assert.Equal(KqlType.Dynamic, Column(activity, "Authorization_d").Type);
        Assert.Equal(KqlType.DateTime, Column(activity, "TimeGenerated").Type);
        Assert.Contains("Set of <Key Value> pairs", Column(activity, "Properties").Description, StringComparison.Ordinal);
        var signin = Read("corpus/tables/signinlogs-include.md").Tables[0];
        Assert.Equal(KqlType.Bool, Column(signin, "IsInteractive").Type);
        Assert.Equal(KqlType.Long, Column(signin, "DurationMs").Type);
    }

    [Theory]
    [InlineData("appservicehttplogs", "AppServiceHTTPLogs")]
    [InlineData("azureactivity", "AzureActivity")]
    [InlineData("signinlogs", "SigninLogs")]
    [InlineData("storagebloblogs", "StorageBlobLogs")]
    public void Stub_pages_have_no_table_only_an_include_named_after_the_page(string table, string heading)
    {
        var document = Read($"corpus/tables/{table}.md");
        Assert.Empty(document.Tables); // |Attribute|Value| is not a schema, the front matter is not a heading
        var include = Assert.Single(document.Includes);
        Assert.Equal($"./includes/{table}-include.md", include.Target);
        Assert.Equal(heading, include.NameHint); // "## Columns" is generic and defers to "# AppServiceHTTPLogs"
        Assert.Equal((31, 0), (include.Location.Line, include.Location.Column));
        Assert.Equal($"[!INCLUDE [{table}](./includes/{table}-include.md)]".Length, include.Location.Length);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void AzureDiagnostics_inline_table_with_legacy_types_duplicates_and_crlf()
    {
        var document = Read("corpus/tables/azurediagnostics.md");
        var table = Assert.Single(document.Tables); // the "Column 1 | ... | Column 498" examples are not schemas
        AssertTable(table, "AzureDiagnostics", 170, 195,
            [("action_id_s", KqlType.String), ("action_name_s", KqlType.String), ("action_s", KqlType.String)], ("session_id_d", KqlType.Real));
        var additional = Column(table, "AdditionalFields"); // |AdditionalFields|||
        Assert.Null(additional.Type);
        Assert.Null(additional.TypeText);
        Assert.Equal(string.Empty, additional.Description);
        Assert.Equal(KqlType.Long, Column(table, "DurationMs").Type); // BigInt
        Assert.Equal(KqlType.Guid, Column(table, "ActivityId_g").Type);
        Assert.Equal(KqlType.Bool, Column(table, "isAccessPolicyMatch_b").Type);
        Assert.Equal("Double", Column(table, "audit_schema_version_d").TypeText);

        // CRLF: line 198 (one-based) is "|action_id_s|String||"; the name starts after the pipe.
        var first = table.Columns[0];
        Assert.Equal((197, 1, 11), (first.Location.Line, first.Location.Column, first.Location.Length));
        var text = Corpus.Load("corpus/tables/azurediagnostics.md").Text;
        Assert.Equal("action_id_s", text.Substring(first.Location.Start, first.Location.Length));

        var duplicates = document.Diagnostics.Where(d => d.Id == "CLG1004").ToList();
        Assert.Equal(4, duplicates.Count);
        Assert.Equal(document.Diagnostics.Count, duplicates.Count);
        Assert.Equal(["AzureDiagnostics", "ResourceProvider", "corpus/tables/azurediagnostics.md(346,2)"], duplicates[0].Arguments.ToArray());
        Assert.Equal(346, duplicates[0].Location!.Value.Line);
        Assert.Equal(["ResourceProvider", "ResourceType", "ResultDescription", "ResultType"], duplicates.Select(d => d.Arguments[1]));
    }

    [Fact]
    public void Seed_page_call_automation_logs()
    {
        var document = Read("seeds/000_8929d67c9d05ddb1.txt");
        Assert.Equal(2, document.Tables.Count);
        AssertTable(document.Tables[0], "Usage logs schema", 10, 30,
            [("Timestamp", null), ("Operation Name", null), ("Operation Version", null)], ("Quantity", null));
        AssertTable(document.Tables[1], "Call Automation operational logs", 17, 45,
            [("TimeGenerated", null), ("OperationName", null), ("CorrelationID", null)], ("SubOperationName", null));
        Assert.Equal("Correlation ID", document.Tables[0].Columns[4].Name);
        Assert.Equal(
            "The api-version associated with the operation, if the operationName was performed using an API. If there's no API that corresponds to this operation, the version represents the version of that operation in case the properties associated with the operation change in the future.",
            document.Tables[1].Columns[3].Description);
        Assert.Equal("The identifier to identify a call and correlate events for a unique call.", document.Tables[1].Columns[2].Description);
        Assert.Empty(document.Includes);
        Assert.Empty(document.Diagnostics);
    }
}
