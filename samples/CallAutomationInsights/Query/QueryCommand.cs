using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using CallAutomationInsights.Logs;
using CallLogGen.Azure.Query;
using CallLogGen.Json;
using CallLogGen.Kql;

namespace CallAutomationInsights.Query;

/// <summary>
/// <c>query</c>: runs the sample's queries on a Log Analytics workspace and prints their rows; with
/// <c>--call</c>, only the per-call query, streamed, one line per operation.
/// </summary>
public static class QueryCommand
{
    public const string Usage = "query --workspace ID | --resource ID [--from TIME] [--to TIME] [--endpoint URL] [--no-auth] [--call CORRELATIONID]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var (options, problem) = QueryCommandOptions.Parse(args);
        if (options is null)
        {
            errors.WriteLine("error: " + problem);
            errors.WriteLine("usage: " + Usage);
            return 2;
        }

        // DefaultAzureCredential: environment, managed identity, Azure CLI, ... --no-auth is for local proxies and tests.
        TokenCredential? credential = options.NoAuth ? null : new DefaultAzureCredential();
        var clientOptions = new LogAnalyticsQueryClientOptions();
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        var client = new LogAnalyticsQueryClient(options.Target, credential, clientOptions);
        try
        {
            if (options.CorrelationId is { } call)
            {
                await PrintCallAsync(client, call, options.TimeRange, output);
            }
            else
            {
                await PrintSampleQueriesAsync(client, options.TimeRange, output);
            }

            return 0;
        }
        catch (Exception e) when (e is LogAnalyticsQueryException or LogJsonException or AuthenticationFailedException or CredentialUnavailableException or InvalidOperationException)
        {
            errors.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    /// <summary>Every operation of one call, streamed as the rows arrive: time, operation, result.</summary>
    private static async Task PrintCallAsync(LogAnalyticsQueryClient client, string correlationId, LogAnalyticsTimeRange timeRange, TextWriter output)
    {
        var count = 0;
        await foreach (var operation in client.QueryRowsAsync(AcsCallAutomationIncomingOperations.Json, SampleQueries.RequestsOfCall(correlationId), timeRange))
        {
            count++;
            output.WriteLine(string.Join("  ", new[]
            {
                operation.TimeGenerated.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                operation.OperationName ?? "?",
                operation.SubOperationName ?? "-",
                operation.ResultType ?? "?",
                operation.ResultSignature?.ToString(CultureInfo.InvariantCulture) ?? "-",
                operation.DurationMs is { } ms ? ms.ToString(CultureInfo.InvariantCulture) + " ms" : "-",
            }));
        }

        output.WriteLine($"{count} operations of call {correlationId}");
    }

    /// <summary>The sample's other queries (summaries and a join), each with its rows, cells named by their columns.</summary>
    private static async Task PrintSampleQueriesAsync(LogAnalyticsQueryClient client, LogAnalyticsTimeRange timeRange, TextWriter output)
    {
        // Named as the `queries` command names them (SampleQueries.All), found by their KQL.
        var names = SampleQueries.All(string.Empty).ToDictionary(q => q.Kql, q => q.Name);
        var queries = new IKqlQuery[]
        {
            SampleQueries.FailedRequestsLastDay(),
            SampleQueries.DurationPerOperation(),
            SampleQueries.UsagePerTypePerDay(),
            SampleQueries.OperationsWithUsagePerCall(),
        };
        foreach (var query in queries)
        {
            var result = await client.QueryAsync(query, timeRange);
            output.WriteLine($"== {names[query.ToKql()]}: {result.Rows.Count} rows{(result.WasSplit ? $" (in {result.Windows.Count} time windows)" : string.Empty)}");
            foreach (var row in result.Rows)
            {
                output.WriteLine("  " + string.Join(", ", result.Columns.Select(c => c.Name + "=" + Format(row, c))));
            }
        }
    }

    private static string Format(KqlResultRow row, KqlResultColumn column)
    {
        var name = column.Name;
        object? value = column.Type switch
        {
            CallLogGen.KqlType.String => row.Get(KqlString.Column(name)),
            CallLogGen.KqlType.Int => row.Get(KqlInt.Column(name)),
            CallLogGen.KqlType.Long => row.Get(KqlLong.Column(name)),
            CallLogGen.KqlType.Real => row.Get(KqlReal.Column(name)),
            CallLogGen.KqlType.Decimal => row.Get(KqlDecimal.Column(name)),
            CallLogGen.KqlType.Bool => row.Get(KqlBool.Column(name)),
            CallLogGen.KqlType.DateTime => row.Get(KqlDateTime.Column(name))?.ToString("O", CultureInfo.InvariantCulture),
            CallLogGen.KqlType.TimeSpan => row.Get(KqlTimeSpan.Column(name)),
            CallLogGen.KqlType.Guid => row.Get(KqlGuid.Column(name)),
            _ => row.Get(KqlDynamic.Column(name)) is { } json ? json.GetRawText() : null,
        };
        return value switch
        {
            null => "null",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };
    }
}

/// <summary>The <c>query</c> command's arguments.</summary>
public sealed record QueryCommandOptions(LogAnalyticsTarget Target, LogAnalyticsTimeRange TimeRange, Uri? Endpoint, bool NoAuth, string? CorrelationId)
{
    /// <summary>The range when none is given: the last 30 days, the longest any sample query looks back.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    public static (QueryCommandOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        string? workspace = null, resource = null, call = null;
        DateTimeOffset? from = null, to = null;
        Uri? endpoint = null;
        var noAuth = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-auth")
            {
                noAuth = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"'{name}' needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--workspace":
                    workspace = value;
                    break;
                case "--resource":
                    resource = value;
                    break;
                case "--call":
                    call = value;
                    break;
                case "--from" or "--to":
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    {
                        return (null, $"'{name} {value}' is not a date and time (ISO 8601, e.g. 2026-11-25T09:00:00Z)");
                    }

                    if (name == "--from")
                    {
                        from = time;
                    }
                    else
                    {
                        to = time;
                    }

                    break;
                case "--endpoint":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out endpoint))
                    {
                        return (null, $"'--endpoint {value}' is not an absolute URL");
                    }

                    break;
                default:
                    return (null, $"unknown option '{name}'");
            }
        }

        if ((workspace is null) == (resource is null))
        {
            return (null, "give either --workspace or --resource");
        }

        if (to is not null && from is null)
        {
            return (null, "--to needs --from");
        }

        if (from is { } start && start >= (to ?? DateTimeOffset.UtcNow))
        {
            return (null, "--from must come before --to (or before now)");
        }

        var range = from is { } f ? LogAnalyticsTimeRange.Between(f, to ?? DateTimeOffset.UtcNow) : LogAnalyticsTimeRange.Last(DefaultRange);
        var target = workspace is not null ? LogAnalyticsTarget.Workspace(workspace) : LogAnalyticsTarget.Resource(resource!);
        return (new QueryCommandOptions(target, range, endpoint, noAuth, call), null);
    }
}
