using System.Diagnostics;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// <c>--profile-reader [seconds]</c>: the generated streaming reader over the NDJSON input, again and again, for a
/// sampling profiler to attach to (<c>DOTNET_PerfMapEnabled=1 perf record -g</c>). Prints each pass's time.
/// </summary>
public static class ReaderProfile
{
    public static async Task<int> Run(TextWriter output, double seconds)
    {
        var data = SerializerData.Get(ExportShape.Ndjson);
        var until = Stopwatch.StartNew();
        while (until.Elapsed.TotalSeconds < seconds)
        {
            var pass = Stopwatch.StartNew();
            long sum = 0;
            await foreach (var record in GeneratedJson.ReadExportAsync(new MemoryStream(data, writable: false)))
            {
                sum += record.DurationMs ?? 0;
            }

            output.WriteLine($"{pass.Elapsed.TotalMilliseconds:F1} ms ({sum})");
        }

        return 0;
    }
}

/// <summary><c>--profile-writer</c>: the generated writer over the same records, again and again, for a sampling profiler.</summary>
public static class WriterProfile
{
    public static async Task<int> Run(TextWriter output, double seconds)
    {
        var records = GeneratedJson.ReadExport(SerializerData.Get(ExportShape.Ndjson));
        var stream = new MemoryStream();
        var until = Stopwatch.StartNew();
        while (until.Elapsed.TotalSeconds < seconds)
        {
            stream.Position = 0;
            var pass = Stopwatch.StartNew();
            await GeneratedJson.WriteExportAsync(stream, records, ExportShape.RecordsDocument);
            output.WriteLine($"{pass.Elapsed.TotalMilliseconds:F1} ms ({stream.Position} bytes)");
        }

        return 0;
    }
}
