using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Azure.Core.Pipeline;
using CallLogGen.Azure.Query;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Azure.Tests.Query.Loopback;

/// <summary>A query request as the stand-in understood it.</summary>
public sealed record QueryRequest(HttpRequestRecord Http, string Kql, string? Timespan, int Wait, bool IncludeStatistics, KqlCheck Check)
{
    public string Path => Http.Target;

    /// <summary>The half-open window of a split query, from the filter the client put after the table; null when there is none.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Window
    {
        get
        {
            var match = Regex.Match(Kql, @"^\S+\n\| where TimeGenerated >= datetime\(([^)]+)\) and TimeGenerated < datetime\(([^)]+)\)\n", RegexOptions.CultureInvariant);
            return match.Success
                ? (DateTimeOffset.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), DateTimeOffset.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                : null;
        }
    }

    /// <summary>The <c>timespan</c> as start and end, when it is an interval.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Interval
    {
        get
        {
            var parts = Timespan?.Split('/');
            return parts is { Length: 2 }
                ? (DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture))
                : null;
        }
    }
}

/// <summary>
/// Stands in for the Log Analytics query API, which cannot run here: a real HTTP server on 127.0.0.1 that checks
/// every request as the public API reference describes it (MicrosoftDocs/azure-monitor-docs
/// articles/azure-monitor/logs/api/request-format.md, prefer-options.md, timeouts.md, errors.md): POST to
/// <c>/v1/workspaces/{id}/query</c> or <c>/v1/{resourceId}/query</c>, <c>Content-Type: application/json</c>, a JSON body
/// with <c>query</c> and an ISO 8601 <c>timespan</c>, <c>Prefer: wait=&lt;1..600&gt;[, include-statistics=true]</c>, a bearer
/// token when one is expected, and KQL that Microsoft's Kusto parser accepts over the real tables. A request that
/// breaks a rule gets the documented error answer and is listed in <see cref="Problems"/>; otherwise the test's
/// answer function answers, with shapes from response-format.md (see <see cref="QueryApi"/>).
/// </summary>
public sealed class LogAnalyticsStandIn : IAsyncDisposable
{
    private static readonly KqlTable[] Tables = CallLogTables.All
        .Select(t => new KqlTable(t.TableName, t.ToCslSchema()))
        .ToArray();

    private static readonly Regex PathRule = new(@"^/v1/(workspaces/[^/]+|subscriptions/[^/]+/resourceGroups/[^/]+/providers/.+)/query$", RegexOptions.CultureInvariant);

    private readonly LoopbackHttpServer _server;
    private readonly Func<QueryRequest, Task<HttpReply>> _answer;
    private readonly string? _expectedToken;
    private readonly ConcurrentQueue<QueryRequest> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private int _inFlight;
    private int _maxInFlight;

    public LogAnalyticsStandIn(Func<QueryRequest, Task<HttpReply>> answer, string? expectedToken = null, bool useTls = false)
    {
        _answer = answer;
        _expectedToken = expectedToken;
        _server = new LoopbackHttpServer(HandleAsync, useTls);
    }

    public LogAnalyticsStandIn(Func<QueryRequest, HttpReply> answer, string? expectedToken = null, bool useTls = false)
        : this(request => Task.FromResult(answer(request)), expectedToken, useTls)
    {
    }

    public Uri Endpoint => _server.Endpoint;

    public IReadOnlyList<QueryRequest> Requests => _requests.ToArray();

    /// <summary>Every way a request broke the API's contract, and any fault inside the server.</summary>
    public IReadOnlyList<string> Problems => _problems.Concat(_server.Faults).ToArray();

