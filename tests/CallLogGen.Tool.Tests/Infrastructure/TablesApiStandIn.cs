using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Tool.Cli;

namespace CallLogGen.Tool.Tests.Infrastructure;

/// <summary>
/// A loopback stand-in for the Log Analytics Tables API of Azure Resource Manager (the real service cannot run here),
/// answering as its REST reference documents (Tables - Get, api-version 2022-10-01): a table resource whose
/// <c>properties.schema</c> has <c>columns</c> and <c>standardColumns</c> with camelCase types, or an ARM error body
/// (<c>{"error": {"code", "message"}}</c>) with 404 for a table the workspace lacks and 401 for a missing or wrong token.
/// Over TLS with a certificate made for the run, because Azure.Core sends bearer tokens only over https.
/// </summary>
public sealed class TablesApiStandIn : IAsyncDisposable
{
    public const string Workspace = "/subscriptions/6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24/resourceGroups/contoso-logs/providers/Microsoft.OperationalInsights/workspaces/contoso-ws";

    private readonly LoopbackHttpServer _server;
    private readonly IReadOnlyDictionary<string, string> _tables;
    /// <param name="tables">Each table's resource body, by name (compared ignoring case, as ARM does).</param>
    /// <param name="useTls">Serve https and demand <see cref="ExpectedToken"/>; else plain http and no token.</param>
    public TablesApiStandIn(IReadOnlyDictionary<string, string> tables, bool useTls)
    {
        _tables = new Dictionary<string, string>(tables, StringComparer.OrdinalIgnoreCase);
        _server = new LoopbackHttpServer(Answer, useTls);
        ExpectedToken = useTls ? "token-for-" + Endpoint.GetLeftPart(UriPartial.Authority) + "/.default" : null;
    }

    /// <summary>The bearer token demanded: by default the one a test credential gives for the endpoint's own scope.</summary>
    public string? ExpectedToken { get; set; }

    public Uri Endpoint => _server.Endpoint;

    public ConcurrentQueue<HttpRequestRecord> Requests { get; } = new();

    /// <summary>Test services whose transport trusts the stand-in's certificate (and no other), with this credential.</summary>
    internal ToolServices Services(TokenCredential credential)
    {
        var thumbprint = _server.Certificate?.Thumbprint;
        var transport = new HttpClientTransport(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => thumbprint is not null && presented?.Thumbprint == thumbprint,
        });
        return new ToolServices(() => credential, transport);
    }

    public void AssertNoFaults() => Assert.Empty(_server.Faults);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task<HttpReply> Answer(HttpRequestRecord request)
    {
        Requests.Enqueue(request);
        if (ExpectedToken is not null && request.Header("Authorization") != "Bearer " + ExpectedToken)
        {
            return Task.FromResult(Error(401, "Unauthorized", "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing or invalid."));
        }

        var prefix = Workspace + "/tables/";
        var query = request.Target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? request.Target : request.Target[..query];
        if (request.Method != "GET" || query < 0 || request.Target[(query + 1)..] != "api-version=2022-10-01" || !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Error(400, "Bad Request", "InvalidApiVersionParameter", "The request is not GET " + prefix + "{table}?api-version=2022-10-01."));
        }

        var table = Uri.UnescapeDataString(path[prefix.Length..]);
        return Task.FromResult(_tables.TryGetValue(table, out var body)
            ? new HttpReply { Headers = { ["Content-Type"] = "application/json; charset=utf-8" }, Body = Encoding.UTF8.GetBytes(body) }
            : Error(404, "Not Found", "ResourceNotFound", $"The table '{table}' was not found in workspace 'contoso-ws'."));
    }

    private static HttpReply Error(int status, string reason, string code, string message) => new()
    {
        Status = status,
        Reason = reason,
        Headers = { ["Content-Type"] = "application/json; charset=utf-8" },
        Body = JsonSerializer.SerializeToUtf8Bytes(new { error = new { code, message } }),
    };

    /// <summary>
    /// A Tables - Get body as the REST reference's example has it: the resource's id, name, and properties with the
    /// retention, plan and provisioning state beside the schema, and every column with isHidden, dataTypeHint,
    /// displayName, description and isDefaultDisplay.
    /// </summary>
    public static string TableBody(string table, IEnumerable<(string Name, string Type)> columns, IEnumerable<(string Name, string Type)> standardColumns)
    {
        static object Column((string Name, string Type) c) => new Dictionary<string, object?>
        {
            ["isHidden"] = false,
            ["name"] = c.Name,
            ["type"] = SchemaText.TablesApiType(c.Type),
            ["dataTypeHint"] = null,
            ["displayName"] = null,
            ["description"] = "The " + c.Name + " column.",
            ["isDefaultDisplay"] = false,
        };

        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = Workspace + "/tables/" + table,
            ["name"] = table,
            ["properties"] = new Dictionary<string, object?>
            {
                ["retentionInDays"] = 30,
                ["totalRetentionInDays"] = 30,
                ["archiveRetentionInDays"] = 0,
                ["plan"] = "Analytics",
                ["lastPlanModifiedDate"] = "2024-03-01T10:00:00Z",
                ["provisioningState"] = "Succeeded",
                ["schema"] = new Dictionary<string, object?>
                {
                    ["name"] = table,
                    ["tableType"] = "Microsoft",
                    ["tableSubType"] = "Any",
                    ["displayName"] = null,
                    ["description"] = "Traffic logs of Global Secure Access.",
                    ["columns"] = columns.Select(Column).ToList(),
                    ["standardColumns"] = standardColumns.Select(Column).ToList(),
                    ["solutions"] = new[] { "LogManagement" },
                },
            },
        });
    }
}
