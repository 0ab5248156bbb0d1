using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CallLogGen.Benchmarks.Logs;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// Reading 100,000 ACSCallAutomationIncomingOperations export records (about 98 MB), in both export shapes:
/// the generated reader against System.Text.Json (reflection and a source-generated context over a hand-written
/// POCO of the export shape) and Newtonsoft.Json, and two floors over the same bytes (a <c>Utf8JsonReader</c> that
/// only reads tokens, and one that also calls <c>GetString()</c> on every string value).
/// Two scenarios, each its own group with the source-generated context as baseline: <b>KeepAll</b> returns every
/// record in a list; <b>Streaming</b> handles one record at a time and keeps none.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[GcConcurrent(true)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializerBenchmarks
{
    private byte[] _data = Array.Empty<byte>();

    [Params(ExportShape.RecordsDocument, ExportShape.Ndjson)]
    public ExportShape Shape { get; set; }

    [GlobalSetup]
    public void Setup() => _data = SerializerData.Get(Shape);

    // ---- KeepAll ----

    [Benchmark, BenchmarkCategory("KeepAll")]
    public List<AcsCallAutomationIncomingOperations> Generated_All() => ExportReaders.GeneratedAll(_data);

    [Benchmark(Baseline = true), BenchmarkCategory("KeepAll")]
    public List<ExportRecord> StjSourceGen_All() => ExportReaders.StjSourceGenAll(_data, Shape);

    [Benchmark, BenchmarkCategory("KeepAll")]
    public List<ExportRecord> StjReflection_All() => ExportReaders.StjReflectionAll(_data, Shape);

    [Benchmark, BenchmarkCategory("KeepAll")]
    public List<ExportRecord> Newtonsoft_All() => ExportReaders.NewtonsoftAll(_data, Shape);

    // ---- Streaming ----

    [Benchmark, BenchmarkCategory("Streaming")]
    public Task<long> Generated_EachAsync() => ExportReaders.GeneratedEachAsync(_data);

    [Benchmark, BenchmarkCategory("Streaming")]
    public long Generated_Each() => ExportReaders.GeneratedEach(_data);

    [Benchmark(Baseline = true), BenchmarkCategory("Streaming")]
    public long StjSourceGen_EachRecord() => ExportReaders.StjSourceGenEach(_data, Shape);

    [Benchmark, BenchmarkCategory("Streaming")]
    public long StjReflection_EachRecord() => ExportReaders.StjReflectionEach(_data, Shape);

    [Benchmark, BenchmarkCategory("Streaming")]
    public long Newtonsoft_EachRecord() => ExportReaders.NewtonsoftEach(_data, Shape);

    [Benchmark, BenchmarkCategory("Streaming")]
    public long Floor_TokensOnly() => ExportReaders.TokensOnly(_data);

    [Benchmark, BenchmarkCategory("Streaming")]
    public long Floor_GetString() => ExportReaders.GetStringFloor(_data);
}
