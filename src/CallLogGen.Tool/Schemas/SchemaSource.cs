using System.Diagnostics;
using System.Text;
using CallLogGen.Model;
using CallLogGen.Tool.Cli;

namespace CallLogGen.Tool.Schemas;

/// <summary>
/// Schema files as the generator gets them, from what a command line names: a file, a folder (its <c>.md</c> and
/// <c>.json</c> files, recursively, as the package's default glob takes them), or <c>git:&lt;revision&gt;</c> (the
/// project's <c>schemas/</c> folder at that revision of the repository the project is in, read with git itself).
/// Paths are relative to the project folder, as the generator makes them (table options name files so); a file
/// outside it is named by its folder and name.
/// </summary>
internal static class SchemaSource
{
    public const string GitPrefix = "git:";

    public const string SchemasFolder = "schemas";

    public static IReadOnlyList<SchemaFile> Load(string spec, ToolContext context, string projectDirectory)
    {
        if (spec.StartsWith(GitPrefix, StringComparison.Ordinal))
        {
            return LoadRevision(spec[GitPrefix.Length..], projectDirectory);
        }

        var path = context.FullPath(spec);
        if (File.Exists(path))
        {
            return new[] { Read(path, RelativePath(path, projectDirectory, Path.GetDirectoryName(Path.GetDirectoryName(path)))) };
        }

        if (Directory.Exists(path))
        {
            return LoadFolder(path, projectDirectory);
        }

        throw new ToolException($"'{spec}' is no file or folder (nor git:<revision>)");
    }

    /// <summary>The schema files of a folder, in path order; none where the folder does not exist.</summary>
    public static IReadOnlyList<SchemaFile> LoadFolder(string folder, string projectDirectory)
    {
        if (!Directory.Exists(folder))
        {
            return Array.Empty<SchemaFile>();
        }

        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder));
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsSchemaFileName)
            .Select(path => Read(path, RelativePath(path, projectDirectory, parent)))
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A <c>.md</c> or <c>.json</c> file: what the package's default glob, <c>schemas/**/*.md;schemas/**/*.json</c>, takes.</summary>
    public static bool IsSchemaFileName(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static SchemaFile Read(string path, string relativePath)
    {
        try
        {
            return new SchemaFile(path, relativePath, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot read {path}: {e.Message}");
        }
    }

    private static string RelativePath(string path, string projectDirectory, string? outsideRoot)
    {
        var relative = Path.GetRelativePath(projectDirectory, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            relative = outsideRoot is null ? Path.GetFileName(path) : Path.GetRelativePath(outsideRoot, path);
        }

        return relative.Replace('\\', '/');
    }

    private static IReadOnlyList<SchemaFile> LoadRevision(string revision, string projectDirectory)
    {
        if (revision.Length == 0 || revision.StartsWith('-'))
        {
            throw new ToolException($"'git:{revision}' names no revision; write git:HEAD, git:main, git:v1.2 or a commit");
        }

        // Both paths are relative to the project folder, which git takes as its current folder.
        var listing = Git(projectDirectory, "ls-tree", "-r", "-z", "--name-only", revision, "--", SchemasFolder + "/");
        var files = new List<SchemaFile>();
        foreach (var name in Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
        {
            if (!IsSchemaFileName(name))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(Git(projectDirectory, "show", revision + ":./" + name)).TrimStart('\uFEFF');
            files.Add(new SchemaFile(Path.Combine(projectDirectory, name), name.Replace('\\', '/'), text));
        }

        return files;
    }

    private static byte[] Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ToolException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolException("git:<revision> needs git on the PATH: " + e.Message);
        }

        using (process)
        {
            using var output = new MemoryStream();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new ToolException($"git {string.Join(' ', arguments)} (in {workingDirectory}) failed: {error.Result.Trim()}");
            }

            return output.ToArray();
        }
    }
}
