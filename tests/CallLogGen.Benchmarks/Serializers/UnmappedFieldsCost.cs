using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// <c>--unmapped-cost</c>: what the generated reader spends on export fields that are no column of the table.
/// Every operational record carries <c>category</c> and <c>location</c>, which ACSCallAutomationIncomingOperations
/// has no column for, so the reader keeps both in the record's <c>UnmappedFields</c>. This reads the NDJSON input
/// as it is, without those two fields, and also with every <c>resultSignature</c> a number (a quoted number is
/// remembered as a spelling), with the generated reader and the STJ context, keeping all records. Stopwatch medians
/// of 7 runs after a warm-up: a pointer to where the time goes, not a figure to quote.
/// </summary>
public static partial class UnmappedFieldsCost
{
    public static int Run(TextWriter output)
    {
        var data = SerializerData.Get(ExportShape.Ndjson);
        var text = Encoding.UTF8.GetString(data);
        var withoutUnmapped = UnmappedFields().Replace(text, string.Empty);
        var numericSignatures = QuotedSignature().Replace(withoutUnmapped, "\"resultSignature\":$1");
        output.WriteLine("| input | bytes | generated | allocated | STJ source-gen | allocated |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, bytes) in new[]
        {
            ("as exported", data),
            ("without category and location", Encoding.UTF8.GetBytes(withoutUnmapped)),
            ("... and resultSignature always a number", Encoding.UTF8.GetBytes(numericSignatures)),
        })
        {
            var (generated, generatedBytes) = Measure(() => ExportReaders.GeneratedAll(bytes));
            var (stj, stjBytes) = Measure(() => ExportReaders.StjSourceGenAll(bytes, ExportShape.Ndjson));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {bytes.Length / 1e6:F1} MB | {generated:F0} ms | {generatedBytes / 1e6:F0} MB | {stj:F0} ms | {stjBytes / 1e6:F0} MB |"));
        }

        return 0;
    }

    private static (double Milliseconds, long Allocated) Measure(Func<object> read)
    {
        GC.KeepAlive(read());
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < 7; i++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(read());
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        return (times[times.Count / 2], allocated);
    }

    [GeneratedRegex("\"(?:category|location)\":\"[^\"]*\",")]
    private static partial Regex UnmappedFields();

    [GeneratedRegex("\"resultSignature\":\"(\\d+)\"")]
    private static partial Regex QuotedSignature();
}