    /// <summary>The most requests the server was answering at one time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>
    /// Options for a client of this server: its endpoint, a transport that trusts its certificate (and only it), and
    /// retries with a tiny base delay so that only the server's <c>Retry-After</c> can make a test wait.
    /// </summary>
    public LogAnalyticsQueryClientOptions ClientOptions(int maxRetries = 3)
    {
        var options = new LogAnalyticsQueryClientOptions { Endpoint = Endpoint };
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.MaxRetries = maxRetries;
        if (_server.Certificate is { } certificate)
        {
            var thumbprint = certificate.Thumbprint;
            options.Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
            });
        }

        return options;
    }

    public void AssertEveryRequestFollowedTheContract() =>
        Assert.True(Problems.Count == 0, "The requests broke the query API's contract:\n" + string.Join("\n", Problems));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<HttpReply> HandleAsync(HttpRequestRecord http)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            var (request, refusal) = Check(http);
            if (refusal is not null)
            {
                return refusal;
            }

            _requests.Enqueue(request!);
            return await _answer(request!).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private (QueryRequest? Request, HttpReply? Refusal) Check(HttpRequestRecord http)
    {
        if (http.Method != "POST" || !PathRule.IsMatch(http.Target))
        {
            return Refuse($"{http.Method} {http.Target}: not a query path", QueryApi.OneApiError(404, "Not Found", "PathNotFoundError", "The requested path does not exist"));
        }

        var authorization = http.Header("Authorization");
        if (_expectedToken is not null && authorization != "Bearer " + _expectedToken)
        {
            return Refuse($"Authorization was '{authorization}'", QueryApi.OneApiError(401, "Unauthorized", "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."));
        }

        if (_expectedToken is null && authorization is not null)
        {
            _problems.Enqueue("an Authorization header was sent to a server that expects none");
        }

        if (http.Header("Content-Type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            // errors.md: a POST without the JSON content type gets an empty 200.
            return Refuse($"Content-Type was '{http.Header("Content-Type")}'", new HttpReply { Status = 200 });
        }

        var (wait, statistics, preferProblem) = ReadPrefer(http.Header("Prefer"));
        if (preferProblem is not null)
        {
            _problems.Enqueue(preferProblem);
        }

        string kql;
        string? timespan = null;
        try
        {
            using var body = JsonDocument.Parse(http.Body);
            kql = body.RootElement.GetProperty("query").GetString() ?? throw new FormatException("query is null");
            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (property.Name == "timespan")
                {
                    timespan = property.Value.GetString();
                }
                else if (property.Name != "query")
                {
                    _problems.Enqueue("the body has an unknown property '" + property.Name + "'");
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Refuse("the body is not {\"query\": ...}: " + e.Message, QueryApi.OneApiError(400, "Bad Request", "BadArgumentError", "The request had some invalid properties"));
        }

        if (timespan is not null && !IsIsoTimespan(timespan))
        {
            return Refuse($"timespan '{timespan}' is not ISO 8601", QueryApi.OneApiError(400, "Bad Request", "BadArgumentError", "The request had some invalid properties", "InvalidTimespan", "The timespan is not valid"));
        }

        var check = KustoParser.Check(kql, Tables);
        if (!check.IsClean)
        {
            return Refuse($"the KQL does not parse ({check}):\n{kql}", QueryApi.OneApiError(400, "Bad Request", "BadArgumentError", "The request had some invalid properties", "SyntaxError", "Syntax Error"));
        }

        return (new QueryRequest(http, kql, timespan, wait, statistics, check), null);
    }

    private (QueryRequest?, HttpReply?) Refuse(string problem, HttpReply reply)
    {
        _problems.Enqueue(problem);
        return (null, reply);
    }

    private static (int Wait, bool Statistics, string? Problem) ReadPrefer(string? prefer)
    {
        int wait = -1;
        var statistics = false;
        foreach (var preference in (prefer ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = preference.Split('=', 2);
            switch (pair[0])
            {
                case "wait" when pair.Length == 2 && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600:
                    wait = seconds;
                    break;
                case "include-statistics" when pair.Length == 2 && pair[1] == "true":
                    statistics = true;
                    break;
                default:
                    return (wait, statistics, $"Prefer has '{preference}', which the API does not know");
            }
        }

        return wait < 0 ? (180, statistics, $"Prefer '{prefer}' has no wait between 1 and 600 seconds") : (wait, statistics, null);
    }

    private static bool IsIsoTimespan(string timespan)
    {
        var parts = timespan.Split('/');
        if (parts.Length == 2)
        {
            return DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
                && DateTimeOffset.TryParseExact(parts[1], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end)
                && end > start;
        }

        try
        {
            return XmlConvert.ToTimeSpan(timespan) > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
