using CallLogGen.Azure.Tests.Query.Loopback;
using CallLogGen.Tests.Infrastructure;
using CallLogGen.Tests.Integration;
using Xunit.Abstractions;

namespace CallLogGen.Azure.Tests.Sample;

/// <summary>
/// No reflection on the query path: the sample, a consumer of CallLogGen.Azure that runs typed queries, builds with
/// the native-AOT and trim analyzers on and warnings as errors, so any IL2026 (RequiresUnreferencedCode) or IL3050
/// (RequiresDynamicCode) call fails it. The quick run compiles it once into a folder of its own; with
/// CALLLOGGEN_LONG_TESTS=1 a real native-AOT publish also runs the whole-program analysis over every assembly.
/// </summary>
public class AotAnalysisTests
{
    private static readonly string SampleProject = Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "CallAutomationInsights.csproj");

    private readonly ITestOutputHelper _output;

    public AotAnalysisTests(ITestOutputHelper output) => _output = output;

    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [Fact]
    public void The_sample_compiles_with_the_aot_and_trim_analyzers_and_no_IL2026_or_IL3050()
    {
        var folder = Directory.CreateTempSubdirectory("callloggen-aot-");
        try
        {
            // A compile of its own (its own obj and bin: CallLogGenAnalysisDir in the sample's project), from the projects the test build already built: quick, and
            // never up to date, so the analyzers run; warnings are errors (Directory.Build.props).
            var run = DotNetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(3), null,
                new[] { "build", SampleProject, "--no-restore", "-c", Configuration }
                    .Concat(DotNetCli.BuildSwitches)
                    .Concat(new[]
                    {
                        "-p:BuildProjectReferences=false",
                        "-p:IsAotCompatible=true", "-p:EnableAotAnalyzer=true", "-p:EnableTrimAnalyzer=true",
                        "-p:CallLogGenAnalysisDir=" + folder.FullName,
                    })
                    .ToArray());

            _output.WriteLine(run.Describe());
            Assert.True(run.Succeeded, run.Describe());
            Assert.DoesNotContain("IL2026", run.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("IL3050", run.StandardOutput, StringComparison.Ordinal);
            var analyzerConfig = File.ReadAllText(Directory.GetFiles(Path.Combine(folder.FullName, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single());
            Assert.Contains("build_property.EnableAotAnalyzer = true", analyzerConfig, StringComparison.Ordinal);
            Assert.Contains("build_property.EnableTrimAnalyzer = true", analyzerConfig, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "bin", "CallAutomationInsights.dll")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [LongTestFact]
    public async Task A_native_aot_publish_of_the_sample_reports_no_IL2026_or_IL3050_and_its_query_command_runs_when_long_tests_run()
    {
        var folder = Directory.CreateTempSubdirectory("callloggen-aot-publish-");
        try
        {
            // In this class, so never beside the quick compile above (xunit runs a class's tests one at a time): the
            // publish restores the sample for linux-x64 in its own obj.
            var run = DotNetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(20), null,
                new[] { "publish", SampleProject, "-c", "Release", "-r", "linux-x64" }
                    .Concat(DotNetCli.BuildSwitches)
                    .Concat(new[]
                    {
                        "-p:CallLogGenPublishAot=true",
                        "-o", Path.Combine(folder.FullName, "publish"),
                    })
                    .ToArray());

            _output.WriteLine(run.Describe());
            var text = run.StandardOutput + run.StandardError;
            Assert.DoesNotContain("IL2026", text, StringComparison.Ordinal);
            Assert.DoesNotContain("IL3050", text, StringComparison.Ordinal);
            Assert.True(run.Succeeded, run.Describe());
            var executable = Path.Combine(folder.FullName, "publish", "CallAutomationInsights");
            Assert.True(File.Exists(executable), "no native executable was published");

            // The native sample's query path, against the loopback stand-in for the query API: reading rows must not
            // need anything the AOT compiler left out.
            await using var server = new LogAnalyticsStandIn(request =>
            {
                var columns = request.Check.Columns!.Select(c => new ApiColumn(c.Name, c.Type!)).ToList();
                return QueryApi.Ok(QueryApi.Body(columns, new[] { columns.Select(c => c.Name == "OperationName" ? QueryApi.Cell("Play") : c.Type == "datetime" ? QueryApi.Cell(DateTimeOffset.UnixEpoch) : "null").ToArray() }));
            });
            var native = DotNetCli.Start(executable, RepositoryPaths.Root, TimeSpan.FromMinutes(1), null, "query", "--workspace", "w", "--endpoint", server.Endpoint.ToString(), "--no-auth", "--call", "c");
            Assert.True(native.Succeeded, native.Describe());
            Assert.Contains("  Play  ", native.StandardOutput, StringComparison.Ordinal);
            server.AssertEveryRequestFollowedTheContract();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>Runs only with CALLLOGGEN_LONG_TESTS=1; reported as skipped, with the reason, otherwise.</summary>
public sealed class LongTestFactAttribute : FactAttribute
{
    public LongTestFactAttribute()
    {
        if (!TestSize.IsLong)
        {
            Skip = "skipped in the quick run: set CALLLOGGEN_LONG_TESTS=1 for a real `dotnet publish -p:PublishAot=true` of the sample (minutes).";
        }
    }
}
