namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// How much a property or corpus test does. By default a quick, deterministic size (fixed seeds) that keeps the whole
/// test run short and still finds the known bugs; with <c>CALLLOGGEN_LONG_TESTS=1</c> (which <c>.ci/run</c> sets) the
/// long size, with fresh seeds. Each test logs its seed, and its own variable replays one.
/// </summary>
public static class TestSize
{
    public const string LongVariable = "CALLLOGGEN_LONG_TESTS";

    /// <summary>Whether this run is the long one.</summary>
    public static bool IsLong { get; } = Environment.GetEnvironmentVariable(LongVariable) == "1";

    /// <summary><paramref name="quick"/> cases by default, <paramref name="long"/> in the long run.</summary>
    public static int Cases(int quick, int @long) => IsLong ? @long : quick;

    /// <summary>
    /// The seed of a run: the one <paramref name="replayVariable"/> holds where it is set; else <paramref name="quickSeed"/>
    /// in the quick run (the same cases every time) and a fresh one in the long run.
    /// </summary>
    public static int Seed(string replayVariable, int quickSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable(replayVariable), out var replay) ? replay
        : IsLong ? Environment.TickCount
        : quickSeed;
}
