using System.Globalization;
using CallLogGen.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace CallLogGen.Tests.Runtime.Kql;

/// <summary>One rendered value to check: where it goes and how the parser's literal must look.</summary>
/// <param name="Description">The input, printable, for failure messages.</param>
/// <param name="Column">The column of <see cref="LiteralOracle.Table"/> it is compared with.</param>
/// <param name="Literal">The rendered KQL literal.</param>
/// <param name="Kind">The SyntaxKind the parser must see, e.g. <c>LongLiteralExpression</c>.</param>
/// <param name="Type">The KQL type of the literal (checked on analyzed queries).</param>
/// <param name="Mismatch">Given the parser's literal, null when its value equals the input, else why not.</param>
public sealed record LiteralCase(string Description, string Column, string Literal, string Kind, string Type, Func<KqlLiteralInfo, string?> Mismatch);

/// <summary>
/// Puts rendered literals into <c>T | where Column == literal</c> and checks them with the Kusto parser: zero
/// diagnostics, exactly one literal, spelled exactly as rendered, of the expected kind, whose decoded value equals the
/// input, and the same syntax node kinds as the same query with a plain value (nothing smuggled in).
/// </summary>
public static class LiteralOracle
{
    public static readonly KqlTable Table = new(
        "T", "(S:string, I:long, N:int, R:real, M:decimal, B:bool, G:guid, D:datetime, TS:timespan, X:dynamic)");

    private static readonly Dictionary<string, string> PlainValues = new()
    {
        ["S"] = "'a'", ["I"] = "1", ["N"] = "int(1)", ["R"] = "1.0", ["M"] = "decimal(1)", ["B"] = "true",
        ["G"] = "guid(00000000-0000-0000-0000-000000000000)", ["D"] = "datetime(2000-01-01T00:00:00.0000000Z)",
        ["TS"] = "time(00:00:00)",
    };

    private static readonly Lazy<Dictionary<string, IReadOnlyList<string>>> Baselines = new(() =>
    {
        var columns = PlainValues.Keys.ToList();
        var checks = KustoParser.Check(new[] { Table }, columns.Select(c => new KqlQuery(c, Query(c, PlainValues[c]))).ToList());
        var baselines = new Dictionary<string, IReadOnlyList<string>>();
        for (var i = 0; i < columns.Count; i++)
        {
            Assert.True(checks[i].IsClean, $"baseline {Query(columns[i], PlainValues[columns[i]])}: {checks[i]}");
            baselines[columns[i]] = checks[i].Operators;
        }

        return baselines;
    });

    public static string Query(string column, string literal) => $"T | where {column} == {literal}";

    /// <summary>
    /// Checks every case; the first <paramref name="analyzed"/> with full semantic analysis (types and the
    /// type-family rule), the rest parsed only. Fails with the first failures and <paramref name="seed"/>.
    /// </summary>
    public static void AssertAll(IReadOnlyList<LiteralCase> cases, int analyzed, string? seed = null, ITestOutputHelper? output = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var queries = cases.Select((c, i) => new KqlQuery(i.ToString(CultureInfo.InvariantCulture), Query(c.Column, c.Literal), Analyze: i < analyzed)).ToList();
        var checks = KustoParser.Check(new[] { Table }, queries);
        var failures = new List<string>();
        for (var i = 0; i < cases.Count && failures.Count < 10; i++)
        {
            var why = Judge(cases[i], checks[i], i < analyzed);
            if (why is not null)
            {
                failures.Add($"{Shorten(cases[i].Description)} -> {Shorten(cases[i].Literal)}: {why}");
            }
        }

        output?.WriteLine($"{cases.Count} literals checked ({Math.Min(analyzed, cases.Count)} analyzed) in {started.ElapsedMilliseconds} ms");
        if (failures.Count > 0)
        {
            var replay = seed is null ? "" : $" (seed {seed}; replay with {PropertySeed.Variable}={seed})";
            Assert.Fail($"{failures.Count}+ of {cases.Count} literals wrong{replay}:\n" + string.Join("\n", failures));
        }
    }

