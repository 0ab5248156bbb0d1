using System.Diagnostics;
using System.Text;

namespace CallLogGen.Tests.Integration;

/// <summary>The outcome of one child process: what it printed and how it ended.</summary>
public sealed record ProcessResult(string Command, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Everything a failure message needs: the command, where it ran, how it ended, and all it printed.</summary>
    public string Describe() =>
        $"$ {Command}\n  (in {WorkingDirectory}; {(TimedOut ? "TIMED OUT" : "exit code " + ExitCode)} after {Elapsed.TotalSeconds:F1} s)\n"
        + $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}\n--------------";
}

/// <summary>
/// Runs the .NET CLI (or a built app) as a child process with a timeout, capturing its output.
/// The child gets a clean build environment: the MSBuild variables that <c>dotnet test</c> passes down
/// to the test host are removed, and neither MSBuild nodes nor the compiler server outlive the command
/// (a lingering server would hold the output pipes open and keep the test run waiting).
/// </summary>
public static class DotNetCli
{
    /// <summary>The dotnet host that runs this test, so the child uses the same SDK installation.</summary>
    public static string DotNetPath { get; } = FindDotNet();

    /// <summary>Arguments every MSBuild-based command takes: no node reuse, no compiler server, plain output.</summary>
    public static readonly string[] BuildSwitches = { "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" };

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Start(DotNetPath, workingDirectory, timeout, environment, arguments);

    /// <summary>Starts <paramref name="fileName"/>, waits at most <paramref name="timeout"/>, kills the whole process tree if it runs over.</summary>
    public static ProcessResult Start(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_CLI_USE_MSBUILD_SERVER", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["NUGET_XMLDOC_MODE"] = "skip";
        foreach (var variable in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[variable.Key] = variable.Value;
        }

        var command = fileName + " " + string.Join(" ", arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start " + command);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        // A grandchild that inherited the pipes could keep them open: wait for the output only a bounded time.
        Task.WaitAll(new Task[] { stdout, stderr }, TimeSpan.FromSeconds(15));
        stopwatch.Stop();
        return new ProcessResult(
            command,
            workingDirectory,
            process.HasExited ? process.ExitCode : -1,
            stdout.IsCompletedSuccessfully ? stdout.Result : "(output not complete)",
            stderr.IsCompletedSuccessfully ? stderr.Result : "(output not complete)",
            stopwatch.Elapsed,
            timedOut);
    }

    private static string FindDotNet()
    {
        // Set by the .NET CLI for every process it starts, the test host included.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = string.IsNullOrEmpty(root) ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
