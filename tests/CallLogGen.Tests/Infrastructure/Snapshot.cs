using System.Runtime.CompilerServices;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// Compares generated files with committed <c>.verified.cs</c> baselines. A difference fails the test;
/// to accept new output on purpose, run the tests with <c>CALLLOGGEN_UPDATE_SNAPSHOTS=1</c> and review
/// the diff before committing.
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "CALLLOGGEN_UPDATE_SNAPSHOTS";

    public static void Verify(string folder, IReadOnlyDictionary<string, string> generated, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, folder);
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        var expectedFiles = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.verified.cs").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string?>();
        var actualFiles = generated.Keys.Select(k => Path.ChangeExtension(k, null) + ".verified.cs").ToHashSet(StringComparer.Ordinal);

        if (update)
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in expectedFiles.Except(actualFiles))
            {
                File.Delete(Path.Combine(directory, stale!));
            }

            foreach (var (hintName, source) in generated)
            {
                File.WriteAllText(Path.Combine(directory, Path.ChangeExtension(hintName, null) + ".verified.cs"), source);
            }

            return;
        }

        Assert.True(expectedFiles.SetEquals(actualFiles),
            $"Generated files differ from the baselines in {folder}/.\nGenerated: {string.Join(", ", actualFiles.Order())}\nBaselines: {string.Join(", ", expectedFiles.Order())}\nRun with {UpdateVariable}=1 to accept.");
        foreach (var (hintName, source) in generated)
        {
            var expected = File.ReadAllText(Path.Combine(directory, Path.ChangeExtension(hintName, null) + ".verified.cs"));
            if (expected != source)
            {
                Assert.Fail($"{hintName} differs from its baseline at line {FirstDifferentLine(expected, source)}.\nRun with {UpdateVariable}=1 to accept, then review the diff.\n--- generated ---\n{source}");
            }
        }
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return i + 1;
            }
        }

        return Math.Min(left.Length, right.Length) + 1;
    }
}
