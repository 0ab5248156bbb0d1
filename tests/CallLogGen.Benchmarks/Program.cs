using BenchmarkDotNet.Running;

namespace CallLogGen.Benchmarks;

/// <summary>
/// <c>--report</c>: sizes of the generated source, what each edit re-ran (from the drivers' step tracking)
/// and quick stopwatch timings, in a few seconds. <c>--check-serializers</c>: every JSON reader once over the
/// serializer benchmarks' data, checked to agree. <c>--output-size</c>: bytes of C# per column for real tables
/// and the cost of generating and compiling every table of the built-in reference (<c>--write dir</c> keeps the reference
/// pages' generated files). <c>--compile-parts dir</c>: what each part of the generated code costs to compile. <c>--unmapped-cost</c>: the generated reader with and without
/// the export fields the table has no column for. Anything else goes to BenchmarkDotNet
/// (<c>--filter '*'</c>, <c>--job short</c>, <c>--job Dry</c>, <c>--list flat</c>...).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--report", StringComparer.Ordinal))
        {
            return Report.Run(Console.Out);
        }

        if (args.Contains("--output-size", StringComparer.Ordinal))
        {
            var write = Array.IndexOf(args, "--write");
            return OutputSize.Run(Console.Out, write >= 0 && write + 1 < args.Length ? args[write + 1] : null);
        }

        if (Array.IndexOf(args, "--compile-parts") is var parts and >= 0 && parts + 1 < args.Length)
        {
            return CompileParts.Run(Console.Out, args[parts + 1]);
        }

        if (args.Contains("--unmapped-cost", StringComparer.Ordinal))
        {
            return Serializers.UnmappedFieldsCost.Run(Console.Out);
        }

        if (args.Contains("--profile-writer", StringComparer.Ordinal))
        {
            return Serializers.WriterProfile.Run(Console.Out, 20).GetAwaiter().GetResult();
        }

        if (args.Contains("--profile-reader", StringComparer.Ordinal))
        {
            return Serializers.ReaderProfile.Run(Console.Out, 20).GetAwaiter().GetResult();
        }

        if (args.Contains("--check-serializers", StringComparer.Ordinal))
        {
            return Serializers.SerializerCheck.Run(Console.Out);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