    /// <summary>Null when the parser read the case back exactly, else why not.</summary>
    public static string? Judge(LiteralCase c, KqlCheck check, bool analyzed)
    {
        if (check.Error is not null)
        {
            return "oracle error: " + check.Error;
        }

        if (check.Diagnostics.Count > 0)
        {
            return "diagnostics: " + string.Join("; ", check.Diagnostics);
        }

        if (check.Literals.Count != 1)
        {
            return $"{check.Literals.Count} literals: {string.Join(", ", check.Literals.Select(l => l.Kind + " " + Shorten(l.Text)))}";
        }

        var literal = check.Literals[0];
        if (!string.Equals(literal.Text, c.Literal, StringComparison.Ordinal))
        {
            return $"the parser's literal is {Shorten(literal.Text)}";
        }

        if (literal.Kind != c.Kind)
        {
            return $"kind {literal.Kind}, expected {c.Kind}";
        }

        if (analyzed && literal.Type != c.Type)
        {
            return $"type {literal.Type}, expected {c.Type}";
        }

        if (!check.Operators.SequenceEqual(Baselines.Value[c.Column]))
        {
            return "syntax differs from the plain query: " + string.Join(" ", check.Operators);
        }

        return c.Mismatch(literal);
    }

    // ---- value checks ----------------------------------------------------------------------------------------------

    public static Func<KqlLiteralInfo, string?> ValueIs(string expected) =>
        l => string.Equals(l.Value, expected, StringComparison.Ordinal) ? null : $"parser value {Shorten(l.Value)}, expected {Shorten(expected)}";

    public static Func<KqlLiteralInfo, string?> DecodedIs(string expected) =>
        l => string.Equals(l.Decoded, expected, StringComparison.Ordinal) ? null : $"decoded {l.Decoded ?? "nothing"} from {l.ValueText}, expected {expected}";

    public static Func<KqlLiteralInfo, string?> RealIs(double expected) => l =>
    {
        if (double.IsNaN(expected))
        {
            return DecodedIs("NaN")(l);
        }

        if (double.IsInfinity(expected))
        {
            return DecodedIs(expected > 0 ? "Infinity" : "-Infinity")(l);
        }

        if (l.Value is null || !double.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual))
        {
            return $"parser value {l.Value} is not a number";
        }

        return BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected)
            ? null
            : $"parser value {l.Value} ({actual:R}), expected {expected:R}";
    };

    public static Func<KqlLiteralInfo, string?> DecimalIs(decimal expected) => l =>
        l.Value is not null && decimal.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual) && actual == expected
            ? null
            : $"parser value {l.Value}, expected {expected.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The oracle's decoding to the tick, and the parser's own (milliseconds in its JavaScript build).</summary>
    public static Func<KqlLiteralInfo, string?> DateTimeIs(long utcTicks) => l =>
        DecodedIs(utcTicks.ToString(CultureInfo.InvariantCulture))(l)
        ?? ValueIs((utcTicks - utcTicks % TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture))(l);

    public static string Shorten(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var visible = string.Concat(text.Take(80).Select(ch => ch < ' ' || ch is >= '\u007f' and <= '\u009f' || char.IsSurrogate(ch) || ch is '\u2028' or '\u2029'
            ? $"<{(int)ch:x4}>"
            : ch.ToString()));
        return text.Length > 80 ? $"{visible}... ({text.Length} chars)" : visible;
    }
}

/// <summary>The seed of the property tests: random per run, logged; fixed by the environment variable to replay.</summary>
public static class PropertySeed
{
    public const string Variable = "CALLLOGGEN_KQL_SEED";

    /// <summary>
    /// Generates <paramref name="count"/> values (a tenth of them in the quick run, see <see cref="TestSize"/>) from a
    /// replayed seed, the quick run's fixed one, or a fresh one in the long run; logs the seed.
    /// </summary>
    public static (List<T> Values, string Seed) Sample<T>(Gen<T> gen, int count, ITestOutputHelper output)
    {
        count = TestSize.Cases(Math.Max(1, count / 10), count);
        var fixedSeed = Environment.GetEnvironmentVariable(Variable);
        var pcg = !string.IsNullOrEmpty(fixedSeed) ? PCG.Parse(fixedSeed)
            : TestSize.IsLong ? new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64())
            : new PCG(7, 20261204);
        var seed = pcg.ToString();
        output.WriteLine($"seed {seed} (replay with {Variable}={seed})");
        var values = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(gen.Generate(pcg, null!, out _));
        }

        return (values, seed);
    }
}
