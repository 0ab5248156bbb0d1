using CallLogGen.SampleData;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>The two shapes of a diagnostic-settings export.</summary>
public enum ExportShape
{
    /// <summary><c>{"records":[ {...}, ... ]}</c>, compact.</summary>
    RecordsDocument,

    /// <summary>One compact JSON object per line.</summary>
    Ndjson,
}

/// <summary>
/// The bytes every serializer benchmark reads: 100,000 ACSCallAutomationIncomingOperations records made by
/// <see cref="RealisticCallLogs"/> (the generator the sample's data comes from), in each shape. Made once per process.
/// </summary>
public static class SerializerData
{
    public const int Records = 100_000;
    public const int Seed = 20261124;

    private static readonly Lazy<byte[]> Document = new(() => new RealisticCallLogs(Seed).RecordsDocument(Records));
    private static readonly Lazy<byte[]> Lines = new(() => new RealisticCallLogs(Seed).Ndjson(Records));

    public static byte[] Get(ExportShape shape) => shape == ExportShape.RecordsDocument ? Document.Value : Lines.Value;

    /// <summary>The next non-empty line of an NDJSON buffer (without its line break), or false at the end.</summary>
    public static bool NextLine(ReadOnlySpan<byte> data, ref int position, out ReadOnlySpan<byte> line)
    {
        while (position < data.Length)
        {
            var rest = data[position..];
            var end = rest.IndexOf((byte)'\n');
            line = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + 1;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!line.IsEmpty)
            {
                return true;
            }
        }

        line = default;
        return false;
    }
}
