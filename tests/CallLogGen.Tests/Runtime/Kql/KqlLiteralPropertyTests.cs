using System.Globalization;
using CallLogGen.Kql;
using CsCheck;
using Xunit.Abstractions;
using static CallLogGen.Tests.Runtime.Kql.LiteralOracle;

namespace CallLogGen.Tests.Runtime.Kql;

/// <summary>
/// Property tests: for every literal type, 10,000 random values in the long run and 1,000 from a fixed seed by default
/// (CsCheck, see <see cref="CallLogGen.Tests.Infrastructure.TestSize"/>; seed logged; replay with
/// CALLLOGGEN_KQL_SEED) rendered into <c>T | where Column == literal</c> and read back by the Kusto parser
/// (<see cref="LiteralOracle"/>): no diagnostics, one literal, the same value, the same syntax as a plain query.
/// The first <see cref="Analyzed"/> of each run go through full semantic analysis, the rest are parsed only.
/// </summary>
public class KqlLiteralPropertyTests(ITestOutputHelper output)
{
    private const int Count = 10_000;
    private const int Analyzed = 100;

    private static readonly char[] HostileChars =
    {
        '\'', '"', '\\', '\n', '\r', '\t', '\0', '\a', '\b', '\f', '\v', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085',
        '\u009f', '\u00a0', '\u2028', '\u2029', '\u200b', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff',
        '|', '/', '*', '@', 'h', 'u', 'x', '0', ' ', '(', ')', ';', '`', '{', '}', 'é', '中',
    };

    private static readonly string[] HostileStrings =
    {
        "x' | take 1 //", "'it''s'", "'", "''", "\\", "\\'", "'\\", "\\\\'", "\"", "\"\"", "\r\n", "\n", "\t", "\0",
        "\u2028", "\u2029", "\ud83d\ude00", "\ud800", "\udc00", "\udc00\ud800", "\\u0041", "\\x41", "\\101", "\\U0001F600",
        "//", "/*", "*/", "h'x'", "@'x'", "```", "' or 1==1 or S == '", "'; drop table T; '", "' | project G | where '1'=='1",
        "\u0085", "\u007f", "\u009f", "\ufeff", "T | where 1 == 1", "datetime(2020-01-01)", "${x}", "{0}", "%s",
    };

