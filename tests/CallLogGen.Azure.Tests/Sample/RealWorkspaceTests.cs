using CallLogGen.Tests.Infrastructure;
using CallLogGen.Tests.Integration;

namespace CallLogGen.Azure.Tests.Sample;

/// <summary>Runs only when CALLLOGGEN_LA_WORKSPACE names a real workspace; reported as skipped, with the reason, otherwise.</summary>
public sealed class RealWorkspaceFactAttribute : FactAttribute
{
    public RealWorkspaceFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RealWorkspaceTests.WorkspaceVariable)))
        {
            Skip = $"skipped: no real Log Analytics workspace here. Set {RealWorkspaceTests.WorkspaceVariable}=<workspace id> (and sign in for DefaultAzureCredential, e.g. az login) to run the sample's queries against it.";
        }
    }
}

/// <summary>The sample's queries against a real Log Analytics workspace, the only test here that reaches Azure.</summary>
public class RealWorkspaceTests
{
    public const string WorkspaceVariable = "CALLLOGGEN_LA_WORKSPACE";

    [RealWorkspaceFact]
    public void The_sample_queries_run_on_the_real_workspace_and_parse()
    {
        var workspace = Environment.GetEnvironmentVariable(WorkspaceVariable)!;
        var run = DotNetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(10), null,
            SampleQueryCommandTests.SampleAssembly(), "query", "--workspace", workspace);

        Assert.True(run.Succeeded, run.Describe());
        foreach (var name in new[] { "failed-requests-last-day", "duration-p95-per-operation-5m", "usage-per-type-per-day", "operations-with-usage-per-call" })
        {
            Assert.Contains("== " + name + ": ", run.StandardOutput, StringComparison.Ordinal);
        }
    }
}
