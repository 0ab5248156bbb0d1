using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using CallLogGen.Tool.Cli;

namespace CallLogGen.Tool.Azure;

/// <summary>
/// The Log Analytics Tables API of Azure Resource Manager, over Azure.Core's pipeline (retries, the bearer token for
/// the endpoint's <c>/.default</c> scope): <c>GET {endpoint}/subscriptions/{s}/resourceGroups/{g}/providers/
/// Microsoft.OperationalInsights/workspaces/{w}/tables/{name}?api-version=2022-10-01</c>, whose body is the table
/// resource, <c>{"id", "name", "properties": {"schema": {"name", "columns", "standardColumns", ...}, ...}}</c>.
/// </summary>
internal sealed class TablesApiClient
{
    public const string ApiVersion = "2022-10-01";

    public static readonly Uri DefaultEndpoint = new("https://management.azure.com");

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <param name="credential">Null sends no token (a local proxy, a test server).</param>
    public TablesApiClient(Uri endpoint, TokenCredential? credential, HttpPipelineTransport? transport)
    {
        _endpoint = endpoint;
        var options = new Options();
        if (transport is not null)
        {
            options.Transport = transport;
        }

        TokenScope = credential is null ? null : ScopeFor(endpoint);
        var perRetry = credential is null
            ? Array.Empty<HttpPipelinePolicy>()
            : new HttpPipelinePolicy[] { new BearerTokenAuthenticationPolicy(credential, TokenScope!) };
        _pipeline = HttpPipelineBuilder.Build(options, Array.Empty<HttpPipelinePolicy>(), perRetry, new ResponseClassifier());
    }

    /// <summary>The scope asked for: the endpoint's origin and <c>/.default</c> (https://management.azure.com/.default).</summary>
    public string? TokenScope { get; }

    public static string ScopeFor(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>
    /// A workspace resource id, <c>/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.OperationalInsights/workspaces/{w}</c>
    /// (any case, with or without the leading or a trailing slash), in its canonical form; a <see cref="ToolException"/> otherwise.
    /// </summary>
    public static string ParseWorkspace(string text)
    {
        var parts = text.Trim().Trim('/').Split('/');
        if (parts.Length != 8
            || !parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            || !parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase)
            || !parts[5].Equals("Microsoft.OperationalInsights", StringComparison.OrdinalIgnoreCase)
            || !parts[6].Equals("workspaces", StringComparison.OrdinalIgnoreCase)
            || parts.Any(p => p.Length == 0))
        {
            throw new ToolException($"--workspace '{text}' is not a workspace resource id: /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<workspace> (the workspace's Properties page in the portal, or `az monitor log-analytics workspace show --query id`)");
        }

        return $"/subscriptions/{parts[1]}/resourceGroups/{parts[3]}/providers/Microsoft.OperationalInsights/workspaces/{parts[7]}";
    }

    /// <summary>The table resource's body; a <see cref="ToolException"/> naming the service's error where there is none.</summary>
    public async Task<JsonDocument> GetTableAsync(string workspace, string table, CancellationToken cancellationToken)
    {
        var uri = new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + workspace + "/tables/" + Uri.EscapeDataString(table) + "?api-version=" + ApiVersion);
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add("Accept", "application/json");
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var response = message.Response;
        var body = response.Content.ToMemory();
        if (response.Status != 200)
        {
            throw new ToolException($"the Tables API answered {response.Status} {response.ReasonPhrase} for table '{table}' ({uri.GetLeftPart(UriPartial.Path)}): {ErrorOf(body)}");
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new ToolException($"the Tables API answered table '{table}' with a body that is not JSON: {e.Message}");
        }
    }

    /// <summary>The ARM error's code and message (<c>{"error": {"code", "message"}}</c>), or the start of the body.</summary>
    private static string ErrorOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? c.ToString() : "?";
                var text = error.TryGetProperty("message", out var m) ? m.ToString() : string.Empty;
                return code + ": " + text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself says what there is to say.
        }

        var raw = System.Text.Encoding.UTF8.GetString(body.Span);
        return raw.Length == 0 ? "(no body)" : raw.Length > 300 ? raw[..300] + "..." : raw;
    }

    private sealed class Options : ClientOptions
    {
    }
}
