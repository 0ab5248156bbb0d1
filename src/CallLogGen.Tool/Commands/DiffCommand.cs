using CallLogGen.Lock;
using CallLogGen.Tool.Cli;
using CallLogGen.Tool.Schemas;

namespace CallLogGen.Tool.Commands;

/// <summary><c>callloggen diff &lt;old&gt; &lt;new&gt;</c>: what changed between two versions of the schema files, per table.</summary>
internal static class DiffCommand
{
    public const string Help = """
        Usage: callloggen diff <old> <new> [--format text|markdown|json] [--project <folder>]

        Shows what changed between two versions of the schema files, per table, read and resolved exactly
        as the build does: columns added, removed, retyped, renamed (a removal and an addition of the same
        type whose names fold alike), required or optional, and tables added, removed or renamed. Removed,
        retyped and renamed columns break readers and queries; added ones do not.

        <old>, <new>     a schema file, a folder of them, or git:<revision> (the project's schemas/ at that
                         revision: git:HEAD, git:main, git:v1.2, a commit)
        --format         text (default), markdown (a table for a pull request) or json:
                         {"tables":[{"table","changes":[{"kind","column","from","to","breaking"}]}]}
                         (column is null for a change to the table itself)
        --project        the project folder (default: the current folder): where schemas/ is, and what
                         schema file paths are relative to (table options name files so)

        Exit code: 0 nothing breaks, 1 something breaks, 2 bad input (printed with its CLG diagnostics).
        """;

    public static int Run(Arguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 2)
        {
            throw new ToolException("diff needs two schema sets: callloggen diff <old> <new> (see callloggen diff --help)");
        }

        var format = DiffReport.ParseFormat(arguments);
        var project = ProjectFolder(arguments, context);
        var before = ResolveOrReport(arguments.Positional[0], context, project, cancellationToken);
        var after = ResolveOrReport(arguments.Positional[1], context, project, cancellationToken);
        if (before is null || after is null)
        {
            return ExitCodes.BadInput;
        }

        return DiffReport.Write(context.Out, SchemaComparison.CompareTables(before.Tables, after.Tables), format);
    }

    public const string ProjectOption = "--project";

    public static string ProjectFolder(Arguments arguments, ToolContext context)
    {
        var folder = context.FullPath(arguments.Value(ProjectOption, ".")!);
        return Directory.Exists(folder) ? folder : throw new ToolException($"the project folder {folder} does not exist");
    }

    /// <summary>The schema set, or null after printing the errors that make it bad input.</summary>
    internal static SchemaSet? ResolveOrReport(string spec, ToolContext context, string project, CancellationToken cancellationToken)
    {
        var set = SchemaSet.Resolve(SchemaSource.Load(spec, context, project), project, compareWithLock: false, cancellationToken);
        var errors = SchemaSet.Ordered(set.Errors).ToList();
        foreach (var error in errors)
        {
            context.Error.WriteLine(SchemaSet.Format(error));
        }

        if (errors.Count > 0)
        {
            context.Error.WriteLine($"callloggen: {spec} has {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}; nothing is compared");
            return null;
        }

        return set;
    }
}
