using System.Text;
using CallLogGen.Model;

namespace CallLogGen.Tests.Schema;

/// <summary>The corpus of real documents (tests/data, copied from the published sources), and the files the markdown tests read.</summary>
internal static class Corpus
{
    /// <summary>The test data folder (holding corpus/ and seeds/).</summary>
    public static string TestData => Infrastructure.RepositoryPaths.TestData;

    public static string Root => Path.Combine(TestData, "corpus");

    public static string PathOf(string relative) => Path.Combine(TestData, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A test data file as the generator would see it: FilePath absolute, RelativePath relative to tests/data.</summary>
    public static SchemaFile Load(string relative)
    {
        var path = PathOf(relative);
        // Read bytes and decode without dropping a BOM, so that the text is the file as stored.
        var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(path));
        return new SchemaFile(path, relative, text);
    }

    /// <summary>Every markdown file the corpus tests read, relative to tests/data.</summary>
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
}
