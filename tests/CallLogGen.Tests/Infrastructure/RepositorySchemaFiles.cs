namespace CallLogGen.Tests.Infrastructure;

/// <summary>The repository's schemas/ folder as generator input.</summary>
public static class RepositorySchemaFiles
{
    /// <summary>The repository's schema files as the package hands them to the generator.</summary>
    public static IReadOnlyList<SchemaInput> Read() =>
        Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new SchemaInput(Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
}
