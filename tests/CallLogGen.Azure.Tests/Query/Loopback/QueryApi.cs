using System.Text;
using System.Text.Json;

namespace CallLogGen.Azure.Tests.Query.Loopback;

/// <summary>A result column as the API declares it.</summary>
public sealed record ApiColumn(string Name, string Type);

/// <summary>
/// The query API's answers, shaped as its public reference shows them (MicrosoftDocs/azure-monitor-docs,
/// articles/azure-monitor/logs/api/response-format.md and errors.md). Rows are given as raw JSON cells, so that a
/// test says exactly what is on the wire (a <c>dynamic</c> object, or the same object as a JSON string).
/// </summary>
public static class QueryApi
{
    /// <summary>The message the service puts on a <c>PartialError</c> (seen in live responses).</summary>
    public const string PartialErrorMessage = "There were some errors when processing your query.";

    /// <summary>
    /// The engine error of a result cut at the record limit, as the client assumes it (docs/azure-query.md): an
    /// <c>EngineError</c> detail whose inner error carries the engine's code for E_QUERY_RESULT_SET_TOO_LARGE.
    /// </summary>
    public static string RecordLimitDetail(int limit = 500_000) =>
        EngineError("-2133196797", $"Query result set has exceeded the internal record count limit {limit} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)", 2, "Error");

    /// <summary>The same for the 64 MB data size limit.</summary>
    public static string SizeLimitDetail() =>
        EngineError("-2133196797", "Query result set has exceeded the internal data size limit 67108864 (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)", 2, "Error");

    /// <summary>An engine error detail, as a live PartialError lists them.</summary>
    public static string EngineError(string code, string message, int severity, string severityName) =>
        "{\"code\":\"EngineError\",\"message\":\"Something went wrong processing your query on the server.\",\"innererror\":{\"code\":"
        + JsonSerializer.Serialize(code) + ",\"message\":" + JsonSerializer.Serialize(message)
        + ",\"severity\":" + severity + ",\"severityName\":" + JsonSerializer.Serialize(severityName) + "}}";

    /// <summary>A PartialError object with these details.</summary>
    public static string PartialError(params string[] details) =>
        "{\"code\":\"PartialError\",\"message\":\"" + PartialErrorMessage + "\",\"details\":[" + string.Join(",", details) + "]}";

    /// <summary>
    /// A response body: <c>{"tables":[{"name":"PrimaryResult","columns":[...],"rows":[...]}]}</c>, with an <c>error</c>
    /// and <c>statistics</c> when given (after the tables, or before them with <paramref name="errorFirst"/>).
    /// </summary>
    public static string Body(IReadOnlyList<ApiColumn> columns, IEnumerable<string[]> rows, string? error = null, string? statistics = null, bool errorFirst = false)
    {
        var json = new StringBuilder("{");
        if (error is not null && errorFirst)
        {
            json.Append("\"error\":").Append(error).Append(',');
        }

        json.Append("\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[");
        json.AppendJoin(",", columns.Select(c => "{\"name\":" + JsonSerializer.Serialize(c.Name) + ",\"type\":" + JsonSerializer.Serialize(c.Type) + "}"));
        json.Append("],\"rows\":[");
        json.AppendJoin(",", rows.Select(row => "[" + string.Join(",", row) + "]"));
        json.Append("]}]");
        if (error is not null && !errorFirst)
        {
            json.Append(",\"error\":").Append(error);
        }

        if (statistics is not null)
        {
            json.Append(",\"statistics\":").Append(statistics);
        }

        return json.Append('}').ToString();
    }

    /// <summary>A 200 with a JSON body.</summary>
    public static HttpReply Ok(string body) => new()
    {
        Headers = { ["Content-Type"] = "application/json; charset=utf-8" },
        Body = Encoding.UTF8.GetBytes(body),
    };

    /// <summary>errors.md: "If a workspace has no data in it, we return 204 No Content."</summary>
    public static HttpReply NoContent() => new() { Status = 204, Reason = "No Content" };

    /// <summary>A fatal error: a status and a OneAPI error body, with an inner error when given.</summary>
    public static HttpReply OneApiError(int status, string reason, string code, string message, string? innerCode = null, string? innerMessage = null, IDictionary<string, string>? headers = null)
    {
        var error = "{\"error\":{\"message\":" + JsonSerializer.Serialize(message) + ",\"code\":" + JsonSerializer.Serialize(code)
            + (innerCode is null ? string.Empty : ",\"innererror\":{\"code\":" + JsonSerializer.Serialize(innerCode) + ",\"message\":" + JsonSerializer.Serialize(innerMessage) + "}")
            + "}}";
        var reply = new HttpReply { Status = status, Reason = reason, Headers = { ["Content-Type"] = "application/json; charset=utf-8" }, Body = Encoding.UTF8.GetBytes(error) };
        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            reply.Headers[header.Key] = header.Value;
        }

        return reply;
    }

    /// <summary>A JSON string cell.</summary>
    public static string Cell(string? value) => value is null ? "null" : JsonSerializer.Serialize(value);

    /// <summary>A datetime cell as the API writes it (ISO 8601, UTC).</summary>
    public static string Cell(DateTimeOffset value) => "\"" + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\"";

    public static string Cell(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
