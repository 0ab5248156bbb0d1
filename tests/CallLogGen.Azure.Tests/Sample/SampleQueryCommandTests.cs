using CallLogGen.Azure.Tests.Query;
using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Kql;
using CallLogGen.Tests.Infrastructure;
using CallLogGen.Tests.Integration;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;

namespace CallLogGen.Azure.Tests.Sample;

/// <summary>
/// The sample's <c>query</c> command, run as a user runs it (the built sample, a child process) against the
/// loopback stand-in for the Log Analytics query API (the real service cannot run here), with <c>--no-auth</c>.
/// The stand-in answers each query with the columns the Kusto parser says it returns.
/// </summary>
public class SampleQueryCommandTests
{
    private const string Workspace = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    internal static string SampleAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "bin", configuration, "net10.0", "CallAutomationInsights.dll");
    }

    private static ProcessResult RunSample(params string[] arguments) =>
        DotNetCli.Run(RepositoryPaths.Root, TimeSpan.FromSeconds(60), null, new[] { SampleAssembly() }.Concat(arguments).ToArray());

    /// <summary>A cell of <paramref name="type"/> for row <paramref name="row"/>.</summary>
    private static string Synthetic(string type, int row) => type switch
    {
        "string" => Cell("value-" + row),
        "int" or "long" => (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "real" => "1.5",
        "datetime" => Cell(QueryData.DayStart.AddHours(row)),
        "dynamic" => "[1,2]",
        _ => "null",
    };

    [Fact]
    public async Task Query_runs_the_sample_queries_and_prints_their_rows()
    {
        await using var server = new LogAnalyticsStandIn(request =>
        {
            var columns = request.Check.Columns!.Select(c => new ApiColumn(c.Name, c.Type!)).ToList();
            return Ok(Body(columns, Enumerable.Range(0, 2).Select(row => columns.Select(c => Synthetic(c.Type, row)).ToArray())));
        });

        var run = RunSample("query", "--workspace", Workspace, "--endpoint", server.Endpoint.ToString(), "--no-auth", "--from", "2026-11-25T00:00:00Z", "--to", "2026-11-26T00:00:00Z");

        Assert.True(run.Succeeded, run.Describe());
        server.AssertEveryRequestFollowedTheContract();
        Assert.Equal(4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("/v1/workspaces/" + Workspace + "/query", r.Path));
        Assert.All(server.Requests, r => Assert.Equal("2026-11-25T00:00:00.0000000Z/2026-11-26T00:00:00.0000000Z", r.Timespan));
        foreach (var name in new[] { "failed-requests-last-day", "duration-p95-per-operation-5m", "usage-per-type-per-day", "operations-with-usage-per-call" })
        {
            Assert.Contains($"== {name}: 2 rows", run.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("OperationName=value-0, ResultSignature=1, Failures=1", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_with_a_call_prints_that_calls_operations_one_line_each()
    {
        const string call = "8d1e2f9a-0c3b-4c1e-9d6a-1f2e3d4c5b6a' | take 1";
        var operations = new[] { ("Answer", "200"), ("Play", "202"), ("Hangup", "200") };
        await using var server = new LogAnalyticsStandIn(request =>
        {
            Assert.Contains(KqlLiteral.Render(call), request.Kql, StringComparison.Ordinal); // the id arrives escaped
            var columns = request.Check.Columns!.Select(c => new ApiColumn(c.Name, c.Type!)).ToList();
            return Ok(Body(columns, operations.Select((op, row) => columns.Select(c => c.Name switch
            {
                "OperationName" => Cell(op.Item1),
                "ResultSignature" => op.Item2,
                _ => Synthetic(c.Type, row),
            }).ToArray())));
        });

        var run = RunSample("query", "--workspace", Workspace, "--endpoint", server.Endpoint.ToString(), "--no-auth", "--call", call);

        Assert.True(run.Succeeded, run.Describe());
        server.AssertEveryRequestFollowedTheContract();
        var request = Assert.Single(server.Requests);
        Assert.Equal("P30D", request.Timespan);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(new[] { "Answer", "Play", "Hangup" }, lines.Take(3).Select(l => l.Split("  ")[1]));
        Assert.Contains("  Play  value-1  value-1  202  2 ms", lines[1], StringComparison.Ordinal);
        Assert.Equal("3 operations of call " + call, lines[3]);
    }

    [Fact]
    public async Task Query_reports_the_services_error_and_fails()
    {
        await using var server = new LogAnalyticsStandIn(_ => OneApiError(403, "Forbidden", "InsufficientAccessError", "The provided credentials have insufficient access to perform the requested operation"));

        var run = RunSample("query", "--workspace", Workspace, "--endpoint", server.Endpoint.ToString(), "--no-auth", "--call", "c");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("InsufficientAccessError", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_without_a_workspace_explains_its_usage()
    {
        var run = RunSample("query", "--no-auth");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--workspace or --resource", run.StandardError, StringComparison.Ordinal);
    }
}
