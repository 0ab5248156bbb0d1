using CallLogGen.Benchmarks.Logs;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// The generated serializer as the benchmarks call it: <c>AcsCallAutomationIncomingOperations.Json</c>, the
/// <c>LogRecordJson&lt;T&gt;</c> the generator emits for the table (src/CallLogGen.Runtime/Json), default options.
/// </summary>
public static class GeneratedJson
{
    public static List<AcsCallAutomationIncomingOperations> ReadExport(ReadOnlySpan<byte> utf8) =>
        AcsCallAutomationIncomingOperations.Json.ReadExport(utf8);

    public static IEnumerable<AcsCallAutomationIncomingOperations> ReadExport(Stream stream) =>
        AcsCallAutomationIncomingOperations.Json.ReadExport(stream);

    public static IAsyncEnumerable<AcsCallAutomationIncomingOperations> ReadExportAsync(Stream stream) =>
        AcsCallAutomationIncomingOperations.Json.ReadExportAsync(stream);

    /// <summary>Into a stream, as <c>JsonSerializer.Serialize(Stream, ...)</c> does: the writer flushes every 32 KB, or after each line.</summary>
    public static Task WriteExportAsync(Stream stream, IEnumerable<AcsCallAutomationIncomingOperations> records, ExportShape shape) =>
        AcsCallAutomationIncomingOperations.Json.WriteExportAsync(stream, records, oneRecordPerLine: shape == ExportShape.Ndjson);
}
