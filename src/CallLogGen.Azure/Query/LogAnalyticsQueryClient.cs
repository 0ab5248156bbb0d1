using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using CallLogGen.Json;
using CallLogGen.Kql;

namespace CallLogGen.Azure.Query;

/// <summary>
/// Runs typed KQL queries on Log Analytics (the query API, <c>POST /v1/workspaces/{id}/query</c> or
/// <c>/v1/{resourceId}/query</c>) and returns typed rows: a model's records when the query returns the model's
/// columns, <see cref="KqlResultRow"/>s typed by the query's own columns otherwise. Buffered queries whose result
/// the service cuts at its limit are split by time; streamed queries hand rows out as they arrive. No reflection:
/// rows are read by the generated readers. Thread-safe; make one per workspace or resource and keep it.
/// </summary>
public class LogAnalyticsQueryClient
{
    /// <summary>A window is not halved below this: more than the service's limit within it is reported, not split.</summary>
    internal static readonly TimeSpan SmallestWindow = TimeSpan.FromSeconds(1);

    private readonly HttpPipeline _pipeline = null!;
    private readonly Uri _requestUri = null!;
    private readonly TimeSpan _networkTimeoutMargin;
    private readonly SemaphoreSlim _concurrency = null!;

    /// <summary>
    /// Creates a client for <paramref name="target"/>. Tokens come from <paramref name="credential"/> for the scope
    /// that follows the endpoint (see <see cref="LogAnalyticsQueryClientOptions.Audience"/>); a null credential sends
    /// no <c>Authorization</c> header, for a local proxy or a test server only.
    /// </summary>
    public LogAnalyticsQueryClient(LogAnalyticsTarget target, TokenCredential? credential, LogAnalyticsQueryClientOptions? options = null)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        options ??= new LogAnalyticsQueryClientOptions();
        if (options.MaxConcurrentQueries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrentQueries, "MaxConcurrentQueries must be at least 1.");
        }

        var endpoint = options.Endpoint ?? throw new ArgumentException("The options have no endpoint.", nameof(options));
        Endpoint = endpoint;
        var root = endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _requestUri = new Uri(root, target.Path);
        TokenScope = credential is null ? null : LogAnalyticsQueryClientOptions.ScopeFor(endpoint, options.Audience);
        _networkTimeoutMargin = options.NetworkTimeoutMargin;
        _concurrency = new SemaphoreSlim(options.MaxConcurrentQueries, options.MaxConcurrentQueries);
        var perRetry = credential is null
            ? Array.Empty<HttpPipelinePolicy>()
            : new HttpPipelinePolicy[] { new BearerTokenAuthenticationPolicy(credential, TokenScope!) };
        _pipeline = HttpPipelineBuilder.Build(options, Array.Empty<HttpPipelinePolicy>(), perRetry, new QueryResponseClassifier());
    }

    /// <summary>For mocking.</summary>
    protected LogAnalyticsQueryClient()
    {
        Target = null!;
        Endpoint = null!;
    }

    /// <summary>The workspace or resource the client queries.</summary>
    public LogAnalyticsTarget Target { get; }

    /// <summary>The query API's endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The token scope requested from the credential; null when the client sends no token.</summary>
    public string? TokenScope { get; }

    /// <summary>
    /// Runs <paramref name="query"/> and reads its whole result into records of <paramref name="model"/>
    /// (<c>AcsCallAutomationIncomingOperations.Json</c>). Checks first that the query returns the model's required
    /// columns. When the service cuts the result at its limit (500,000 rows or 64 MB) and every operator of the query
    /// works row by row (<c>where</c>, <c>project</c>, <c>project-away</c>, <c>extend</c>), the time range is halved
    /// until each window fits, at most <see cref="LogAnalyticsQueryClientOptions.MaxConcurrentQueries"/> at once, and the
    /// windows' rows are joined in time order (<see cref="LogAnalyticsQueryResult.Windows"/>). Otherwise a cut result, like any
    /// <c>PartialError</c>, throws <see cref="LogAnalyticsPartialResultException"/> unless
    /// <see cref="LogAnalyticsQueryOptions.AllowPartialResults"/> is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query does not return a required column of the model.</exception>
    /// <exception cref="LogAnalyticsQueryException">The service refused or failed the query.</exception>
    /// <exception cref="LogJsonException">The response does not fit the model.</exception>
    public virtual Task<LogAnalyticsQueryResult<T>> QueryAsync<T>(LogRecordJson<T> model, IKqlQuery query, LogAnalyticsTimeRange timeRange, LogAnalyticsQueryOptions? options = null, CancellationToken cancellationToken = default)
        where T : class
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        model.RequireResultColumns(query);
        var readOptions = options?.ReadOptions;
        return QueryBufferedAsync(query, timeRange, options ?? new LogAnalyticsQueryOptions(), body => (model.ReadQueryResult(body, tableName: null, readOptions), Array.Empty<KqlResultColumn>()), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="query"/> and reads its whole result as rows typed by the query's own columns
    /// (<c>row.Get(failures)</c>), for results that are no table's model: a <c>summarize</c>, computed columns.
    /// Splitting and partial results as in <see cref="QueryAsync{T}"/>.
    /// </summary>
    /// <exception cref="LogAnalyticsQueryException">The service refused or failed the query.</exception>
    /// <exception cref="LogJsonException">The response lacks a column of the query or has a cell of the wrong type.</exception>
    public virtual Task<LogAnalyticsQueryResult<KqlResultRow>> QueryAsync(IKqlQuery query, LogAnalyticsTimeRange timeRange, LogAnalyticsQueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var readOptions = options?.ReadOptions;
        return QueryBufferedAsync(query, timeRange, options ?? new LogAnalyticsQueryOptions(), body =>
        {
            var table = KqlResultTable.Read(query, body, readOptions);
            return (table, table.Columns);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="query"/> and streams its rows into records of <paramref name="model"/> as the response
    /// arrives, in constant memory. When the response turns out to carry a <c>PartialError</c>, the enumeration ends,
    /// after every row that arrived, with <see cref="LogAnalyticsPartialResultException"/>: a partial stream is never taken for a
    /// whole one. Streams are not split; a result cut at the service's limit ends so too.
    /// </summary>
    public virtual IAsyncEnumerable<T> QueryRowsAsync<T>(LogRecordJson<T> model, IKqlQuery query, LogAnalyticsTimeRange timeRange, LogAnalyticsQueryOptions? options = null, CancellationToken cancellationToken = default)
        where T : class
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        model.RequireResultColumns(query);
        var readOptions = options?.ReadOptions;
        return StreamAsync(query, timeRange, options ?? new LogAnalyticsQueryOptions(), document => model.ReadQueryResult(document, tableName: null, readOptions), cancellationToken);
    }

    /// <summary>Streams the rows of <paramref name="query"/> typed by its own columns; see <see cref="QueryRowsAsync{T}"/>.</summary>
    public virtual IAsyncEnumerable<KqlResultRow> QueryRowsAsync(IKqlQuery query, LogAnalyticsTimeRange timeRange, LogAnalyticsQueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var readOptions = options?.ReadOptions;
        return StreamAsync(query, timeRange, options ?? new LogAnalyticsQueryOptions(), document => KqlResultTable.Read(query, document, readOptions), cancellationToken);
    }

    private delegate (IReadOnlyList<TRow> Rows, IReadOnlyList<KqlResultColumn> Columns) BodyReader<TRow>(ReadOnlySpan<byte> body);

    private async IAsyncEnumerable<TRow> StreamAsync<TRow>(IKqlQuery query, LogAnalyticsTimeRange timeRange, LogAnalyticsQueryOptions options, RowBatchReader<TRow> readBatch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = await SendAsync(query.ToKql(), timeRange.ToIsoString(), options, buffer: false, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status == 204)
        {
            yield break;
        }

        if (message.Response.Headers.ContentLength == 0)
        {
            throw EmptyResponse();
        }

        using var body = message.ExtractResponseContent() ?? Stream.Null;
        await foreach (var row in LogAnalyticsResponse.ReadRowsAsync(body, readBatch, options.ReadOptions, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private async Task<LogAnalyticsQueryResult<TRow>> QueryBufferedAsync<TRow>(IKqlQuery query, LogAnalyticsTimeRange timeRange, LogAnalyticsQueryOptions options, BodyReader<TRow> read, CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var first = await FetchAsync<TRow>(query.ToKql(), timeRange.ToIsoString(), null, options, cancellationToken).ConfigureAwait(false);
        if (first.Error is { IsResultLimitExceeded: true } && options.SplitWhenLimitExceeded)
        {
            var blocker = TimeWindowQuery.FindBlocker(query);
            var bounds = timeRange.Bounds(DateTimeOffset.UtcNow);
            if (blocker is null && bounds is { } range && CanHalve(range.Start, range.End))
            {
                // The cut response's rows are never read: the windows' rows replace them.
                var parts = await HalveAsync(query, range.Start, range.End, options, read, cancellationToken).ConfigureAwait(false);
                return Join(parts, options);
            }

            first.WithNote("The client did not split the query: " + (blocker is not null
                ? "it cannot be split by time, because of " + blocker + "."
                : bounds is null ? "it has no bounded time range to split (LogAnalyticsTimeRange.All); give one."
                : $"its time range is shorter than {2 * SmallestWindow.TotalSeconds:0} s."));
        }

        return Join(new List<Part<TRow>> { first.ReadRows(read) }, options);
    }

    private async Task<List<Part<TRow>>> FetchWindowAsync<TRow>(IKqlQuery query, DateTimeOffset start, DateTimeOffset end, LogAnalyticsQueryOptions options, BodyReader<TRow> read, CancellationToken cancellationToken)
    {
        var kql = TimeWindowQuery.Restrict(query, start, end);
        var part = await FetchAsync<TRow>(kql, LogAnalyticsTimeRange.Between(start, end).ToIsoString(), (start, end), options, cancellationToken).ConfigureAwait(false);
        if (part.Error is { IsResultLimitExceeded: true } && CanHalve(start, end))
        {
            return await HalveAsync(query, start, end, options, read, cancellationToken).ConfigureAwait(false);
        }

        if (part.Error is { IsResultLimitExceeded: true })
        {
            part = part.WithNote($"Even the window [{start:O}, {end:O}) exceeds the service's limit; it is not split below {SmallestWindow.TotalSeconds:0} s.");
        }

        return new List<Part<TRow>> { part.ReadRows(read) };
    }

    private static bool CanHalve(DateTimeOffset start, DateTimeOffset end) => end - start >= SmallestWindow + SmallestWindow;

    /// <summary>Fetches both halves of a range side by side (the client's concurrency limit holds the requests back) and joins them in order.</summary>
    private async Task<List<Part<TRow>>> HalveAsync<TRow>(IKqlQuery query, DateTimeOffset start, DateTimeOffset end, LogAnalyticsQueryOptions options, BodyReader<TRow> read, CancellationToken cancellationToken)
    {
        var middle = start + TimeSpan.FromTicks((end - start).Ticks / 2);
        var halves = await Task.WhenAll(
            FetchWindowAsync(query, start, middle, options, read, cancellationToken),
            FetchWindowAsync(query, middle, end, options, read, cancellationToken)).ConfigureAwait(false);
        halves[0].AddRange(halves[1]);
        return halves[0];
    }

    private async Task<Part<TRow>> FetchAsync<TRow>(string kql, string? timespan, (DateTimeOffset Start, DateTimeOffset End)? window, LogAnalyticsQueryOptions options, CancellationToken cancellationToken)
    {
        using var message = await SendAsync(kql, timespan, options, buffer: true, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status == 204)
        {
            return Part<TRow>.Scan(ReadOnlyMemory<byte>.Empty, window, options.ReadOptions);
        }

        var body = message.Response.Content.ToMemory();
        if (body.IsEmpty)
        {
            throw EmptyResponse();
        }

        return Part<TRow>.Scan(body, window, options.ReadOptions);
    }

    /// <summary>Sends one query; returns the message once the response is a 200 or a 204, throws the service's error otherwise.</summary>
    private async Task<HttpMessage> SendAsync(string kql, string? timespan, LogAnalyticsQueryOptions options, bool buffer, CancellationToken cancellationToken)
    {
        var wait = options.WaitSeconds();
        var message = _pipeline.CreateMessage();
        try
        {
            message.BufferResponse = buffer;
            message.NetworkTimeout = TimeSpan.FromSeconds(wait) + _networkTimeoutMargin;
            var request = message.Request;
            request.Method = RequestMethod.Post;
            request.Uri.Reset(_requestUri);
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            request.Headers.Add(HttpHeader.Names.Accept, "application/json");
            request.Headers.Add("Prefer", "wait=" + wait.ToString(System.Globalization.CultureInfo.InvariantCulture) + (options.IncludeStatistics ? ", include-statistics=true" : string.Empty));
            request.Content = RequestContent.Create(RequestBody(kql, timespan));

            await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _concurrency.Release();
            }

            var status = message.Response.Status;
            if (status == 200 || status == 204)
            {
                return message;
            }

            throw Failure(status, message.Response.ReasonPhrase, await ReadAllAsync(message, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static byte[] RequestBody(string kql, string? timespan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", kql);
            if (timespan is not null)
            {
                json.WriteString("timespan", timespan);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> ReadAllAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        if (message.BufferResponse)
        {
            return message.Response.Content.ToArray();
        }

        using var stream = message.ExtractResponseContent();
        if (stream is null)
        {
            return Array.Empty<byte>();
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>What the service answers to a request without a JSON body or Content-Type (errors.md): never taken for "no rows".</summary>
    private static LogAnalyticsQueryException EmptyResponse() =>
        new(200, new LogAnalyticsError("EmptyResponse", "The service answered 200 with an empty body."), "The Log Analytics query API answered 200 with an empty body, which it does when a request lacks its JSON body or Content-Type.");

    /// <summary>The exception for a failed request: the OneAPI error of its body, or the body's text when it has none.</summary>
    internal static LogAnalyticsQueryException Failure(int status, string? reason, byte[] body)
    {
        LogAnalyticsError? error = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var element))
            {
                error = element.ValueKind == JsonValueKind.String && document.RootElement.TryGetProperty("error_description", out var description)
                    ? new LogAnalyticsError(element.GetString() ?? string.Empty, description.ToString())
                    : LogAnalyticsError.FromJson(element);
            }
        }
        catch (JsonException)
        {
            // not JSON: the text below says what came
        }

        error ??= new LogAnalyticsError(
            string.IsNullOrEmpty(reason) ? "HTTP" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) : reason!.Replace(" ", string.Empty),
            Excerpt(body));
        var hint = status switch
        {
            504 => " The query ran past its server timeout (LogAnalyticsQueryOptions.ServerTimeout, at most 10 minutes); it is not retried. Narrow the time range or the query.",
            429 => " The service throttled the query (5 concurrent queries and 200 per 30 seconds per user) and the retries ran out.",
            _ => string.Empty,
        };
        return new LogAnalyticsQueryException(status, error, $"The Log Analytics query API answered {status} {reason}: {error.Code}: {error.Message}.{hint}\n{error}");
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500));
        return body.Length > 500 ? text + "..." : text;
    }

    private static LogAnalyticsQueryResult<TRow> Join<TRow>(List<Part<TRow>> parts, LogAnalyticsQueryOptions options)
    {
        var rows = new List<TRow>();
        LogAnalyticsError? error = null;
        string? note = null;
        long rowCount = 0;
        foreach (var part in parts)
        {
            rows.AddRange(part.Rows!);
            rowCount += part.Rows!.Count;
            error ??= part.Error;
            note ??= part.Note;
        }

        if (error is not null && !options.AllowPartialResults)
        {
            var message = LogAnalyticsResponse.PartialMessage(error, rowCount, streamed: false);
            throw new LogAnalyticsPartialResultException(error, rowCount, note is null ? message : note + " " + message);
        }

        var windows = new List<LogAnalyticsQueryWindow>();
        if (parts.Count > 1 || parts[0].Window is not null)
        {
            foreach (var part in parts)
            {
                windows.Add(new LogAnalyticsQueryWindow(part.Window!.Value.Start, part.Window.Value.End, part.Rows!.Count, part.Statistics));
            }
        }

        var statistics = windows.Count == 0 ? parts[0].Statistics : null;
        return new LogAnalyticsQueryResult<TRow>(rows, parts[0].Columns ?? Array.Empty<KqlResultColumn>(), LogAnalyticsResponse.StatusOf(error), error, statistics, windows);
    }

    /// <summary>One response: its envelope at once, its rows when they are wanted.</summary>
    private sealed class Part<TRow>
    {
        private readonly ReadOnlyMemory<byte> _body;
        private readonly bool _hasTable;

        private Part(ReadOnlyMemory<byte> body, bool hasTable, (DateTimeOffset Start, DateTimeOffset End)? window, LogAnalyticsError? error, JsonElement? statistics)
        {
            _body = body;
            _hasTable = hasTable;
            Window = window;
            Error = error;
            Statistics = statistics;
        }

        public (DateTimeOffset Start, DateTimeOffset End)? Window { get; }

        public LogAnalyticsError? Error { get; }

        public JsonElement? Statistics { get; }

        public IReadOnlyList<TRow>? Rows { get; private set; }

        public IReadOnlyList<KqlResultColumn>? Columns { get; private set; }

        public string? Note { get; private set; }

        public static Part<TRow> Scan(ReadOnlyMemory<byte> body, (DateTimeOffset Start, DateTimeOffset End)? window, LogReadOptions? options)
        {
            if (body.IsEmpty)
            {
                return new Part<TRow>(body, hasTable: false, window, null, null);
            }

            var scanner = new ResponseScanner(rows: null, (options ?? LogReadOptions.Default).MaxDepth);
            scanner.Scan(body.Span, isFinal: true);
            return new Part<TRow>(body, scanner.HasTable, window, scanner.Error, scanner.Statistics);
        }

        public Part<TRow> ReadRows(BodyReader<TRow> read)
        {
            if (Rows is null)
            {
                if (_hasTable)
                {
                    (Rows, Columns) = read(_body.Span);
                }
                else
                {
                    Rows = Array.Empty<TRow>();
                }
            }

            return this;
        }

        public Part<TRow> WithNote(string note)
        {
            Note ??= note;
            return this;
        }
    }
}
