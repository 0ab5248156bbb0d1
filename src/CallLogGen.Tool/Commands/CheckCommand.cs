using CallLogGen.Model;
using CallLogGen.Tool.Cli;
using CallLogGen.Tool.Schemas;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tool.Commands;

/// <summary><c>callloggen check [paths]</c>: the build's diagnostics for schema files, without a build.</summary>
internal static class CheckCommand
{
    public const string Help = """
        Usage: callloggen check [<path>...] [--warnaserror] [--info] [--project <folder>]

        Reads schema files as the build does (the same readers and resolver, the lock file compared when it
        is among them) and prints the build's diagnostics, located as compilers print them:
          schemas/logs.md(12,3): warning CLG1013: table 'T': ...
        For the CI of repositories that keep schemas without building.

        <path>           schema files or folders, read together as one project's (default: the project's schemas/)
        --warnaserror    warnings fail too (exit code 1), as with TreatWarningsAsErrors
        --info           print the Info diagnostics too (inferred types, notes); they never fail
        --project        the project folder (default: the current folder)

        Exit code: 0 no error (warnings are printed but pass, unless --warnaserror), 1 errors, 2 bad arguments.
        """;

    public static int Run(Arguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var project = DiffCommand.ProjectFolder(arguments, context);
        var paths = arguments.Positional.Count > 0 ? arguments.Positional : new List<string> { Path.Combine(project, SchemaSource.SchemasFolder) };
        var files = new List<SchemaFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(context.FullPath(path)) && !Directory.Exists(context.FullPath(path)))
            {
                throw new ToolException($"'{path}' is no file or folder");
            }

            files.AddRange(SchemaSource.Load(path, context, project));
        }

        var set = SchemaSet.Resolve(files.DistinctBy(f => f.FilePath).ToList(), project, compareWithLock: true, cancellationToken);
        var shown = SchemaSet.Ordered(set.Resolved.Diagnostics)
            .Where(d => arguments.Has("--info") || SchemaSet.SeverityOf(d) >= DiagnosticSeverity.Warning)
            .ToList();
        foreach (var diagnostic in shown)
        {
            context.Out.WriteLine(SchemaSet.Format(diagnostic));
        }

        var errors = set.Resolved.Diagnostics.Count(d => SchemaSet.SeverityOf(d) == DiagnosticSeverity.Error);
        var warnings = set.Resolved.Diagnostics.Count(d => SchemaSet.SeverityOf(d) == DiagnosticSeverity.Warning);
        context.Out.WriteLine($"{files.Count} schema file{(files.Count == 1 ? string.Empty : "s")}, {set.Tables.Count} table{(set.Tables.Count == 1 ? string.Empty : "s")}: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}.");
        return errors > 0 || (warnings > 0 && arguments.Has("--warnaserror")) ? ExitCodes.Breaking : ExitCodes.Success;
    }
}
