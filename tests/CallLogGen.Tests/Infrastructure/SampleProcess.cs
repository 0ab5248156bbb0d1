using System.Diagnostics;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>Runs the built sample (samples/CallAutomationInsights) as a user does, with its output and errors captured.</summary>
public static class SampleProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "bin", configuration, "net10.0", "CallAutomationInsights.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("the sample did not finish within a minute");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
