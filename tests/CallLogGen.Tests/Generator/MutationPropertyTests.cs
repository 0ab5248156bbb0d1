using System.Text;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CallLogGen.Tests.Generator;

/// <summary>
/// Real schema documents, damaged at random: the generator must never throw (no CS8785), and every case
/// must end in generated code, diagnostics, or both. 300 cases from a fixed seed by default, 1,000 from a fresh one in
/// the long run (<see cref="TestSize"/>); set CALLLOGGEN_MUTATION_SEED to replay a failing run.
/// </summary>
public class MutationPropertyTests(ITestOutputHelper output)
{
    private static readonly int Cases = TestSize.Cases(quick: 300, @long: 1000);

    private static readonly Lazy<IReadOnlyList<SchemaInput>> CorpusFiles = new(() =>
    {
        var testData = RepositoryPaths.TestData;
        var files = new[] { "corpus/markdown", "corpus/tables", "corpus/json", "seeds" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(testData, folder), "*", SearchOption.AllDirectories))
            .Select(path => new SchemaInput(
                "schemas/" + Path.GetFileName(path).Replace(".txt", ".md", StringComparison.Ordinal),
                File.ReadAllText(path)))
            .Concat(RepositorySchemaFiles.Read())
            .ToList();
        Assert.True(files.Count >= 20, "the corpus in tests/data was not found");
        return files;
    });

    [Fact]
    public void Mutated_corpus_documents_never_crash_the_generator()
    {
        var seed = TestSize.Seed("CALLLOGGEN_MUTATION_SEED", quickSeed: 20261204);
        output.WriteLine($"seed {seed} (replay with CALLLOGGEN_MUTATION_SEED={seed})");
        var random = new Random(seed);
        var corpus = CorpusFiles.Value;
        var withCode = 0;

        for (var i = 0; i < Cases; i++)
        {
            var picked = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => corpus[random.Next(corpus.Count)])
                .DistinctBy(f => f.RelativePath)
                .Select(f => f with { Text = Mutate(f.Text, random) })
                .ToList();

            GeneratorRun run;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                run = new GeneratorHarness(picked).Run();
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"case {i} (seed {seed}) threw: {exception}");
            }

            var context = $"case {i} (seed {seed}), files {string.Join(", ", picked.Select(p => p.RelativePath))}";
            if (watch.ElapsedMilliseconds > 1000)
            {
                output.WriteLine($"slow: {context} took {watch.ElapsedMilliseconds} ms");
            }

            Assert.True(run.GeneratorResult.Exception is null, $"{context}: {run.GeneratorResult.Exception}");
            Assert.True(!run.WithId("CS8785").Any(), context);
            Assert.True(run.Sources.Count > 0 || run.Diagnostics.Length > 0, $"{context}: neither code nor diagnostics");
            if (run.Sources.Count > 0)
            {
                withCode++;
            }
        }

        output.WriteLine($"{Cases} cases, {withCode} generated code");
        Assert.True(withCode > Cases / 10, "mutations were so destructive that almost nothing generated: the test proves little");
    }

    private static string Mutate(string text, Random random)
    {
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            text = random.Next(9) switch
            {
                0 => DeleteRange(text, random),
                1 => DuplicateLine(text, random),
                2 => SwapLines(text, random),
                3 => text[..random.Next(text.Length + 1)],
                4 => InsertAt(text, random, "\t"),
                5 => "\uFEFF" + text,
                6 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
                7 => InsertAt(text, random, new string((char)random.Next('!', '~'), random.Next(1_000, 40_000))),
                _ => InsertAt(text, random, ((char)random.Next(0, 0x3000)).ToString()),
            };
        }

        return text;
    }

    private static string DeleteRange(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        return text.Remove(start, random.Next(1, Math.Min(200, text.Length - start) + 1));
    }

    private static string InsertAt(string text, Random random, string insert) => text.Insert(random.Next(text.Length + 1), insert);

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        lines.Insert(index, lines[index]);
        return string.Join('\n', lines);
    }

    private static string SwapLines(string text, Random random)
    {
        var lines = text.Split('\n');
        var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }
}
