using System.Diagnostics;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Sample;

/// <summary>The sample, built from the repository's schemas/ through the generator, prints the real tables.</summary>
public class SampleTests
{
    private static string SampleAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "bin", configuration, "net10.0", "CallAutomationInsights.dll");
    }

    private static (int ExitCode, string Output, string Error) RunSample(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SampleAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the sample did not finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Schema_prints_one_line_per_table_with_its_csl_schema()
    {
        var (exitCode, output, error) = RunSample("schema");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        var tables = lines.ToDictionary(l => l[..l.IndexOf(' ', StringComparison.Ordinal)], l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.StartsWith("(", tables["ACSBillingUsage"], StringComparison.Ordinal);
        Assert.Contains("TimeGenerated:datetime", tables["ACSBillingUsage"], StringComparison.Ordinal);
        Assert.Contains("Quantity:real", tables["ACSBillingUsage"], StringComparison.Ordinal);
        Assert.Contains("ResultSignature:int", tables["ACSCallAutomationIncomingOperations"], StringComparison.Ordinal);
        Assert.Equal(23, tables["ACSCallAutomationIncomingOperations"].Split(", ").Length);
        Assert.Equal(21, tables["ACSBillingUsage"].Split(", ").Length);
    }

    [Fact]
    public void No_arguments_lists_every_command()
    {
        var (exitCode, output, _) = RunSample();

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "schema", "columns", "create", "help" })
        {
            Assert.Contains("  " + command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_command_fails_with_a_pointer_to_help()
    {
        var (exitCode, _, error) = RunSample("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown command 'frobnicate'", error, StringComparison.Ordinal);
    }
}
