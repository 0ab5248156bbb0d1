namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// Where the repository and the shared corpus are. CI clones the repository into a fresh folder with a
/// copy of <c>shared/</c> beside it, so both are found by walking up from the test binaries.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    private static readonly Lazy<string> SharedFolder = new(FindShared);

    /// <summary>The shared folder beside the repository (corpus/, seeds/); only tests that read the corpus need it.</summary>
    public static string Shared => SharedFolder.Value;

    private static string FindShared()
    {
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        if (Directory.Exists(Path.Combine(beside, "corpus")))
        {
            return beside;
        }

        throw new DirectoryNotFoundException($"shared/corpus not found: expected {beside}, beside the repository");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallLogGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CallLogGen.sln not found above " + AppContext.BaseDirectory);
    }
}
