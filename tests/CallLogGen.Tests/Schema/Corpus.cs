using System.Text;
using CallLogGen.Schema;

namespace CallLogGen.Tests.Schema;

/// <summary>
/// Finds the shared corpus (read in place, never copied). The repository root is the first folder above the
/// test's base directory that holds CallLogGen.sln; the corpus is <c>&lt;root&gt;/../shared/corpus</c>
/// (the layout on developer machines and in CI, where shared/ is copied beside the clone). A folder above
/// that holds <c>shared/corpus</c> itself is accepted as a fallback.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> SharedRoot = new(FindShared);

    /// <summary>The shared folder (holding corpus/ and seeds/).</summary>
    public static string Shared => SharedRoot.Value;

    public static string Root => Path.Combine(Shared, "corpus");

    public static string PathOf(string relative) => Path.Combine(Shared, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A shared file as the generator would see it: FilePath absolute, RelativePath relative to shared/.</summary>
    public static SchemaFile Load(string relative)
    {
        var path = PathOf(relative);
        // Read bytes and decode without dropping a BOM, so that the text is the file as stored.
        var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(path));
        return new SchemaFile(path, relative, text);
    }

    /// <summary>Every markdown file the corpus tests read, relative to shared/.</summary>
    public static IEnumerable<string> MarkdownFiles()
    {
        foreach (var folder in new[] { "corpus/markdown", "corpus/tables" })
        {
            foreach (var file in Directory.EnumerateFiles(PathOf(folder), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return folder + "/" + Path.GetFileName(file);
            }
        }

        yield return "seeds/000_8929d67c9d05ddb1.txt";
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallLogGen.sln")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (Directory.Exists(Path.Combine(beside, "corpus")))
                {
                    return beside;
                }
            }

            var inside = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(inside, "corpus")))
            {
                return inside;
            }
        }

        throw new DirectoryNotFoundException(
            "shared/corpus not found: expected <repo root>/../shared/corpus beside the folder holding CallLogGen.sln (searched up from " +
            AppContext.BaseDirectory + ")");
    }
}
