using BenchmarkDotNet.Running;

namespace CallLogGen.Benchmarks;

/// <summary>
/// <c>--report</c>: sizes of the generated source, what each edit re-ran (from the drivers' step tracking)
/// and quick stopwatch timings, in a few seconds. Anything else goes to BenchmarkDotNet
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

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
