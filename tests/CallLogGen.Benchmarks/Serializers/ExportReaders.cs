using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallLogGen.Benchmarks.Logs;
using Newtonsoft.Json;
using StjSerializer = System.Text.Json.JsonSerializer;
using NewtonsoftSerializer = Newtonsoft.Json.JsonSerializer;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// Each way of reading an export, over the same bytes, written as a user of that serializer would write it.
/// "All" methods keep every record in a list; "Each" methods stream, one record at a time, keeping none of them
/// (they sum <c>DurationMs</c> so that nothing is optimised away). Shared by the benchmarks and the <c>--check-serializers</c> run.
/// </summary>
public static class ExportReaders
{
    /// <summary>System.Text.Json by reflection: no context, the default resolver.</summary>
    public static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly JsonTypeInfo<ExportRecord> RecordInfo = ExportJsonContext.Default.ExportRecord;
    private static readonly JsonTypeInfo<ExportDocument> DocumentInfo = ExportJsonContext.Default.ExportDocument;
    private static readonly JsonTypeInfo<ExportRecord> ReflectionRecordInfo = (JsonTypeInfo<ExportRecord>)Reflection.GetTypeInfo(typeof(ExportRecord));
    private static readonly JsonTypeInfo<ExportDocument> ReflectionDocumentInfo = (JsonTypeInfo<ExportDocument>)Reflection.GetTypeInfo(typeof(ExportDocument));

    public static readonly NewtonsoftSerializer Newtonsoft = NewtonsoftSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.DateTimeOffset,
        NullValueHandling = NullValueHandling.Ignore,
    });

    // ---- keeping every record ----

    public static List<AcsCallAutomationIncomingOperations> GeneratedAll(byte[] data) => GeneratedJson.ReadExport(data);

    public static List<ExportRecord> StjReflectionAll(byte[] data, ExportShape shape) => StjAll(data, shape, ReflectionDocumentInfo, ReflectionRecordInfo);

    public static List<ExportRecord> StjSourceGenAll(byte[] data, ExportShape shape) => StjAll(data, shape, DocumentInfo, RecordInfo);

    private static List<ExportRecord> StjAll(byte[] data, ExportShape shape, JsonTypeInfo<ExportDocument> document, JsonTypeInfo<ExportRecord> record)
    {
        if (shape == ExportShape.RecordsDocument)
        {
            return StjSerializer.Deserialize(data, document)!.Records;
        }

        var list = new List<ExportRecord>();
        var position = 0;
        while (SerializerData.NextLine(data, ref position, out var line))
        {
            list.Add(StjSerializer.Deserialize(line, record)!);
        }

        return list;
    }

    public static List<ExportRecord> NewtonsoftAll(byte[] data, ExportShape shape)
    {
        using var reader = NewtonsoftReader(data, shape);
        if (shape == ExportShape.RecordsDocument)
        {
            return Newtonsoft.Deserialize<ExportDocument>(reader)!.Records;
        }

        var list = new List<ExportRecord>();
        while (reader.Read())
        {
            list.Add(Newtonsoft.Deserialize<ExportRecord>(reader)!);
        }

        return list;
    }

    // ---- streaming: one record at a time, none kept ----

    public static async Task<long> GeneratedEachAsync(byte[] data)
    {
        long sum = 0;
        using var stream = new MemoryStream(data, writable: false);
        await foreach (var record in GeneratedJson.ReadExportAsync(stream).ConfigureAwait(false))
        {
            sum += record.DurationMs ?? 0;
        }

        return sum;
    }

    /// <summary>The same, through the synchronous <c>ReadExport(Stream)</c>, like STJ's per-record calls.</summary>
    public static long GeneratedEach(byte[] data)
    {
        long sum = 0;
        using var stream = new MemoryStream(data, writable: false);
        foreach (var record in GeneratedJson.ReadExport(stream))
        {
            sum += record.DurationMs ?? 0;
        }

        return sum;
    }

    public static long StjSourceGenEach(byte[] data, ExportShape shape) => StjEach(data, shape, RecordInfo);

    public static long StjReflectionEach(byte[] data, ExportShape shape) => StjEach(data, shape, ReflectionRecordInfo);

    // The records document: a reader walks to the array, then the context reads each element in turn.
    // NDJSON: the context reads each line.
    private static long StjEach(byte[] data, ExportShape shape, JsonTypeInfo<ExportRecord> info)
    {
        long sum = 0;
        if (shape == ExportShape.Ndjson)
        {
            var position = 0;
            while (SerializerData.NextLine(data, ref position, out var line))
            {
                sum += StjSerializer.Deserialize(line, info)!.DurationMs ?? 0;
            }

            return sum;
        }

        var reader = new Utf8JsonReader(data);
        MoveToRecords(ref reader);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            sum += StjSerializer.Deserialize(ref reader, info)!.DurationMs ?? 0;
        }

        return sum;
    }

    public static long NewtonsoftEach(byte[] data, ExportShape shape)
    {
        long sum = 0;
        using var reader = NewtonsoftReader(data, shape);
        if (shape == ExportShape.RecordsDocument)
        {
            while (reader.Read() && reader.TokenType != JsonToken.StartArray)
            {
            }
        }

        while (reader.Read() && reader.TokenType == JsonToken.StartObject)
        {
            sum += Newtonsoft.Deserialize<ExportRecord>(reader)!.DurationMs ?? 0;
        }

        return sum;
    }

    private static JsonTextReader NewtonsoftReader(byte[] data, ExportShape shape) =>
        new(new StreamReader(new MemoryStream(data, writable: false), Encoding.UTF8))
        {
            DateParseHandling = DateParseHandling.DateTimeOffset,
            SupportMultipleContent = shape == ExportShape.Ndjson,
        };

    // ---- floors: the same bytes, no objects ----

    /// <summary>Every token read, nothing decoded.</summary>
    public static long TokensOnly(byte[] data)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { AllowMultipleValues = true });
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Every token read and every string value (not property names) decoded to a <see cref="string"/>.</summary>
    public static long GetStringFloor(byte[] data)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { AllowMultipleValues = true });
        long characters = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                characters += reader.GetString()!.Length;
            }
        }

        return characters;
    }

    private static void MoveToRecords(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("records"u8))
            {
                reader.Read();
                return;
            }
        }

        throw new InvalidDataException("no records array");
    }
}
