using CallLogGen.Benchmarks.Logs;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// PLACEHOLDER for the generated serializer (<c>AcsCallAutomationIncomingOperations.Json</c>, a
/// <c>LogRecordJson&lt;T&gt;</c> from src/CallLogGen.Runtime/Json), which is not on this branch yet. Every member
/// throws, so the "Generated" benchmarks fail until these calls are replaced by the real ones.
/// </summary>
public static class GeneratedJson
{
    public static bool IsPlaceholder => true;

    public static List<AcsCallAutomationIncomingOperations> ReadExport(ReadOnlySpan<byte> utf8) => throw Missing();

    public static IAsyncEnumerable<AcsCallAutomationIncomingOperations> ReadExportAsync(Stream stream) => throw Missing();

    public static void WriteExport(Stream stream, IEnumerable<AcsCallAutomationIncomingOperations> records, ExportShape shape) => throw Missing();

    private static NotSupportedException Missing() =>
        new("PLACEHOLDER: the generated serializer (LogRecordJson<T>) is not on this branch yet; merge main when it lands.");
}
