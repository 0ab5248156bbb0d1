using CallLogGen.Tool.Commands;

namespace CallLogGen.Tool.Cli;

/// <summary>The <c>callloggen</c> command line: one command per schema job, each with <c>--help</c>.</summary>
internal static class ToolCommand
{
    public const string Help = """
        callloggen: schema changes for CallLogGen projects, seen, pulled and locked.

        Usage: callloggen <command> [arguments] [--help]

        Commands:
          diff <old> <new>    what changed between two versions of the schema files (files, folders, git:<rev>)
          pull                the live schema of tables from a Log Analytics workspace, then its diff
          check [paths]       the build's diagnostics for schema files, located
          tables [name]       the Azure Monitor tables built into CallLogGen, or one table's columns
          lock                writes schemas/callloggen.lock.json; the build then warns at breaking changes

        Exit codes: 0 fine, 1 something breaks (diff, pull) or errors (check), 2 bad input or a failed request.
        Docs: https://github.com/callloggen/callloggen/blob/main/docs/tool.md
        """;

    private static readonly string[] ProjectOnly = { DiffCommand.ProjectOption };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ToolContext context, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "-?" or "help")
        {
            context.Out.WriteLine(Help);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        if (args[0] == "--version")
        {
            // The package version (0.1.0, 0.2.0-preview.1), without the commit the SDK appends after '+'.
            var version = typeof(ToolCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
            context.Out.WriteLine(version.Split('+')[0]);
            return ExitCodes.Success;
        }

        var rest = args.Skip(1).ToList();
        try
        {
            return args[0] switch
            {
                "diff" => Run(rest, context, DiffCommand.Help, new[] { DiffReport.FormatOption, DiffCommand.ProjectOption }, Array.Empty<string>(), a => DiffCommand.Run(a, context, cancellationToken)),
                "check" => Run(rest, context, CheckCommand.Help, ProjectOnly, new[] { "--warnaserror", "--info" }, a => CheckCommand.Run(a, context, cancellationToken)),
                "tables" => Run(rest, context, TablesCommand.Help, Array.Empty<string>(), Array.Empty<string>(), a => TablesCommand.Run(a, context)),
                "lock" => Run(rest, context, LockCommand.Help, ProjectOnly, Array.Empty<string>(), a => LockCommand.Run(a, context, cancellationToken)),
                "pull" => await RunAsync(rest, context, PullCommand.Help, new[] { "--workspace", "--table", "--out", DiffReport.FormatOption, "--endpoint", DiffCommand.ProjectOption }, new[] { "--no-auth" }, a => PullCommand.RunAsync(a, context, cancellationToken)).ConfigureAwait(false),
                _ => Fail(context, $"unknown command '{args[0]}'; the commands are diff, pull, check, tables and lock (callloggen --help)"),
            };
        }
        catch (ToolException e)
        {
            return Fail(context, e.Message);
        }
        catch (global::Azure.Identity.AuthenticationFailedException e)
        {
            return Fail(context, "no token for the Tables API (sign in with `az login`, or set AZURE_CLIENT_ID and friends; --no-auth for a local server): " + e.Message);
        }
        catch (global::Azure.RequestFailedException e)
        {
            return Fail(context, "the request failed: " + e.Message);
        }
    }

    private static int Run(List<string> args, ToolContext context, string help, string[] options, string[] flags, Func<Arguments, int> command) =>
        RunAsync(args, context, help, options, flags, a => Task.FromResult(command(a))).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(List<string> args, ToolContext context, string help, string[] options, string[] flags, Func<Arguments, Task<int>> command)
    {
        var arguments = Arguments.Parse(args, options, flags, out var error);
        if (arguments is null)
        {
            return Fail(context, error!);
        }

        if (arguments.WantsHelp)
        {
            context.Out.WriteLine(help);
            return ExitCodes.Success;
        }

        return await command(arguments).ConfigureAwait(false);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("callloggen: " + message);
        return ExitCodes.BadInput;
    }

    private static int Fail(ToolContext context, string message) => Fail(context.Error, message);
}
