using System.Text.Json;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Model;
using CallLogGen.Schema;
using CallLogGen.Tests.Infrastructure;
using CallLogGen.Tests.Integration;
using CallLogGen.Tool.Azure;
using CallLogGen.Tool.Tests.Infrastructure;
using static CallLogGen.Tool.Tests.Infrastructure.SchemaText;

namespace CallLogGen.Tool.Tests.Commands;

/// <summary>
/// <c>callloggen pull</c> against a loopback stand-in for the Tables API (see <see cref="TablesApiStandIn"/>): the
/// request's path, api-version and bearer token, the file written as the generator reads it, and the diff after.
/// </summary>
public sealed class PullTests : IDisposable
{
    private static readonly (string Name, string Type)[] Standard = { ("TenantId", "guid"), ("SourceSystem", "string"), ("Type", "string") };

    private readonly TempFolder _project = new("callloggen-pull");

    public void Dispose() => _project.Dispose();

    private static Dictionary<string, string> Tables(params (string Name, (string, string)[] Columns)[] tables) =>
        tables.ToDictionary(t => t.Name, t => TablesApiStandIn.TableBody(t.Name, t.Columns, Standard));

    [Fact]
    public async Task The_live_schema_is_fetched_with_a_token_over_tls_written_as_tables_api_json_and_diffed()
    {
        var credential = new RecordingCredential();
        await using var server = new TablesApiStandIn(Tables(("NetworkAccessTraffic", Traffic.With("SourcePort", "string"))), useTls: true);
        _project.Write("schemas/NetworkAccessTraffic.json", Sentinel("NetworkAccessTraffic", Traffic.Concat(Standard).ToArray()));

        var result = await ToolRun.RunAsync(_project.Path, server.Services(credential),
            "pull", "--workspace", TablesApiStandIn.Workspace.ToUpperInvariant() + "/", "--table", "NetworkAccessTraffic", "--endpoint", server.Endpoint.ToString());

        server.AssertNoFaults();
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("NetworkAccessTraffic\n  ! column 'SourcePort' retyped from int to string (breaking)\n1 table changed; 1 breaking change.\n", result.Out);
        Assert.Contains("wrote schemas/NetworkAccessTraffic.json", result.Error, StringComparison.Ordinal);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(TablesApiStandIn.Workspace + "/tables/NetworkAccessTraffic?api-version=2022-10-01", request.Target, ignoreCase: true);
        Assert.StartsWith("/subscriptions/", request.Target, StringComparison.Ordinal);
        Assert.Contains("/resourceGroups/", request.Target, StringComparison.Ordinal);
        Assert.Contains("/providers/Microsoft.OperationalInsights/workspaces/", request.Target, StringComparison.Ordinal);
        Assert.Equal("Bearer " + server.ExpectedToken, request.Header("Authorization"));
        Assert.Equal(new[] { server.Endpoint.GetLeftPart(UriPartial.Authority) + "/.default" }, credential.Scopes.Distinct());

        // The file is the Tables API JSON the generator reads: columns and standardColumns kept, camelCase types read.
        var path = _project.Combine("schemas", "NetworkAccessTraffic.json");
        var text = File.ReadAllText(path);
        using (var json = JsonDocument.Parse(text))
        {
            var schema = json.RootElement.GetProperty("properties").GetProperty("schema");
            Assert.Equal(new[] { "name", "properties" }, json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(5, schema.GetProperty("columns").GetArrayLength());
            Assert.Equal(3, schema.GetProperty("standardColumns").GetArrayLength());
            Assert.Equal("dateTime", schema.GetProperty("columns")[0].GetProperty("type").GetString());
        }

        var document = SchemaReader.Read(new SchemaFile(path, "schemas/NetworkAccessTraffic.json", text), CancellationToken.None);
        Assert.Equal(SchemaFormat.AzureMonitorTablesApi, document.Format);
        Assert.Empty(document.Diagnostics);
        var table = Assert.Single(document.Tables);
        Assert.Equal(
            new[] { "TenantId:Guid", "SourceSystem:String", "Type:String", "TimeGenerated:DateTime", "SourceIp:String", "SourcePort:String", "DestinationFqdn:String", "DestinationPort:Int" },
            table.Columns.Select(c => c.Name + ":" + c.Type));
    }

    [Fact]
    public async Task Without_auth_no_token_is_sent_and_new_tables_are_added_files()
    {
        await using var server = new TablesApiStandIn(Tables(("ACSBillingUsage", BillingUsage21), ("Contoso_CL", Traffic)), useTls: false);

        var result = await ToolRun.RunAsync(_project.Path, new CallLogGen.Tool.Cli.ToolServices(() => throw new InvalidOperationException("no credential is asked for"), null),
            "pull", "--workspace", TablesApiStandIn.Workspace, "--table", "ACSBillingUsage,contoso_cl", "--no-auth", "--endpoint", server.Endpoint.ToString(), "--format", "json");

        server.AssertNoFaults();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(server.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.Equal(new[] { "ACSBillingUsage.json", "Contoso_CL.json" }, Directory.GetFiles(_project.Combine("schemas")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(new[] { "ACSBillingUsage", "Contoso_CL" }, json.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_reference_example_body_is_written_and_read_as_it_is()
    {
        // The 200 body of the REST reference's own example (Tables - Get, 2022-10-01), from tests/data/corpus.
        var example = File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "corpus", "json", "azure-rest-api-specs", "TablesGet.json"));
        using var parsed = JsonDocument.Parse(example);
        var body = parsed.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText();
        await using var server = new TablesApiStandIn(new Dictionary<string, string> { ["table1_SRCH"] = body }, useTls: false);

        var result = await ToolRun.RunAsync(_project.Path, "pull", "--workspace", TablesApiStandIn.Workspace, "--table", "table1_SRCH", "--no-auth", "--endpoint", server.Endpoint.ToString(), "--out", "pulled");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("table1_SRCH\n  + table added\n", result.Out, StringComparison.Ordinal);
        var text = File.ReadAllText(_project.Combine("pulled", "table1_SRCH.json"));
        var document = SchemaReader.Read(new SchemaFile("/x/table1_SRCH.json", "pulled/table1_SRCH.json", text), CancellationToken.None);
        Assert.Contains(Assert.Single(document.Tables).Columns, c => c.Name == "TimeGenerated" && c.Type == KqlType.DateTime);
        Assert.DoesNotContain("resultStatistics", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_that_already_describes_the_table_is_replaced_not_doubled()
    {
        await using var server = new TablesApiStandIn(Tables(("NetworkAccessTraffic", Traffic)), useTls: false);
        _project.Write("schemas/traffic.json", Kusto("NetworkAccessTraffic", Traffic.Take(3).Concat(Standard)));
        _project.Write("schemas/other.json", Sentinel("Other_CL", Traffic));

        var result = await ToolRun.RunAsync(_project.Path, "pull", "--workspace", TablesApiStandIn.Workspace, "--table", "networkaccesstraffic", "--no-auth", "--endpoint", server.Endpoint.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "other.json", "traffic.json" }, Directory.GetFiles(_project.Combine("schemas")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"standardColumns\"", File.ReadAllText(_project.Combine("schemas", "traffic.json")), StringComparison.Ordinal);
        Assert.Equal("NetworkAccessTraffic\n  + column 'DestinationFqdn' (string) added\n  + column 'DestinationPort' (int) added\n1 table changed; nothing breaks.\n", result.Out);
    }

    [Fact]
    public async Task A_table_the_workspace_lacks_writes_nothing_and_names_the_services_error()
    {
        await using var server = new TablesApiStandIn(Tables(("Contoso_CL", Traffic)), useTls: false);

        var result = await ToolRun.RunAsync(_project.Path, "pull", "--workspace", TablesApiStandIn.Workspace, "--table", "Contoso_CL", "--table", "Missing_CL", "--no-auth", "--endpoint", server.Endpoint.ToString());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the Tables API answered 404 Not Found for table 'Missing_CL'", result.Error, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFound: The table 'Missing_CL' was not found", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_project.Combine("schemas")));
    }

    [Fact]
    public async Task A_wrong_token_is_the_documented_401()
    {
        await using var server = new TablesApiStandIn(Tables(("Contoso_CL", Traffic)), useTls: true) { ExpectedToken = "another-token" };

        var result = await ToolRun.RunAsync(_project.Path, server.Services(new RecordingCredential()), "pull", "--workspace", TablesApiStandIn.Workspace, "--table", "Contoso_CL", "--endpoint", server.Endpoint.ToString());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.Contains("AuthenticationFailed", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w")]
    [InlineData("subscriptions/s/resourcegroups/g/providers/microsoft.operationalinsights/workspaces/w/")]
    public void Workspace_ids_are_read_in_any_case(string id) =>
        Assert.Equal("/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w", TablesApiClient.ParseWorkspace(id));

    [Theory]
    [InlineData(new[] { "pull", "--table", "T" }, "pull needs --workspace")]
    [InlineData(new[] { "pull", "--workspace", "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "--table", "T" }, "is not a workspace resource id")]
    [InlineData(new[] { "pull", "--workspace", TablesApiStandIn.Workspace }, "pull needs at least one --table")]
    [InlineData(new[] { "pull", "--workspace", TablesApiStandIn.Workspace, "--table", "T", "--endpoint", "ftp://x" }, "--endpoint 'ftp://x' is not an http(s) URL")]
    public async Task Bad_arguments_are_exit_code_2(string[] args, string message)
    {
        var result = await ToolRun.RunAsync(_project.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_endpoint_asks_for_the_resource_managers_scope() =>
        Assert.Equal("https://management.azure.com/.default", TablesApiClient.ScopeFor(TablesApiClient.DefaultEndpoint));
}
