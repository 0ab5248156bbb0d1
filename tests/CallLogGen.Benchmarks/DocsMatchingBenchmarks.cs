using BenchmarkDotNet.Attributes;
using CallLogGen.Catalog;
using CallLogGen.Model;
using CallLogGen.Schema;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Benchmarks;

/// <summary>
/// What matching a docs table to its real table costs (issue: under 1 ms per docs table): every table of the real docs
/// pages in tests/data/docs-pages, matched against the Azure Monitor reference's 697 tables. <see cref="MatchEveryTable"/>
/// reports the time per docs table (OperationsPerInvoke); <see cref="BuildMatcher"/> is the once-per-build index over
/// the reference that matching needs.
/// </summary>
[MemoryDiagnoser]
public class DocsMatchingBenchmarks
{
    private List<SourceTable> _tables = null!;
    private DocsTableMatcher _matcher = null!;

    /// <summary>How many docs tables the corpus has; the per-table figure divides by it.</summary>
    public const int CorpusTables = 79;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(RepositoryPaths.TestData, "docs-pages");
        _tables = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => SchemaReader.Read(new SchemaFile(path, Path.GetRelativePath(folder, path), File.ReadAllText(path)), CancellationToken.None))
            .SelectMany(document => document.Tables)
            .ToList();
        if (_tables.Count != CorpusTables)
        {
            throw new InvalidOperationException($"the corpus has {_tables.Count} docs tables, not {CorpusTables}: update CorpusTables so that the per-table figure stays right");
        }

        _matcher = new DocsTableMatcher(AzureMonitorCatalog.Instance, Array.Empty<SourceTable>());
    }

    [Benchmark(OperationsPerInvoke = CorpusTables)]
    public int MatchEveryTable()
    {
        var matched = 0;
        foreach (var table in _tables)
        {
            matched += _matcher.Match(table, Array.Empty<string>()) is null ? 0 : 1;
        }

        return matched;
    }

    [Benchmark]
    public object BuildMatcher() => new DocsTableMatcher(AzureMonitorCatalog.Instance, Array.Empty<SourceTable>());
}
