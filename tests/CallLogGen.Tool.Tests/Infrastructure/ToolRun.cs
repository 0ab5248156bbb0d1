using CallLogGen.Tool.Cli;

namespace CallLogGen.Tool.Tests.Infrastructure;

/// <summary>One run of the tool in process: its exit code and what it printed to each stream.</summary>
public sealed record ToolResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>Runs <c>callloggen</c> as its Main would, in a folder of the test's choosing, with test services for pull.</summary>
public static class ToolRun
{
    internal static async Task<ToolResult> RunAsync(string workingDirectory, ToolServices? services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolCommand.RunAsync(args, new ToolContext(output, error, workingDirectory, services ?? ToolServices.Default), CancellationToken.None);
        return new ToolResult(exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public static Task<ToolResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}