    private static readonly Gen<char> AnyChar = Gen.Char[char.MinValue, char.MaxValue];

    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (3, Gen.OneOf(HostileChars)),
        (1, Gen.Char['\0', '\u00ff']),
        (1, AnyChar));

    private static readonly Gen<string> Strings = Gen.Frequency(
        (2, Gen.String),
        (3, AnyChar.Array[0, 40].Select(a => new string(a))),
        (3, HostileChar.Array[0, 40].Select(a => new string(a))),
        (2, Gen.OneOf(HostileStrings).Array[1, 5].Select(string.Concat)),
        (1, Gen.Select(Gen.OneOf(HostileStrings), Gen.String, Gen.OneOf(HostileStrings), (a, b, c) => a + b + c)),
        (1, Gen.Const(string.Empty)),
        (1, Gen.Frequency((30, AnyChar.Array[40, 300]), (1, AnyChar.Array[2_000, 20_000])).Select(a => new string(a))));

    [Fact]
    public void Strings_round_trip()
    {
        var (values, seed) = PropertySeed.Sample(Strings, Count, output);
        AssertAll(values.Select(s => new LiteralCase(s, "S", KqlLiteral.Render(s), "StringLiteralExpression", "string", ValueIs(s))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Obfuscated_strings_round_trip()
    {
        // The same literal type as Strings_round_trip with an h prefix: fewer cases keep the suite fast.
        var (values, seed) = PropertySeed.Sample(Strings, 2_000, output);
        AssertAll(values.Select(s => new LiteralCase(s, "S", KqlLiteral.RenderObfuscated(s), "StringLiteralExpression", "string", ValueIs(s))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Chars_round_trip()
    {
        var (values, seed) = PropertySeed.Sample(Gen.Frequency((3, AnyChar), (1, HostileChar)), Count, output);
        AssertAll(values.Select(c => new LiteralCase(((int)c).ToString("x4", CultureInfo.InvariantCulture), "S", KqlLiteral.Render(c), "StringLiteralExpression", "string", ValueIs(c.ToString()))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void SBytes_round_trip() =>
        Integers(Gen.SByte, v => KqlLiteral.Render(v), v => v, sbyte.MinValue, sbyte.MaxValue);

    [Fact]
    public void Bytes_round_trip() =>
        Integers(Gen.Byte, v => KqlLiteral.Render(v), v => v, byte.MinValue, byte.MaxValue);

    [Fact]
    public void Shorts_round_trip() =>
        Integers(Gen.Short, v => KqlLiteral.Render(v), v => v, short.MinValue, short.MaxValue);

    [Fact]
    public void UShorts_round_trip() =>
        Integers(Gen.UShort, v => KqlLiteral.Render(v), v => v, ushort.MinValue, ushort.MaxValue);

    [Fact]
    public void Ints_round_trip() =>
        Integers(Gen.Int, v => KqlLiteral.Render(v), v => v, int.MinValue, int.MaxValue);

    [Fact]
    public void UInts_round_trip() =>
        Integers(Gen.UInt, v => KqlLiteral.Render(v), v => v, uint.MinValue, uint.MaxValue);

    [Fact]
    public void Longs_round_trip() =>
        Integers(Gen.Long, v => KqlLiteral.Render(v), v => v, long.MinValue, long.MaxValue);

    [Fact]
    public void ULongs_round_trip()
    {
        var gen = Gen.Frequency(
            (4, Gen.ULong),
            (2, Gen.ULong[(ulong)long.MaxValue - 1000, (ulong)long.MaxValue + 1000]),
            (1, Gen.OneOf(0UL, 1UL, (ulong)long.MaxValue, (ulong)long.MaxValue + 1, ulong.MaxValue - 1, ulong.MaxValue)));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => v <= long.MaxValue
            ? new LiteralCase(v.ToString(CultureInfo.InvariantCulture), "I", KqlLiteral.Render(v), "LongLiteralExpression", "long", ValueIs(v.ToString(CultureInfo.InvariantCulture)))
            : new LiteralCase(v.ToString(CultureInfo.InvariantCulture), "I", KqlLiteral.Render(v), "DecimalLiteralExpression", "decimal", DecimalIs(v))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Doubles_round_trip()
    {
        var gen = Gen.Frequency(
            (4, Gen.Double),
            (2, Gen.Double.Special),
            (3, Gen.Long.Select(BitConverter.Int64BitsToDouble)),
            (1, Gen.Long[0, 1L << 52].Select(bits => BitConverter.Int64BitsToDouble(bits) * (bits % 2 == 0 ? 1 : -1))), // subnormals
            (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
                double.MaxValue, double.MinValue, 2.2250738585072009E-308, 2.2250738585072014E-308, 0.1, 1e16, 1e15, 9007199254740993.0, 1.0, -1.0)));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString("R", CultureInfo.InvariantCulture), "R", KqlLiteral.Render(v), "RealLiteralExpression", "real", RealIs(v))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Floats_round_trip()
    {
        var gen = Gen.Frequency(
            (3, Gen.Float),
            (3, Gen.Int.Select(BitConverter.Int32BitsToSingle)),
            (1, Gen.OneOf(float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, float.MaxValue, float.MinValue, 0.1f)));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString("R", CultureInfo.InvariantCulture), "R", KqlLiteral.Render(v), "RealLiteralExpression", "real", RealIs(v))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Decimals_round_trip()
    {
        var gen = Gen.Frequency(
            (3, Gen.Decimal),
            (3, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28], (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, scale))),
            (1, Gen.OneOf(decimal.MinValue, decimal.MaxValue, decimal.Zero, decimal.One, decimal.MinusOne, 0.0000000000000000000000000001m,
                -0.0000000000000000000000000001m, 7.9228162514264337593543950335m, 1.50m, 0.10m)));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString(CultureInfo.InvariantCulture), "M", KqlLiteral.Render(v), "DecimalLiteralExpression", "decimal", DecimalIs(v))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Bools_round_trip()
    {
        var (values, seed) = PropertySeed.Sample(Gen.Bool, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString(), "B", KqlLiteral.Render(v), "BooleanLiteralExpression", "bool", ValueIs(v ? "true" : "false"))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void Guids_round_trip()
    {
        var gen = Gen.Frequency((9, Gen.Guid), (1, Gen.OneOf(Guid.Empty, Guid.AllBitsSet)));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString(), "G", KqlLiteral.Render(v), "GuidLiteralExpression", "guid", ValueIs(v.ToString("D")))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void DateTimeOffsets_round_trip()
    {
        var utcTicks = Gen.Frequency(
            (4, Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks]),
            (2, Gen.Long[new DateTime(2000, 1, 1).Ticks, new DateTime(2040, 1, 1).Ticks]),
            (1, Gen.OneOf(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks, DateTime.UnixEpoch.Ticks, new DateTime(2024, 2, 29).Ticks, 1L)));
        var gen = Gen.Frequency(
            (3, utcTicks.Select(t => new DateTimeOffset(t, TimeSpan.Zero))),
            (2, Gen.Select(utcTicks, Gen.Int[-14 * 60, 14 * 60], WithOffset)),
            (1, Gen.DateTimeOffset));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString("o", CultureInfo.InvariantCulture), "D", KqlLiteral.Render(v), "DateTimeLiteralExpression", "datetime", DateTimeIs(v.UtcTicks))).ToList(), Analyzed, seed, output);

        static DateTimeOffset WithOffset(long utc, int minutes)
        {
            var local = utc + minutes * TimeSpan.TicksPerMinute;
            return local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks
                ? new DateTimeOffset(utc, TimeSpan.Zero)
                : new DateTimeOffset(local, TimeSpan.FromMinutes(minutes));
        }
    }

    [Fact]
    public void DateTimes_round_trip()
    {
        var ticks = Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks];
        var gen = Gen.Frequency(
            (3, ticks.Select(t => new DateTime(t, DateTimeKind.Utc))),
            (1, Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks].Select(t => new DateTime(t, DateTimeKind.Local))),
            (1, Gen.OneOf(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc))));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase($"{v:o} ({v.Kind})", "D", KqlLiteral.Render(v), "DateTimeLiteralExpression", "datetime", DateTimeIs(v.ToUniversalTime().Ticks))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void TimeSpans_round_trip()
    {
        var gen = Gen.Frequency(
            (3, Gen.Long.Select(t => new TimeSpan(t))),
            (2, Gen.TimeSpan),
            (2, Gen.Long[-TimeSpan.TicksPerDay * 3, TimeSpan.TicksPerDay * 3].Select(t => new TimeSpan(t))),
            (1, Gen.OneOf(TimeSpan.MinValue, TimeSpan.MaxValue, TimeSpan.Zero, new TimeSpan(1), new TimeSpan(-1), TimeSpan.FromDays(1), TimeSpan.FromDays(-1))));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        AssertAll(values.Select(v => new LiteralCase(v.ToString("c", CultureInfo.InvariantCulture), "TS", KqlLiteral.Render(v), "TimespanLiteralExpression", "timespan", DecodedIs(v.Ticks.ToString(CultureInfo.InvariantCulture)))).ToList(), Analyzed, seed, output);
    }

    [Fact]
    public void A_one_megabyte_string_round_trips()
    {
        var random = new Random(20261125);
        var chars = new char[1_000_000];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 1000 == 0 ? HostileChars[random.Next(HostileChars.Length)] : (char)random.Next(0, 0x10000);
        }

        var value = new string(chars);
        AssertAll(new[] { new LiteralCase("1 MB string", "S", KqlLiteral.Render(value), "StringLiteralExpression", "string", ValueIs(value)) }, 1, null, output);
    }

    private void Integers<T>(Gen<T> random, Func<T, string> render, Func<T, long> widen, T min, T max)
        where T : IFormattable
    {
        var gen = Gen.Frequency((8, random), (1, Gen.OneOf(min, max, default(T)!)));
        var (values, seed) = PropertySeed.Sample(gen, Count, output);
        var isInt = typeof(T) != typeof(long) && typeof(T) != typeof(uint);
        AssertAll(values.Select(v =>
        {
            var text = widen(v).ToString(CultureInfo.InvariantCulture);
            return isInt
                ? new LiteralCase(text, "N", render(v), "IntLiteralExpression", "int", ValueIs(text))
                : new LiteralCase(text, "I", render(v), "LongLiteralExpression", "long", ValueIs(text));
        }).ToList(), Analyzed, seed, output);
    }
}
