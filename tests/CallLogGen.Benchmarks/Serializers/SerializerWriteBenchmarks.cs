using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CallLogGen.Benchmarks.Logs;
using Newtonsoft.Json;
using StjSerializer = System.Text.Json.JsonSerializer;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// Writing the same 100,000 operational records as an export, in both shapes, into a reused <see cref="MemoryStream"/>:
/// the generated writer (from the generated models) against System.Text.Json by reflection, System.Text.Json's
/// source-generated context (its fast-path writer) and Newtonsoft.Json (from the hand-written POCOs).
/// Baseline: the source-generated context. Nulls are left out by all of them, as exports do.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[GcConcurrent(true)]
public class SerializerWriteBenchmarks
{
    // Both STJ writers escape as the generated writer and Azure do (not '+' or '<'), so that all write the same text.
    private static readonly JsonSerializerOptions ReflectionWrite = new(ExportReaders.Reflection)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ExportJsonContext SourceGenWrite = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly MemoryStream _output = new();
    private ExportDocument _document = null!;
    private List<AcsCallAutomationIncomingOperations> _models = null!;

    [Params(ExportShape.RecordsDocument, ExportShape.Ndjson)]
    public ExportShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Each serializer writes the records as it read them: the POCOs from the STJ context, the models from the
        // generated reader (which keeps category and location, no columns of the table, in UnmappedFields), so
        // that every writer writes the same fields.
        var data = SerializerData.Get(ExportShape.RecordsDocument);
        _document = new ExportDocument { Records = ExportReaders.StjSourceGenAll(data, ExportShape.RecordsDocument) };
        _models = GeneratedJson.ReadExport(data);
        _output.Capacity = SerializerData.Get(ExportShape.RecordsDocument).Length * 5 / 4;
    }

    [Benchmark]
    public async Task<long> Generated()
    {
        Reset();
        await GeneratedJson.WriteExportAsync(_output, _models, Shape).ConfigureAwait(false);
        return _output.Length;
    }

    [Benchmark(Baseline = true)]
    public long StjSourceGen() => WriteStj(SourceGenWrite.Options);

    [Benchmark]
    public long StjReflection() => WriteStj(ReflectionWrite);

    [Benchmark]
    public long Newtonsoft()
    {
        Reset();
        using (var text = new StreamWriter(_output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            if (Shape == ExportShape.RecordsDocument)
            {
                ExportReaders.Newtonsoft.Serialize(writer, _document);
            }
            else
            {
                foreach (var record in _document.Records)
                {
                    ExportReaders.Newtonsoft.Serialize(writer, record);
                    writer.Flush();
                    text.Write('\n');
                }
            }
        }

        return _output.Length;
    }

    private long WriteStj(JsonSerializerOptions options)
    {
        Reset();
        if (Shape == ExportShape.RecordsDocument)
        {
            StjSerializer.Serialize(_output, _document, (JsonTypeInfo<ExportDocument>)options.GetTypeInfo(typeof(ExportDocument)));
            return _output.Length;
        }

        var info = (JsonTypeInfo<ExportRecord>)options.GetTypeInfo(typeof(ExportRecord));
        using var writer = new Utf8JsonWriter(_output, new JsonWriterOptions { Encoder = options.Encoder });
        foreach (var record in _document.Records)
        {
            StjSerializer.Serialize(writer, record, info);
            writer.Flush();
            _output.WriteByte((byte)'\n');
            writer.Reset();
        }

        return _output.Length;
    }

    /// <summary>What the last benchmark call wrote (for <c>--check-serializers</c>).</summary>
    public byte[] Written() => _output.ToArray();

    private void Reset()
    {
        _output.Position = 0;
        _output.SetLength(0);
    }
}
