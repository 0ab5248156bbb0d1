using CallLogGen.Model;
using CallLogGen.Schema.Json;

namespace CallLogGen.Tests.Schema.Json;

/// <summary>
/// Finds the files the JSON tests read in place: the repository (the folder holding CallLogGen.sln,
/// found by walking up from the test binaries) and its test data (<c>tests/data</c>).
/// </summary>
internal static class JsonCorpus
{
    public static string RepoRoot => Infrastructure.RepositoryPaths.Root;

    public static string TestDataRoot => Infrastructure.RepositoryPaths.TestData;

    public static string CorpusJson => Path.Combine(TestDataRoot, "corpus", "json");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "CallLogGen.Tests", "Schema", "Json", "Fixtures");

    public static string OptionsSchemaPath => Path.Combine(RepoRoot, "docs", "table-options.schema.json");

    /// <summary>Every JSON file of the corpus (schemas and record samples), for the parser tests.</summary>
    public static IReadOnlyList<string> AllCorpusJsonFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestDataRoot, "corpus"), "*.json", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    /// <summary>A corpus or fixture file as the pipeline would hand it over (relative to tests/data or the repo).</summary>
    public static SchemaFile Load(string path)
    {
        var full = Path.GetFullPath(path);
        var baseDir = full.StartsWith(TestDataRoot, StringComparison.Ordinal) ? TestDataRoot : RepoRoot;
        var relative = Path.GetRelativePath(baseDir, full).Replace('\\', '/');
        return new SchemaFile(full, relative, File.ReadAllText(full));
    }

    public static SchemaDocument Read(string path) => JsonSchemaReader.Read(Load(path), CancellationToken.None);

    public static SchemaDocument ReadText(string text, string name = "test.json") =>
        JsonSchemaReader.Read(new SchemaFile("/virtual/" + name, name, text), CancellationToken.None);
}
