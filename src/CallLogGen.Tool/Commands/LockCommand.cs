using CallLogGen.Diagnostics;
using CallLogGen.Lock;
using CallLogGen.Tool.Cli;
using CallLogGen.Tool.Schemas;

namespace CallLogGen.Tool.Commands;

/// <summary><c>callloggen lock</c>: writes schemas/callloggen.lock.json from the project's schema files.</summary>
internal static class LockCommand
{
    public const string Help = """
        Usage: callloggen lock [--project <folder>]

        Writes schemas/callloggen.lock.json: the columns and KQL types of every table the project's schema
        files make, sorted, one column per line. The build then compares every table with it and warns at
        each breaking change (CLG1031 a column removed, retyped or renamed; CLG1032 a table gone), at the
        line of the schema file where it stands. Running lock again accepts the changes; it prints those it
        accepts. Commit the file with the schema files.

        --project        the project folder (default: the current folder); its schemas/ folder is read

        Exit code: 0 written; 2 the schema files have errors (printed; nothing is written).
        """;

    public static int Run(Arguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count > 0)
        {
            throw new ToolException("lock takes no paths: it locks the project's schemas/ folder (use --project to name the project)");
        }

        var project = DiffCommand.ProjectFolder(arguments, context);
        var folder = Path.Combine(project, SchemaSource.SchemasFolder);
        var files = SchemaSource.LoadFolder(folder, project);
        if (files.Count == 0)
        {
            throw new ToolException($"{folder} has no schema files to lock");
        }

        var set = SchemaSet.Resolve(files, project, compareWithLock: true, cancellationToken);
        var errors = SchemaSet.Ordered(set.Errors).Where(e => e.Id != DiagnosticCatalog.InvalidLockFile.Id).ToList();
        foreach (var error in errors)
        {
            context.Error.WriteLine(SchemaSet.Format(error));
        }

        if (errors.Count > 0)
        {
            context.Error.WriteLine("callloggen: the schema files have errors; the lock file is not written");
            return ExitCodes.BadInput;
        }

        var accepted = SchemaSet.Ordered(set.Resolved.Diagnostics)
            .Where(d => d.Id == DiagnosticCatalog.BreakingChangeFromLock.Id || d.Id == DiagnosticCatalog.LockedTableGone.Id)
            .ToList();
        var path = Path.Combine(folder, LockFile.FileName);
        File.WriteAllText(path, LockFile.Write(set.Tables));
        foreach (var change in accepted)
        {
            context.Out.WriteLine("accepted: " + SchemaSet.Format(change));
        }

        context.Out.WriteLine($"Locked {set.Tables.Count} table{(set.Tables.Count == 1 ? string.Empty : "s")} in {Path.GetRelativePath(context.WorkingDirectory, path).Replace('\\', '/')}.");
        return ExitCodes.Success;
    }
}
