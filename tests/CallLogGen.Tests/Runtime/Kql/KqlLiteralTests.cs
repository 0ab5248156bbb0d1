using System.Globalization;
using System.Text;
using CallLogGen.Kql;

namespace CallLogGen.Tests.Runtime.Kql;

/// <summary>The exact text of every literal form, edge values included.</summary>
public class KqlLiteralTests
{
    [Theory]
    [InlineData("", "''")]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData("'it''s'", @"'\'it\'\'s\''")]
    [InlineData("x' | take 1 //", @"'x\' | take 1 //'")]
    [InlineData(@"C:\temp\", @"'C:\\temp\\'")]
    [InlineData("\"quoted\"", "'\"quoted\"'")]
    [InlineData("a\r\nb\tc", @"'a\r\nb\tc'")]
    [InlineData("\0\u0001\u001b\u001f", @"'\u0000\u0001\u001b\u001f'")]
    [InlineData("\a\b\f\v", @"'\u0007\u0008\u000c\u000b'")]
    [InlineData("\u007f\u0080\u0085\u009f\u00a0", "'\\u007f\\u0080\\u0085\\u009f\u00a0'")]
    [InlineData("\u2028\u2029", @"'\u2028\u2029'")]
    [InlineData("é中\u200b\ufeff\uffff", "'é中\u200b\ufeff\uffff'")]
    [InlineData("\ud83d\ude00", "'\ud83d\ude00'")]
    [InlineData(@"\u0041\x41\U0001F600", @"'\\u0041\\x41\\U0001F600'")]
    public void Strings(string value, string expected)
    {
        Assert.Equal(expected, KqlLiteral.Render(value));
        Assert.Equal("h" + expected, KqlLiteral.RenderObfuscated(value));
    }

    [Fact]
    public void Lone_surrogates_are_escaped_and_pairs_stay_raw()
    {
        // Not theory data: xunit's serialization of test cases replaces lone surrogates.
        Assert.Equal(@"'\ud800'", KqlLiteral.Render("\ud800"));
        Assert.Equal(@"'\udc00'", KqlLiteral.Render("\udc00"));
        Assert.Equal(@"'\udc00\ud800'", KqlLiteral.Render("\udc00\ud800"));
        Assert.Equal(@"'a\ud800b\udfffc'", KqlLiteral.Render("a\ud800b\udfffc"));
        Assert.Equal("'\ud83d\ude00\\ud83d'", KqlLiteral.Render("\ud83d\ude00\ud83d"));
        Assert.Equal("'\\udbff\udbff\udfff'", KqlLiteral.Render("\udbff\udbff\udfff"));
        Assert.Equal("h'\\ud800'", KqlLiteral.RenderObfuscated("\ud800"));
    }

    [Fact]
    public void A_null_string_is_an_error_not_an_empty_string()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => KqlLiteral.Render((string)null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => KqlLiteral.RenderObfuscated(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => KqlLiteral.Render((char?)null)).ParamName);
        var builder = new StringBuilder("S == ");
        Assert.Throws<ArgumentNullException>(() => KqlLiteral.Append(builder, (string)null!));
        Assert.Equal("S == ", builder.ToString());
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => KqlLiteral.Append(null!, 1)).ParamName);
    }

    [Fact]
    public void Chars()
    {
        Assert.Equal("'a'", KqlLiteral.Render('a'));
        Assert.Equal(@"'\''", KqlLiteral.Render('\''));
        Assert.Equal(@"'\\'", KqlLiteral.Render('\\'));
        Assert.Equal(@"'\n'", KqlLiteral.Render('\n'));
        Assert.Equal(@"'\ud83d'", KqlLiteral.Render('\ud83d'));
        Assert.Equal(@"'\ude00'", KqlLiteral.Render('\ude00'));
        Assert.Equal("'é'", KqlLiteral.Render((char?)'é'));
    }

    [Fact]
    public void Small_integers_are_ints()
    {
        Assert.Equal("int(-128)", KqlLiteral.Render(sbyte.MinValue));
        Assert.Equal("int(127)", KqlLiteral.Render(sbyte.MaxValue));
        Assert.Equal("int(0)", KqlLiteral.Render(byte.MinValue));
        Assert.Equal("int(255)", KqlLiteral.Render(byte.MaxValue));
        Assert.Equal("int(-32768)", KqlLiteral.Render(short.MinValue));
        Assert.Equal("int(65535)", KqlLiteral.Render(ushort.MaxValue));
        Assert.Equal("int(-2147483648)", KqlLiteral.Render(int.MinValue));
        Assert.Equal("int(2147483647)", KqlLiteral.Render(int.MaxValue));
        Assert.Equal("int(0)", KqlLiteral.Render(0));
    }

    [Fact]
    public void Longs_are_bare_when_not_negative_and_typed_when_negative()
    {
        Assert.Equal("0", KqlLiteral.Render(0L));
        Assert.Equal("9223372036854775807", KqlLiteral.Render(long.MaxValue));
        Assert.Equal("long(-1)", KqlLiteral.Render(-1L));
        Assert.Equal("long(-9223372036854775808)", KqlLiteral.Render(long.MinValue));
        Assert.Equal("4294967295", KqlLiteral.Render(uint.MaxValue));
        Assert.Equal("0", KqlLiteral.Render(uint.MinValue));
    }

    [Fact]
    public void ULongs_above_long_are_exact_decimals()
    {
        Assert.Equal("0", KqlLiteral.Render(0UL));
        Assert.Equal("9223372036854775807", KqlLiteral.Render((ulong)long.MaxValue));
        Assert.Equal("decimal(9223372036854775808)", KqlLiteral.Render((ulong)long.MaxValue + 1));
        Assert.Equal("decimal(18446744073709551615)", KqlLiteral.Render(ulong.MaxValue));
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "real(-0.0)")]
    [InlineData(-1.5, "real(-1.5)")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "10000000000000000.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568E+17")]
    [InlineData(1e308, "1E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(-double.Epsilon, "real(-5E-324)")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.MinValue, "real(-1.7976931348623157E+308)")]
    [InlineData(double.NaN, "real(nan)")]
    [InlineData(double.PositiveInfinity, "real(+inf)")]
    [InlineData(double.NegativeInfinity, "real(-inf)")]
    public void Doubles(double value, string expected) => Assert.Equal(expected, KqlLiteral.Render(value));

    [Fact]
    public void Floats_are_widened_exactly()
    {
        Assert.Equal("0.10000000149011612", KqlLiteral.Render(0.1f));
        Assert.Equal("1.5", KqlLiteral.Render(1.5f));
        Assert.Equal("real(nan)", KqlLiteral.Render(float.NaN));
        Assert.Equal("real(-inf)", KqlLiteral.Render(float.NegativeInfinity));
        Assert.Equal("3.4028234663852886E+38", KqlLiteral.Render(float.MaxValue));
    }

    [Fact]
    public void Decimals_keep_every_digit_and_the_scale()
    {
        Assert.Equal("decimal(1.50)", KqlLiteral.Render(1.50m));
        Assert.Equal("decimal(0)", KqlLiteral.Render(0m));
        Assert.Equal("decimal(-79228162514264337593543950335)", KqlLiteral.Render(decimal.MinValue));
        Assert.Equal("decimal(79228162514264337593543950335)", KqlLiteral.Render(decimal.MaxValue));
        Assert.Equal("decimal(0.0000000000000000000000000001)", KqlLiteral.Render(0.0000000000000000000000000001m));
        Assert.Equal("decimal(-7.9228162514264337593543950335)", KqlLiteral.Render(-7.9228162514264337593543950335m));
    }

    [Fact]
    public void Bools_and_guids()
    {
        Assert.Equal("true", KqlLiteral.Render(true));
        Assert.Equal("false", KqlLiteral.Render(false));
        Assert.Equal("guid(0b8e2c1a-5d7f-4e1b-9c3a-2f6d8e4b7a10)", KqlLiteral.Render(new Guid("0B8E2C1A-5D7F-4E1B-9C3A-2F6D8E4B7A10")));
        Assert.Equal("guid(00000000-0000-0000-0000-000000000000)", KqlLiteral.Render(Guid.Empty));
    }

    [Fact]
    public void DateTimeOffsets_are_utc_to_the_tick()
    {
        var local = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        Assert.Equal("datetime(2026-11-25T09:30:00.1234567Z)", KqlLiteral.Render(local));
        Assert.Equal("datetime(2026-11-25T23:30:00.0000000Z)", KqlLiteral.Render(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromMinutes(30))));
        Assert.Equal("datetime(0001-01-01T00:00:00.0000000Z)", KqlLiteral.Render(DateTimeOffset.MinValue));
        Assert.Equal("datetime(9999-12-31T23:59:59.9999999Z)", KqlLiteral.Render(DateTimeOffset.MaxValue));
        Assert.Equal("datetime(0999-01-02T03:04:05.0000006Z)", KqlLiteral.Render(new DateTimeOffset(999, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6)));
    }

    [Fact]
    public void DateTimes_utc_as_is_local_converted_unspecified_rejected()
    {
        var utc = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal("datetime(2026-11-25T09:30:00.1234567Z)", KqlLiteral.Render(utc));
        Assert.Equal("datetime(2026-11-25T09:30:00.1234567Z)", KqlLiteral.Render(utc.ToLocalTime()));
        var unspecified = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Unspecified);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => KqlLiteral.Render(unspecified)).ParamName);
        Assert.Throws<ArgumentException>(() => KqlLiteral.Render((DateTime?)unspecified));
        var builder = new StringBuilder("D > ");
        Assert.Throws<ArgumentException>(() => KqlLiteral.Append(builder, unspecified));
        Assert.Equal("D > ", builder.ToString());
    }

    [Fact]
    public void TimeSpans_to_the_tick()
    {
        Assert.Equal("time(00:00:00)", KqlLiteral.Render(TimeSpan.Zero));
        Assert.Equal("time(00:00:00.0000001)", KqlLiteral.Render(new TimeSpan(1)));
        Assert.Equal("time(-00:00:00.0000001)", KqlLiteral.Render(new TimeSpan(-1)));
        Assert.Equal("time(1.02:03:04.5000000)", KqlLiteral.Render(new TimeSpan(1, 2, 3, 4, 500)));
        Assert.Equal("time(-1.02:03:04.5000000)", KqlLiteral.Render(-new TimeSpan(1, 2, 3, 4, 500)));
        Assert.Equal("time(10675199.02:48:05.4775807)", KqlLiteral.Render(TimeSpan.MaxValue));
        Assert.Equal("time(-10675199.02:48:05.4775808)", KqlLiteral.Render(TimeSpan.MinValue));
        Assert.Equal("time(23:59:59.9999999)", KqlLiteral.Render(TimeSpan.FromDays(1) - new TimeSpan(1)));
    }

    [Fact]
    public void TimeSpans_match_the_invariant_constant_format()
    {
        var random = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var value = new TimeSpan(random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 48));
            Assert.Equal($"time({value.ToString("c", CultureInfo.InvariantCulture)})", KqlLiteral.Render(value));
        }
    }

    [Fact]
    public void Typed_nulls()
    {
        Assert.Equal("int(null)", KqlLiteral.Render((sbyte?)null));
        Assert.Equal("int(null)", KqlLiteral.Render((byte?)null));
        Assert.Equal("int(null)", KqlLiteral.Render((short?)null));
        Assert.Equal("int(null)", KqlLiteral.Render((ushort?)null));
        Assert.Equal("int(null)", KqlLiteral.Render((int?)null));
        Assert.Equal("long(null)", KqlLiteral.Render((uint?)null));
        Assert.Equal("long(null)", KqlLiteral.Render((long?)null));
        Assert.Equal("long(null)", KqlLiteral.Render((ulong?)null));
        Assert.Equal("real(null)", KqlLiteral.Render((float?)null));
        Assert.Equal("real(null)", KqlLiteral.Render((double?)null));
        Assert.Equal("decimal(null)", KqlLiteral.Render((decimal?)null));
        Assert.Equal("bool(null)", KqlLiteral.Render((bool?)null));
        Assert.Equal("guid(null)", KqlLiteral.Render((Guid?)null));
        Assert.Equal("datetime(null)", KqlLiteral.Render((DateTime?)null));
        Assert.Equal("datetime(null)", KqlLiteral.Render((DateTimeOffset?)null));
        Assert.Equal("timespan(null)", KqlLiteral.Render((TimeSpan?)null));
        Assert.Equal("int(5)", KqlLiteral.Render((int?)5));
        Assert.Equal("long(-5)", KqlLiteral.Render((long?)-5));
    }

    [Fact]
    public void Append_writes_at_the_end_and_returns_the_builder()
    {
        var builder = new StringBuilder("T | where S == ");
        Assert.Same(builder, KqlLiteral.Append(builder, "a'b"));
        KqlLiteral.Append(builder.Append(" and I == "), long.MinValue);
        KqlLiteral.Append(builder.Append(" and D == "), (DateTimeOffset?)null);
        Assert.Equal(@"T | where S == 'a\'b' and I == long(-9223372036854775808) and D == datetime(null)", builder.ToString());
    }

    [Fact]
    public void Lists()
    {
        Assert.Equal(@"'a', 'b\'', ''", KqlLiteral.RenderList(new[] { "a", "b'", "" }));
        Assert.Equal("int(1), int(-2)", KqlLiteral.RenderList(new[] { 1, -2 }));
        Assert.Equal("1, long(-2)", KqlLiteral.RenderList(new[] { 1L, -2L }));
        Assert.Equal("1, decimal(18446744073709551615)", KqlLiteral.RenderList(new[] { 1UL, ulong.MaxValue }));
        Assert.Equal("int(1), int(null)", KqlLiteral.RenderList(new int?[] { 1, null }));
        Assert.Equal("real(nan), 1.0", KqlLiteral.RenderList(new[] { double.NaN, 1.0 }));
        Assert.Equal("'a', 'b'", KqlLiteral.RenderList("ab"));
        var builder = new StringBuilder("S in (");
        KqlLiteral.AppendList(builder, new List<string> { "x", "y" }).Append(')');
        Assert.Equal("S in ('x', 'y')", builder.ToString());
    }

    [Fact]
    public void Lists_that_cannot_be_written_leave_the_builder_as_it_was()
    {
        var builder = new StringBuilder("S in (");
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => KqlLiteral.AppendList(builder, Array.Empty<string>())).ParamName);
        Assert.Throws<ArgumentNullException>(() => KqlLiteral.AppendList(builder, new[] { "a", null! }));
        Assert.Throws<ArgumentException>(() => KqlLiteral.AppendList(builder, new[] { DateTime.UtcNow, new DateTime(2020, 1, 1) }));
        Assert.Throws<NotSupportedException>(() => KqlLiteral.AppendList(builder, new object[] { "a" }));
        Assert.Throws<NotSupportedException>(() => KqlLiteral.AppendList(builder, new[] { DayOfWeek.Monday }));
        Assert.Throws<ArgumentNullException>(() => KqlLiteral.AppendList<string>(builder, null!));
        Assert.Equal("S in (", builder.ToString());
    }

    [Fact]
    public void Rendering_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "ar-SA", "fa-IR", "de-DE", "sv-SE", "hi-IN" })
            {
                var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
                culture.NumberFormat.NegativeSign = "\u2212";
                CultureInfo.CurrentCulture = culture;
                Assert.Equal("int(-5)", KqlLiteral.Render(-5));
                Assert.Equal("long(-5)", KqlLiteral.Render(-5L));
                Assert.Equal("real(-1.5)", KqlLiteral.Render(-1.5));
                Assert.Equal("decimal(-1.5)", KqlLiteral.Render(-1.5m));
                Assert.Equal("time(-1.02:03:04.5000000)", KqlLiteral.Render(-new TimeSpan(1, 2, 3, 4, 500)));
                Assert.Equal("datetime(2026-11-25T09:30:00.0000000Z)", KqlLiteral.Render(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero)));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
