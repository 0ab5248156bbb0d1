using System.Diagnostics;
using System.Globalization;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// <c>--check-serializers</c>: runs every reader once over both shapes and checks that they agree (record count,
/// sum of <c>DurationMs</c>, the first record's fields), with a stopwatch time each. A correctness check for the
/// benchmarks' workload, in a few seconds; the figures to quote are BenchmarkDotNet's.
/// </summary>
public static class SerializerCheck
{
    public static int Run(TextWriter output)
    {
        var ok = true;
        foreach (var shape in Enum.GetValues<ExportShape>())
        {
            var data = SerializerData.Get(shape);
            output.WriteLine(FormattableString.Invariant($"{shape}: {data.Length:N0} bytes, {SerializerData.Records:N0} records, {data.Length / SerializerData.Records:N0} bytes a record"));
            var expected = Time(output, "STJ source-gen, all", () => Summary(ExportReaders.StjSourceGenAll(data, shape)));
            ok &= Same(output, expected, Time(output, "STJ reflection, all", () => Summary(ExportReaders.StjReflectionAll(data, shape))));
            ok &= Same(output, expected, Time(output, "Newtonsoft, all", () => Summary(ExportReaders.NewtonsoftAll(data, shape))));
            var sum = Time(output, "STJ source-gen, each", () => ExportReaders.StjSourceGenEach(data, shape).ToString(CultureInfo.InvariantCulture));
            ok &= Same(output, expected.Split(' ')[1], sum);
            ok &= Same(output, sum, Time(output, "STJ reflection, each", () => ExportReaders.StjReflectionEach(data, shape).ToString(CultureInfo.InvariantCulture)));
            ok &= Same(output, sum, Time(output, "Newtonsoft, each", () => ExportReaders.NewtonsoftEach(data, shape).ToString(CultureInfo.InvariantCulture)));
            Time(output, "floor: tokens", () => ExportReaders.TokensOnly(data).ToString(CultureInfo.InvariantCulture));
            Time(output, "floor: GetString", () => ExportReaders.GetStringFloor(data).ToString(CultureInfo.InvariantCulture));
            var generated = Time(output, "generated, all", () => Summary(ExportReaders.GeneratedAll(data).ConvertAll(ToExport)));
            ok &= Same(output, expected, generated);
            ok &= Same(output, sum, Time(output, "generated, each (async)", () => ExportReaders.GeneratedEachAsync(data).GetAwaiter().GetResult().ToString(CultureInfo.InvariantCulture)));

            // Writing: what each writer wrote, read back, is the same records.
            var writers = new SerializerWriteBenchmarks { Shape = shape };
            writers.Setup();
            foreach (var (name, write) in new (string, Func<byte[]>)[]
            {
                ("write: generated", () => { writers.Generated().GetAwaiter().GetResult(); return writers.Written(); }),
                ("write: STJ source-gen", () => { writers.StjSourceGen(); return writers.Written(); }),
                ("write: STJ reflection", () => { writers.StjReflection(); return writers.Written(); }),
                ("write: Newtonsoft", () => { writers.Newtonsoft(); return writers.Written(); }),
            })
            {
                var bytes = 0;
                var written = Time(output, name, () =>
                {
                    var text = write();
                    bytes = text.Length;
                    return Summary(ExportReaders.StjSourceGenAll(text, shape));
                });
                output.WriteLine(FormattableString.Invariant($"    {bytes:N0} bytes written"));
                ok &= Same(output, expected, written);
            }
        }

        output.WriteLine(ok ? "serializers agree" : "SERIALIZERS DISAGREE");
        return ok ? 0 : 1;
    }

    private static string Summary(List<ExportRecord> records)
    {
        var first = records[0];
        return FormattableString.Invariant(
            $"{records.Count} {records.Sum(r => (long)(r.DurationMs ?? 0))} {records.Sum(r => (long)(r.ResultSignature ?? 0))} {records.Count(r => r.Properties?.SubOperationName is not null)} {first.Time:O} {first.OperationName} {first.Properties?.Uri}");
    }

    private static ExportRecord ToExport(Logs.AcsCallAutomationIncomingOperations model) => new()
    {
        Time = model.TimeGenerated,
        OperationName = model.OperationName,
        ResultSignature = model.ResultSignature,
        DurationMs = model.DurationMs,
        Properties = new ExportProperties { SubOperationName = model.SubOperationName, Uri = model.Uri },
    };

    private static string Time(TextWriter output, string name, Func<string> run)
    {
        run();
        var watch = Stopwatch.StartNew();
        var result = run();
        output.WriteLine(FormattableString.Invariant($"  {name,-28} {watch.Elapsed.TotalMilliseconds,8:F1} ms  {result}"));
        return result;
    }

    private static bool Same(TextWriter output, string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        output.WriteLine("  MISMATCH: expected " + expected);
        return false;
    }
}
