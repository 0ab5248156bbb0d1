using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Benchmarks;

/// <summary>
/// The figures BenchmarkDotNet does not give: how much source each generator emits, and what each edit
/// re-ran according to the drivers' step tracking (every output Cached after an unrelated edit; only the
/// edited table's output Modified after a one-file edit). Ends with quick stopwatch medians, a rough check
/// that needs no BenchmarkDotNet run. Prints markdown tables.
/// </summary>
public static class Report
{
    private static readonly int[] Sizes = { 1, 10, 100 };

    public static int Run(TextWriter output)
    {
        var ok = true;
        output.WriteLine("System.Text.Json generator: " + SystemTextJsonGenerator.Path);
        output.WriteLine();
        output.WriteLine("## Generated source");
        output.WriteLine();
        output.WriteLine("| generator | tables | files | characters | per table | largest file | generator diagnostics | compile errors |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var caching = new List<string>();
        foreach (var kind in Enum.GetValues<GeneratorKind>())
        {
            foreach (var count in Sizes)
            {
                var scenario = Scenario.Create(kind, count, trackSteps: true);
                var driver = scenario.NewDriver().RunGeneratorsAndUpdateCompilation(scenario.Compilation, out var compiled, out var generatorDiagnostics);
                var sources = Sources(driver);
                var characters = sources.Values.Sum(s => s.Length);
                var errors = compiled.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                var visible = generatorDiagnostics.Count(d => d.Severity > DiagnosticSeverity.Hidden);
                ok &= errors == 0 && sources.Count > 0;
                output.WriteLine(Invariant($"| {kind} | {count} | {sources.Count} | {characters:N0} | {characters / count:N0} | {sources.Values.Max(s => s.Length):N0} | {visible} | {errors} |"));

                // Unrelated edit: nothing may be re-emitted.
                var unrelated = driver.RunGenerators(scenario.UnrelatedEdit);
                var unrelatedReasons = OutputReasons(unrelated);
                var allCached = unrelatedReasons.Count > 0 && unrelatedReasons.All(r => r == IncrementalStepRunReason.Cached);
                ok &= kind != GeneratorKind.CallLogGen || allCached;
                var unrelatedChanged = ChangedFiles(sources, Sources(unrelated));

                // One file edited: only that table's output.
                var edited = scenario.RunAfterFileEdit(driver, edited: true);
                var editedReasons = OutputReasons(edited);
                var changed = ChangedFiles(sources, Sources(edited));
                var modified = editedReasons.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed);
                ok &= kind != GeneratorKind.CallLogGen || (modified == 1 && changed.Count == 1);
                caching.Add(Invariant(
                    $"| {kind} | {count} | {Summary(unrelatedReasons)} | {unrelatedChanged.Count} | {Summary(editedReasons)} | {changed.Count}: {Shorten(changed)} |"));
            }
        }

        output.WriteLine();
        output.WriteLine("## What each edit re-ran (source outputs, by run reason)");
        output.WriteLine();
        output.WriteLine("| generator | tables | unrelated C# edit | files changed | one table's file edited | files changed |");
        output.WriteLine("| --- | ---: | --- | ---: | --- | --- |");
        foreach (var line in caching)
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine("## Quick timings (stopwatch medians; BenchmarkDotNet's figures are the ones to quote)");
        output.WriteLine();
        output.WriteLine("| generator | tables | full run | unrelated edit | one file edited |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var kind in Enum.GetValues<GeneratorKind>())
        {
            foreach (var count in Sizes)
            {
                var benchmarks = new GeneratorBenchmarks { Generator = kind, Files = count };
                benchmarks.Setup();
                var full = Median(count >= 100 ? 15 : 50, () => benchmarks.FullRun());
                var unrelated = Median(300, () => benchmarks.UnrelatedEdit());
                var edit = Median(300, () => benchmarks.OneFileEdit());
                output.WriteLine(Invariant($"| {kind} | {count} | {Format(full)} | {Format(unrelated)} | {Format(edit)} |"));
            }
        }

        output.WriteLine();
        output.WriteLine(ok
            ? "CallLogGen checks passed: code compiles, unrelated edits re-emit nothing, a one-file edit re-emits one file."
            : "CHECKS FAILED: see the tables above (CallLogGen must compile, cache everything after an unrelated edit, and re-emit exactly one file after a one-file edit).");
        return ok ? 0 : 1;
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results
            .SelectMany(r => r.TrackedOutputSteps.Values)
            .SelectMany(steps => steps)
            .SelectMany(step => step.Outputs)
            .Select(o => o.Reason)
            .ToList();

    private static List<string> ChangedFiles(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(name => !before.TryGetValue(name, out var old) || !after.TryGetValue(name, out var now) || old != now)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    private static string Summary(IEnumerable<IncrementalStepRunReason> reasons) =>
        string.Join(", ", reasons.GroupBy(r => r).OrderBy(g => g.Key).Select(g => Invariant($"{g.Count()} {g.Key}")));

    private static string Shorten(IReadOnlyList<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Take(3)) + (names.Count > 3 ? ", ..." : string.Empty);

    private static double Median(int runs, Func<object> action)
    {
        for (var i = 0; i < Math.Min(runs, 10); i++)
        {
            action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }

    private static string Format(double milliseconds) =>
        milliseconds >= 1 ? Invariant($"{milliseconds:F2} ms") : Invariant($"{milliseconds * 1000:F0} µs");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
