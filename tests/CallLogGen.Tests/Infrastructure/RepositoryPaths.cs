namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// Where the repository and its test data are, found by walking up from the test binaries. Tests read only
/// the repository: the corpus of real documents is copied under <c>tests/data</c> with its sources.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>The test data folder (corpus/, seeds/), described in its README.</summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

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
