using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Benchmarks;

/// <summary>One compile as csc does it (every diagnostic, then the assembly), timed by the wall clock and by CPU time.</summary>
internal readonly record struct CompileTiming(double Wall, double Cpu, IReadOnlyList<Diagnostic> Errors, bool Emitted, long Size)
{
    /// <summary>
    /// Compiles <paramref name="compilation"/> once. CPU time is summed over the compiler's threads, and is less moved by
    /// other load than the wall clock.
    /// </summary>
    public static CompileTiming Of(Compilation compilation)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly).Success;
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        return new CompileTiming(wall, (process.TotalProcessorTime - cpu).TotalSeconds, errors, emitted, assembly.Length);
    }

    /// <summary>Whether it compiled with no error.</summary>
    public bool Succeeded => Emitted && Errors.Count == 0;
}
