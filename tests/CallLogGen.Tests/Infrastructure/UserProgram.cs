using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// User code for the analyzer tests: a <c>User.Program.Run(string input)</c> whose body a test writes, compiled
/// with the generated tables of the repository's schemas and the test's own pages, and run where the test needs
/// to know what the code does at run time.
/// </summary>
internal static class UserProgram
{
    /// <summary>Compiles <paramref name="body"/> as the body of <c>Run</c>; the code must compile (analyzer errors aside).</summary>
    /// <param name="pages">The test's schema files, beside the repository's.</param>
    /// <param name="body">The statements of <c>Run(string input)</c>, which returns an object.</param>
    /// <param name="header">Text before the usings (a <c>#pragma</c>, say).</param>
    /// <param name="members">Members of <c>Program</c> beside <c>Run</c>.</param>
    public static GeneratorRun Compile(IEnumerable<SchemaInput> pages, string body, string header = "", string members = "")
    {
        var code = header + $$"""
            using System;
            using System.Text;
            using CallLogGen.Kql;
            using Contoso.CallLogs;

            namespace User
            {
                public static class Program
                {
                    {{members}}

                    public static object Run(string input)
                    {
                        {{body}}
                    }
                }
            }
            """;
        var run = new GeneratorHarness(RepositorySchemaFiles.Read().Concat(pages), userCode: code).Run();
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return run;
    }

    /// <summary>Runs the compiled <c>Run</c>: its result, or the message of the InvalidOperationException it throws.</summary>
    public static (object? Result, string? Failure) Execute(GeneratorRun run, string input = "x")
    {
        var program = run.LoadAssembly().GetType("User.Program", throwOnError: true)!;
        try
        {
            return (program.GetMethod("Run")!.Invoke(null, new object[] { input }), null);
        }
        catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException failure)
        {
            return (null, failure.Message);
        }
    }
}
