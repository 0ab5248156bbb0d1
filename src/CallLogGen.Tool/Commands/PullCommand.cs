using System.Text.Encodings.Web;
using System.Text.Json;
using CallLogGen.Lock;
using CallLogGen.Tool.Azure;
using CallLogGen.Tool.Cli;
using CallLogGen.Tool.Schemas;

namespace CallLogGen.Tool.Commands;

/// <summary><c>callloggen pull</c>: the live schema of tables from a Log Analytics workspace, written where the build reads it.</summary>
internal static class PullCommand
{
    public const string Help = """
        Usage: callloggen pull --workspace <resource id> --table <name>... [--out <folder>] [--format text|markdown|json]
                               [--endpoint <url>] [--no-auth] [--project <folder>]

        Gets each table's live schema from the Log Analytics Tables API of Azure Resource Manager
        (GET .../workspaces/<ws>/tables/<name>?api-version=2022-10-01) and writes it as <out>/<Table>.json,
        the Tables API JSON the generator reads (the table's name and properties.schema: columns and
        standardColumns as the service returned them). Then prints the diff of the folder's tables before
        and after, as `callloggen diff` would.

        --workspace      /subscriptions/<sub>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<ws>
        --table          a table name; repeat it, or separate names with commas
        --out            where to write (default: the project's schemas/)
        --format         the diff's format: text (default), markdown or json
        --endpoint       Azure Resource Manager's endpoint (default https://management.azure.com; sovereign
                         clouds: https://management.chinacloudapi.cn, https://management.usgovcloudapi.net);
                         the token is asked for <endpoint>/.default
        --no-auth        send no token (a local proxy or test server); otherwise DefaultAzureCredential
                         (environment, workload or managed identity, Azure CLI, ...)
        --project        the project folder (default: the current folder)

        Exit code: 0 written and nothing breaks, 1 written and something breaks (the diff says what),
        2 nothing written (bad arguments, a table not found, a refused or failed request).
        """;

    public static async Task<int> RunAsync(Arguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count > 0)
        {
            throw new ToolException($"pull takes no positional arguments ('{arguments.Positional[0]}'); name tables with --table");
        }

        var workspace = TablesApiClient.ParseWorkspace(arguments.Value("--workspace") ?? throw new ToolException("pull needs --workspace <workspace resource id>"));
        var tables = arguments.Values("--table").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tables.Count == 0)
        {
            throw new ToolException("pull needs at least one --table <name>");
        }

        var format = DiffReport.ParseFormat(arguments);
        var project = DiffCommand.ProjectFolder(arguments, context);
        var folder = context.FullPath(arguments.Value("--out") ?? Path.Combine(project, SchemaSource.SchemasFolder));
        var endpointText = arguments.Value("--endpoint");
        var endpoint = endpointText is null ? TablesApiClient.DefaultEndpoint
            : Uri.TryCreate(endpointText, UriKind.Absolute, out var given) && given.Scheme is "https" or "http" ? given
            : throw new ToolException($"--endpoint '{endpointText}' is not an http(s) URL");

        var client = new TablesApiClient(endpoint, arguments.Has("--no-auth") ? null : context.Services.Credential(), context.Services.Transport);

        // Every table first, then every file: a failure leaves the folder as it was.
        var pulled = new List<(string Name, string Json)>();
        foreach (var table in tables)
        {
            using var resource = await client.GetTableAsync(workspace, table, cancellationToken).ConfigureAwait(false);
            pulled.Add(ToSchemaFile(resource.RootElement, table));
        }

        var before = SchemaSet.Resolve(SchemaSource.LoadFolder(folder, project), project, compareWithLock: false, cancellationToken);
        Directory.CreateDirectory(folder);
        foreach (var (name, json) in pulled)
        {
            var path = ExistingFileOf(before, name) ?? Path.Combine(folder, name + ".json");
            File.WriteAllText(path, json);
            context.Error.WriteLine($"wrote {Path.GetRelativePath(context.WorkingDirectory, path).Replace('\\', '/')}");
        }

        var after = SchemaSet.Resolve(SchemaSource.LoadFolder(folder, project), project, compareWithLock: false, cancellationToken);
        foreach (var error in SchemaSet.Ordered(after.Errors))
        {
            context.Error.WriteLine(SchemaSet.Format(error));
        }

        return DiffReport.Write(context.Out, SchemaComparison.CompareTables(before.Tables, after.Tables), format);
    }

    /// <summary>
    /// The JSON schema file that describes this table alone, where the folder has one (<c>traffic.json</c> for
    /// NetworkAccessTraffic): it is replaced, so that the table does not end up with two schema files.
    /// </summary>
    private static string? ExistingFileOf(SchemaSet set, string table) =>
        set.Documents.FirstOrDefault(d =>
            d.Format is Model.SchemaFormat.AzureMonitorTablesApi or Model.SchemaFormat.SentinelCustomTable or Model.SchemaFormat.KustoTableSchema
            && d.Tables.Count == 1
            && string.Equals(d.Tables[0].Name, table, StringComparison.OrdinalIgnoreCase))?.FilePath;

    /// <summary>
    /// The table as the file the generator reads: its name and <c>properties.schema</c> exactly as the service sent it
    /// (columns, standardColumns, descriptions, and whatever else the schema holds). The resource's id, provisioning
    /// state, retention and plan are left out: they are no schema, and would change the file without a schema change.
    /// </summary>
    internal static (string Name, string Json) ToSchemaFile(JsonElement resource, string requested)
    {
        if (resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.Object)
        {
            throw new ToolException($"the Tables API's answer for table '{requested}' has no properties.schema");
        }

        var name = schema.TryGetProperty("name", out var schemaName) && schemaName.ValueKind == JsonValueKind.String ? schemaName.GetString()!
            : resource.TryGetProperty("name", out var resourceName) && resourceName.ValueKind == JsonValueKind.String ? resourceName.GetString()!
            : requested;
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new ToolException($"the Tables API names table '{requested}' '{name}', which cannot be a file name");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteStartObject("properties");
            writer.WritePropertyName("schema");
            schema.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return (name, System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}
