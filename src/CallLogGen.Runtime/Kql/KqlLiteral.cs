using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>
/// Writes CLR values as Kusto Query Language (KQL) literals that the Kusto parser reads back as exactly the same value.
/// Log Analytics has no server-side query parameters, so these literals are the only defence against injection:
/// every string is quoted and escaped, every number keeps its full value, every literal is one token or one
/// <c>type(...)</c> form, never an expression.
/// </summary>
/// <remarks>
/// <para>The forms, by CLR type:</para>
/// <list type="table">
/// <listheader><term>CLR type</term><description>KQL literal</description></listheader>
/// <item><term><see cref="string"/>, <see cref="char"/></term><description>
/// <c>'it\'s'</c>: single quotes; <c>\\</c>, <c>\'</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>; <c>\uXXXX</c> for the other
/// control characters (U+0000–U+001F, U+007F–U+009F), U+2028, U+2029 and lone surrogates; every other character raw
/// (an emoji stays a raw surrogate pair). Never SQL-style <c>''</c> doubling: adjacent KQL strings concatenate.
/// KQL has no null string, so a null string throws <see cref="ArgumentNullException"/> (see <see cref="Append(StringBuilder, string)"/>).
/// </description></item>
/// <item><term><see cref="sbyte"/>, <see cref="byte"/>, <see cref="short"/>, <see cref="ushort"/>, <see cref="int"/></term><description>
/// <c>int(42)</c>, <c>int(-42)</c>: KQL's 32-bit <c>int</c> (KQL has no 8- or 16-bit type).</description></item>
/// <item><term><see cref="long"/>, <see cref="uint"/>, <see cref="ulong"/></term><description>
/// <c>42</c> (a bare integer is a KQL <c>long</c>), <c>long(-42)</c> for negative values (a bare <c>-42</c> is a unary
/// minus applied to <c>42</c>, and <c>-9223372036854775808</c> would overflow). A <see cref="ulong"/> above
/// <see cref="long.MaxValue"/> has no <c>long</c> form: it is written exactly as <c>decimal(18446744073709551615)</c>
/// (a <c>real</c> would round it); it still compares numerically with <c>long</c> columns.</description></item>
/// <item><term><see cref="double"/>, <see cref="float"/></term><description>
/// The shortest text that round-trips (<c>1.5</c>, <c>1E+308</c>, <c>5E-324</c>; <c>.0</c> is added to integral values,
/// because <c>1</c> would be a <c>long</c>); <c>real(-1.5)</c> for negative values and <c>real(-0.0)</c>;
/// <c>real(nan)</c>, <c>real(+inf)</c>, <c>real(-inf)</c>. A <see cref="float"/> is widened exactly to <see cref="double"/>
/// (KQL <c>real</c> is a double), so <c>0.1f</c> is written <c>0.10000000149011612</c>.</description></item>
/// <item><term><see cref="decimal"/></term><description><c>decimal(-1.50)</c>, invariant culture, all digits and the scale.</description></item>
/// <item><term><see cref="bool"/></term><description><c>true</c>, <c>false</c>.</description></item>
/// <item><term><see cref="Guid"/></term><description><c>guid(0b8e2c1a-5d7f-4e1b-9c3a-2f6d8e4b7a10)</c>.</description></item>
/// <item><term><see cref="DateTime"/>, <see cref="DateTimeOffset"/></term><description>
/// <c>datetime(2026-11-25T09:30:00.1234567Z)</c>: always UTC, always all seven fraction digits (100 ns).
/// A <see cref="DateTimeOffset"/> is converted to UTC; a <see cref="DateTime"/> of kind
/// <see cref="DateTimeKind.Utc"/> is written as is, of kind <see cref="DateTimeKind.Local"/> is converted with
/// <see cref="DateTime.ToUniversalTime"/>, and of kind <see cref="DateTimeKind.Unspecified"/> is rejected with
/// <see cref="ArgumentException"/>: guessing UTC or local time would silently shift a filter by hours.</description></item>
/// <item><term><see cref="TimeSpan"/></term><description>
/// <c>time(1.02:03:04.5000000)</c>: the invariant <c>[-][d.]hh:mm:ss[.fffffff]</c> form, to the tick, including
/// negative spans and <see cref="TimeSpan.MinValue"/>/<see cref="TimeSpan.MaxValue"/>.</description></item>
/// <item><term>null <see cref="Nullable{T}"/></term><description>A typed null: <c>int(null)</c>, <c>long(null)</c>,
/// <c>real(null)</c>, <c>decimal(null)</c>, <c>bool(null)</c>, <c>guid(null)</c>, <c>datetime(null)</c>,
/// <c>timespan(null)</c> (the type that the non-null value would have; <c>long(null)</c> for <see cref="ulong"/>).
/// In KQL <c>Col == int(null)</c> is valid and never true: test for null with <c>isnull()</c>.</description></item>
/// </list>
/// <para>Every <c>Render</c> overload has an <c>Append</c> twin that writes into a <see cref="StringBuilder"/> without
/// intermediate strings. On an exception nothing is appended.</para>
/// </remarks>
public static class KqlLiteral
{
    private const long TicksPerSecond = 10_000_000;
    private const long TicksPerMinute = 60 * TicksPerSecond;
    private const long TicksPerHour = 60 * TicksPerMinute;
    private const long TicksPerDay = 24 * TicksPerHour;

    // The typed nulls, from the table of KQL type facts.
    private static readonly string IntNull = KqlTypes.Of(KqlType.Int).NullLiteral!;
    private static readonly string LongNull = KqlTypes.Of(KqlType.Long).NullLiteral!;
    private static readonly string RealNull = KqlTypes.Of(KqlType.Real).NullLiteral!;
    private static readonly string DecimalNull = KqlTypes.Of(KqlType.Decimal).NullLiteral!;
    private static readonly string BoolNull = KqlTypes.Of(KqlType.Bool).NullLiteral!;
    private static readonly string GuidNull = KqlTypes.Of(KqlType.Guid).NullLiteral!;
    private static readonly string DateTimeNull = KqlTypes.Of(KqlType.DateTime).NullLiteral!;
    private static readonly string TimeSpanNull = KqlTypes.Of(KqlType.TimeSpan).NullLiteral!;

    // ---- strings ----------------------------------------------------------------------------------------------

    /// <summary>Renders <paramref name="value"/> as a single-quoted KQL string literal: <c>'it\'s'</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: KQL has no null string literal
    /// (<c>string(null)</c> does not exist), and writing <c>''</c> would make a null filter silently match empty
    /// strings. Test for missing values with <c>isempty()</c>/<c>isnull()</c> instead.</exception>
    public static string Render(string value) => Append(new StringBuilder(Capacity(value)), value).ToString();

    /// <summary>Appends <paramref name="value"/> as a single-quoted KQL string literal: <c>'it\'s'</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: KQL has no null string literal
    /// (<c>string(null)</c> does not exist), and writing <c>''</c> would make a null filter silently match empty
    /// strings. Test for missing values with <c>isempty()</c>/<c>isnull()</c> instead.</exception>
    public static StringBuilder Append(StringBuilder builder, string value)
    {
        NotNull(builder, nameof(builder));
        NotNullString(value, nameof(value));
        builder.Append('\'');
        AppendEscaped(builder, value);
        return builder.Append('\'');
    }

    /// <summary>
    /// Renders <paramref name="value"/> as an obfuscated string literal, <c>h'secret'</c>: the same value as
    /// <see cref="Render(string)"/>, but Kusto hides it in its query logs and traces. Same escapes.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null (see <see cref="Render(string)"/>).</exception>
    public static string RenderObfuscated(string value) => AppendObfuscated(new StringBuilder(Capacity(value) + 1), value).ToString();

    /// <summary>Appends <paramref name="value"/> as an obfuscated string literal, <c>h'secret'</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null (see <see cref="Render(string)"/>).</exception>
    public static StringBuilder AppendObfuscated(StringBuilder builder, string value)
    {
        NotNull(builder, nameof(builder));
        NotNullString(value, nameof(value));
        builder.Append("h'");
        AppendEscaped(builder, value);
        return builder.Append('\'');
    }

    /// <summary>Renders one character as a KQL string literal: <c>'a'</c> (a lone surrogate as <c>'\ud800'</c>).</summary>
    public static string Render(char value) => Append(new StringBuilder(8), value).ToString();

    /// <summary>Appends one character as a KQL string literal: <c>'a'</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, char value)
    {
        NotNull(builder, nameof(builder));
        builder.Append('\'');
        AppendEscaped(builder, value, lowSurrogateFollows: false);
        return builder.Append('\'');
    }

    /// <summary>Renders one character as a KQL string literal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: KQL has no null string literal.</exception>
    public static string Render(char? value) => Append(new StringBuilder(8), value).ToString();

    /// <summary>Appends one character as a KQL string literal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: KQL has no null string literal.</exception>
    public static StringBuilder Append(StringBuilder builder, char? value)
    {
        NotNull(builder, nameof(builder));
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), "KQL has no null string literal; test for empty or null values with isempty() or isnull().");
        }

        return Append(builder, value.Value);
    }

    // ---- integers ----------------------------------------------------------------------------------------------

    /// <summary>Renders <c>int(-5)</c>.</summary>
    public static string Render(sbyte value) => Render((int)value);

    /// <summary>Appends <c>int(-5)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, sbyte value) => Append(builder, (int)value);

    /// <summary>Renders <c>int(5)</c>.</summary>
    public static string Render(byte value) => Render((int)value);

    /// <summary>Appends <c>int(5)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, byte value) => Append(builder, (int)value);

    /// <summary>Renders <c>int(-5)</c>.</summary>
    public static string Render(short value) => Render((int)value);

    /// <summary>Appends <c>int(-5)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, short value) => Append(builder, (int)value);

    /// <summary>Renders <c>int(5)</c>.</summary>
    public static string Render(ushort value) => Render((int)value);

    /// <summary>Appends <c>int(5)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, ushort value) => Append(builder, (int)value);

    /// <summary>Renders <c>int(-5)</c>: a KQL <c>int</c>.</summary>
    public static string Render(int value) => Append(new StringBuilder(16), value).ToString();

    /// <summary>Appends <c>int(-5)</c>: a KQL <c>int</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, int value)
    {
        NotNull(builder, nameof(builder));
        builder.Append("int(");
        AppendInteger(builder, value);
        return builder.Append(')');
    }

    /// <summary>Renders <c>5</c>: a KQL <c>long</c> (a <see cref="uint"/> always fits).</summary>
    public static string Render(uint value) => Render((long)value);

    /// <summary>Appends <c>5</c>: a KQL <c>long</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, uint value) => Append(builder, (long)value);

    /// <summary>Renders <c>5</c>, or <c>long(-5)</c> for a negative value: a KQL <c>long</c>.</summary>
    public static string Render(long value) => Append(new StringBuilder(26), value).ToString();

    /// <summary>Appends <c>5</c>, or <c>long(-5)</c> for a negative value: a KQL <c>long</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, long value)
    {
        NotNull(builder, nameof(builder));
        if (value >= 0)
        {
            AppendDigits(builder, (ulong)value);
            return builder;
        }

        builder.Append("long(");
        AppendInteger(builder, value);
        return builder.Append(')');
    }

    /// <summary>
    /// Renders <c>5</c> (a KQL <c>long</c>) up to <see cref="long.MaxValue"/>, and <c>decimal(18446744073709551615)</c>
    /// above it: KQL has no unsigned type, and <c>decimal</c> holds every <see cref="ulong"/> exactly where <c>real</c> would round.
    /// </summary>
    public static string Render(ulong value) => Append(new StringBuilder(30), value).ToString();

    /// <summary>Appends <c>5</c>, or <c>decimal(18446744073709551615)</c> above <see cref="long.MaxValue"/> (see <see cref="Render(ulong)"/>).</summary>
    public static StringBuilder Append(StringBuilder builder, ulong value)
    {
        NotNull(builder, nameof(builder));
        if (value <= long.MaxValue)
        {
            AppendDigits(builder, value);
            return builder;
        }

        builder.Append("decimal(");
        AppendDigits(builder, value);
        return builder.Append(')');
    }

    // ---- real, decimal, bool, guid ---------------------------------------------------------------------------

    /// <summary>Renders the exact value of <paramref name="value"/> widened to <see cref="double"/> (see <see cref="Render(double)"/>).</summary>
    public static string Render(float value) => Render((double)value);

    /// <summary>Appends the exact value of <paramref name="value"/> widened to <see cref="double"/>.</summary>
    public static StringBuilder Append(StringBuilder builder, float value) => Append(builder, (double)value);

    /// <summary>
    /// Renders a KQL <c>real</c>: <c>1.5</c>, <c>2.0</c>, <c>1E+308</c>, <c>real(-1.5)</c>, <c>real(-0.0)</c>,
    /// <c>real(nan)</c>, <c>real(+inf)</c>, <c>real(-inf)</c>. Finite values use the shortest text that parses back to
    /// the same double.
    /// </summary>
    public static string Render(double value) => Append(new StringBuilder(32), value).ToString();

    /// <summary>Appends a KQL <c>real</c> (see <see cref="Render(double)"/>).</summary>
    public static StringBuilder Append(StringBuilder builder, double value)
    {
        NotNull(builder, nameof(builder));
        if (double.IsNaN(value))
        {
            return builder.Append("real(nan)");
        }

        if (double.IsPositiveInfinity(value))
        {
            return builder.Append("real(+inf)");
        }

        if (double.IsNegativeInfinity(value))
        {
            return builder.Append("real(-inf)");
        }

        if (value == 0 && BitConverter.DoubleToInt64Bits(value) != 0)
        {
            return builder.Append("real(-0.0)");
        }

        var negative = value < 0;
        if (negative)
        {
            builder.Append("real(");
        }

        var start = builder.Length;
        AppendRoundTrip(builder, value);
        var integral = true;
        for (var i = start; i < builder.Length; i++)
        {
            var c = builder[i];
            if (c == '.' || c == 'E' || c == 'e')
            {
                integral = false;
                break;
            }
        }

        if (integral)
        {
            builder.Append(".0");
        }

        return negative ? builder.Append(')') : builder;
    }

    /// <summary>Renders <c>decimal(-1.50)</c>: invariant culture, every digit and the scale.</summary>
    public static string Render(decimal value) => Append(new StringBuilder(42), value).ToString();

    /// <summary>Appends <c>decimal(-1.50)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, decimal value)
    {
        NotNull(builder, nameof(builder));
        builder.Append("decimal(");
#if NET
        Span<char> buffer = stackalloc char[48];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        builder.Append(buffer.Slice(0, written));
#else
        builder.Append(value.ToString(CultureInfo.InvariantCulture));
#endif
        return builder.Append(')');
    }

    /// <summary>Renders <c>true</c> or <c>false</c>.</summary>
    public static string Render(bool value) => value ? "true" : "false";

    /// <summary>Appends <c>true</c> or <c>false</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, bool value)
    {
        NotNull(builder, nameof(builder));
        return builder.Append(value ? "true" : "false");
    }

    /// <summary>Renders <c>guid(0b8e2c1a-5d7f-4e1b-9c3a-2f6d8e4b7a10)</c>.</summary>
    public static string Render(Guid value) => Append(new StringBuilder(42), value).ToString();

    /// <summary>Appends <c>guid(0b8e2c1a-5d7f-4e1b-9c3a-2f6d8e4b7a10)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, Guid value)
    {
        NotNull(builder, nameof(builder));
        builder.Append("guid(");
#if NET
        Span<char> buffer = stackalloc char[36];
        value.TryFormat(buffer, out var written, "D");
        builder.Append(buffer.Slice(0, written));
#else
        builder.Append(value.ToString("D"));
#endif
        return builder.Append(')');
    }

    // ---- date and time ------------------------------------------------------------------------------------------

    /// <summary>Renders <c>datetime(2026-11-25T09:30:00.1234567Z)</c> from the UTC instant of <paramref name="value"/>.</summary>
    public static string Render(DateTimeOffset value) => Append(new StringBuilder(40), value).ToString();

    /// <summary>Appends <c>datetime(2026-11-25T09:30:00.1234567Z)</c> from the UTC instant of <paramref name="value"/>.</summary>
    public static StringBuilder Append(StringBuilder builder, DateTimeOffset value)
    {
        NotNull(builder, nameof(builder));
        AppendUtc(builder, value.UtcDateTime);
        return builder;
    }

    /// <summary>
    /// Renders <c>datetime(2026-11-25T09:30:00.1234567Z)</c>. <see cref="DateTimeKind.Utc"/> is written as is,
    /// <see cref="DateTimeKind.Local"/> is converted with <see cref="DateTime.ToUniversalTime"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is of kind <see cref="DateTimeKind.Unspecified"/>:
    /// it could be UTC or local time, and a guess would shift the filter by hours. Use
    /// <see cref="DateTime.SpecifyKind(DateTime, DateTimeKind)"/> or a <see cref="DateTimeOffset"/>.</exception>
    public static string Render(DateTime value) => Append(new StringBuilder(40), value).ToString();

    /// <summary>Appends <c>datetime(2026-11-25T09:30:00.1234567Z)</c> (see <see cref="Render(DateTime)"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is of kind <see cref="DateTimeKind.Unspecified"/>.</exception>
    public static StringBuilder Append(StringBuilder builder, DateTime value)
    {
        NotNull(builder, nameof(builder));
        switch (value.Kind)
        {
            case DateTimeKind.Utc:
                break;
            case DateTimeKind.Local:
                value = value.ToUniversalTime();
                break;
            default:
                throw new ArgumentException(
                    "A DateTime of kind Unspecified could be UTC or local time; KQL datetimes are UTC. " +
                    "Use DateTime.SpecifyKind(value, DateTimeKind.Utc) or a DateTimeOffset.",
                    nameof(value));
        }

        AppendUtc(builder, value);
        return builder;
    }

    /// <summary>Renders <c>time(1.02:03:04.5000000)</c>: <c>[-][d.]hh:mm:ss[.fffffff]</c>, invariant, to the tick.</summary>
    public static string Render(TimeSpan value) => Append(new StringBuilder(32), value).ToString();

    /// <summary>Appends <c>time(1.02:03:04.5000000)</c> (see <see cref="Render(TimeSpan)"/>).</summary>
    public static StringBuilder Append(StringBuilder builder, TimeSpan value)
    {
        NotNull(builder, nameof(builder));
        var ticks = value.Ticks;
        builder.Append("time(");

        // Magnitude as ulong: TimeSpan.MinValue has no positive counterpart in long.
        ulong magnitude;
        if (ticks < 0)
        {
            builder.Append('-');
            magnitude = (ulong)(-(ticks + 1)) + 1;
        }
        else
        {
            magnitude = (ulong)ticks;
        }

        var days = magnitude / TicksPerDay;
        var rest = magnitude % TicksPerDay;
        if (days != 0)
        {
            AppendDigits(builder, days);
            builder.Append('.');
        }

        AppendPadded(builder, rest / TicksPerHour, 2);
        builder.Append(':');
        AppendPadded(builder, rest % TicksPerHour / TicksPerMinute, 2);
        builder.Append(':');
        AppendPadded(builder, rest % TicksPerMinute / TicksPerSecond, 2);
        var fraction = rest % TicksPerSecond;
        if (fraction != 0)
        {
            builder.Append('.');
            AppendPadded(builder, fraction, 7);
        }

        return builder.Append(')');
    }

    // ---- typed nulls ---------------------------------------------------------------------------------------------

    /// <summary>Renders the value, or <c>int(null)</c>.</summary>
    public static string Render(sbyte? value) => value is { } v ? Render(v) : IntNull;

    /// <summary>Appends the value, or <c>int(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, sbyte? value) => value is { } v ? Append(builder, v) : AppendNull(builder, IntNull);

    /// <summary>Renders the value, or <c>int(null)</c>.</summary>
    public static string Render(byte? value) => value is { } v ? Render(v) : IntNull;

    /// <summary>Appends the value, or <c>int(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, byte? value) => value is { } v ? Append(builder, v) : AppendNull(builder, IntNull);

    /// <summary>Renders the value, or <c>int(null)</c>.</summary>
    public static string Render(short? value) => value is { } v ? Render(v) : IntNull;

    /// <summary>Appends the value, or <c>int(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, short? value) => value is { } v ? Append(builder, v) : AppendNull(builder, IntNull);

    /// <summary>Renders the value, or <c>int(null)</c>.</summary>
    public static string Render(ushort? value) => value is { } v ? Render(v) : IntNull;

    /// <summary>Appends the value, or <c>int(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, ushort? value) => value is { } v ? Append(builder, v) : AppendNull(builder, IntNull);

    /// <summary>Renders the value, or <c>int(null)</c>.</summary>
    public static string Render(int? value) => value is { } v ? Render(v) : IntNull;

    /// <summary>Appends the value, or <c>int(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, int? value) => value is { } v ? Append(builder, v) : AppendNull(builder, IntNull);

    /// <summary>Renders the value, or <c>long(null)</c>.</summary>
    public static string Render(uint? value) => value is { } v ? Render(v) : LongNull;

    /// <summary>Appends the value, or <c>long(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, uint? value) => value is { } v ? Append(builder, v) : AppendNull(builder, LongNull);

    /// <summary>Renders the value, or <c>long(null)</c>.</summary>
    public static string Render(long? value) => value is { } v ? Render(v) : LongNull;

    /// <summary>Appends the value, or <c>long(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, long? value) => value is { } v ? Append(builder, v) : AppendNull(builder, LongNull);

    /// <summary>Renders the value (see <see cref="Render(ulong)"/>), or <c>long(null)</c>.</summary>
    public static string Render(ulong? value) => value is { } v ? Render(v) : LongNull;

    /// <summary>Appends the value (see <see cref="Render(ulong)"/>), or <c>long(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, ulong? value) => value is { } v ? Append(builder, v) : AppendNull(builder, LongNull);

    /// <summary>Renders the value, or <c>real(null)</c>.</summary>
    public static string Render(float? value) => value is { } v ? Render(v) : RealNull;

    /// <summary>Appends the value, or <c>real(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, float? value) => value is { } v ? Append(builder, v) : AppendNull(builder, RealNull);

    /// <summary>Renders the value, or <c>real(null)</c>.</summary>
    public static string Render(double? value) => value is { } v ? Render(v) : RealNull;

    /// <summary>Appends the value, or <c>real(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, double? value) => value is { } v ? Append(builder, v) : AppendNull(builder, RealNull);

    /// <summary>Renders the value, or <c>decimal(null)</c>.</summary>
    public static string Render(decimal? value) => value is { } v ? Render(v) : DecimalNull;

    /// <summary>Appends the value, or <c>decimal(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, decimal? value) => value is { } v ? Append(builder, v) : AppendNull(builder, DecimalNull);

    /// <summary>Renders the value, or <c>bool(null)</c>.</summary>
    public static string Render(bool? value) => value is { } v ? Render(v) : BoolNull;

    /// <summary>Appends the value, or <c>bool(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, bool? value) => value is { } v ? Append(builder, v) : AppendNull(builder, BoolNull);

    /// <summary>Renders the value, or <c>guid(null)</c>.</summary>
    public static string Render(Guid? value) => value is { } v ? Render(v) : GuidNull;

    /// <summary>Appends the value, or <c>guid(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, Guid? value) => value is { } v ? Append(builder, v) : AppendNull(builder, GuidNull);

    /// <summary>Renders the value, or <c>datetime(null)</c>.</summary>
    public static string Render(DateTimeOffset? value) => value is { } v ? Render(v) : DateTimeNull;

    /// <summary>Appends the value, or <c>datetime(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, DateTimeOffset? value) => value is { } v ? Append(builder, v) : AppendNull(builder, DateTimeNull);

    /// <summary>Renders the value (see <see cref="Render(DateTime)"/>), or <c>datetime(null)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is of kind <see cref="DateTimeKind.Unspecified"/>.</exception>
    public static string Render(DateTime? value) => value is { } v ? Render(v) : DateTimeNull;

    /// <summary>Appends the value (see <see cref="Render(DateTime)"/>), or <c>datetime(null)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is of kind <see cref="DateTimeKind.Unspecified"/>.</exception>
    public static StringBuilder Append(StringBuilder builder, DateTime? value) => value is { } v ? Append(builder, v) : AppendNull(builder, DateTimeNull);

    /// <summary>Renders the value, or <c>timespan(null)</c>.</summary>
    public static string Render(TimeSpan? value) => value is { } v ? Render(v) : TimeSpanNull;

    /// <summary>Appends the value, or <c>timespan(null)</c>.</summary>
    public static StringBuilder Append(StringBuilder builder, TimeSpan? value) => value is { } v ? Append(builder, v) : AppendNull(builder, TimeSpanNull);

    // ---- lists ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Renders the elements for <c>in (...)</c> / <c>!in (...)</c>: <c>'a', 'b', 'c'</c>, each element as its own
    /// <c>Render</c> overload would (without the parentheses).
    /// </summary>
    /// <typeparam name="T">One of the types that have a <c>Render</c> overload (string, char, the integer types,
    /// float, double, decimal, bool, Guid, DateTime, DateTimeOffset, TimeSpan, and their nullable forms).</typeparam>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null, or holds a null string.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty: KQL rejects <c>x in ()</c>, so the
    /// caller must decide (an empty <c>in</c> is <c>false</c>, an empty <c>!in</c> is <c>true</c>); or an element
    /// cannot be written (an unspecified-kind <see cref="DateTime"/>).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no KQL literal form.</exception>
    public static string RenderList<T>(IEnumerable<T> values) => AppendList(new StringBuilder(), values).ToString();

    /// <summary>Appends the elements for <c>in (...)</c>: <c>'a', 'b', 'c'</c> (see <see cref="RenderList{T}(IEnumerable{T})"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null, or holds a null string.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, or an element cannot be written.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no KQL literal form.</exception>
    public static StringBuilder AppendList<T>(StringBuilder builder, IEnumerable<T> values)
    {
        NotNull(builder, nameof(builder));
        NotNull(values, nameof(values));
        var write = ElementWriter<T>.Write
            ?? throw new NotSupportedException($"KQL has no literal form for {typeof(T)}.");
        var start = builder.Length;
        var count = 0;
        try
        {
            foreach (var value in values)
            {
                if (count++ > 0)
                {
                    builder.Append(", ");
                }

                write(builder, value);
            }
        }
        catch
        {
            builder.Length = start;
            throw;
        }

        if (count == 0)
        {
            throw new ArgumentException(
                "An empty list has no KQL form (KQL rejects 'x in ()'): write false for an empty in, true for an empty !in.",
                nameof(values));
        }

        return builder;
    }

    private static class ElementWriter<T>
    {
        internal static readonly Action<StringBuilder, T>? Write = (Action<StringBuilder, T>?)Create();

        private static object? Create()
        {
            var t = typeof(T);
            if (t == typeof(string)) return new Action<StringBuilder, string>((b, v) => Append(b, v));
            if (t == typeof(char)) return new Action<StringBuilder, char>((b, v) => Append(b, v));
            if (t == typeof(sbyte)) return new Action<StringBuilder, sbyte>((b, v) => Append(b, v));
            if (t == typeof(byte)) return new Action<StringBuilder, byte>((b, v) => Append(b, v));
            if (t == typeof(short)) return new Action<StringBuilder, short>((b, v) => Append(b, v));
            if (t == typeof(ushort)) return new Action<StringBuilder, ushort>((b, v) => Append(b, v));
            if (t == typeof(int)) return new Action<StringBuilder, int>((b, v) => Append(b, v));
            if (t == typeof(uint)) return new Action<StringBuilder, uint>((b, v) => Append(b, v));
            if (t == typeof(long)) return new Action<StringBuilder, long>((b, v) => Append(b, v));
            if (t == typeof(ulong)) return new Action<StringBuilder, ulong>((b, v) => Append(b, v));
            if (t == typeof(float)) return new Action<StringBuilder, float>((b, v) => Append(b, v));
            if (t == typeof(double)) return new Action<StringBuilder, double>((b, v) => Append(b, v));
            if (t == typeof(decimal)) return new Action<StringBuilder, decimal>((b, v) => Append(b, v));
            if (t == typeof(bool)) return new Action<StringBuilder, bool>((b, v) => Append(b, v));
            if (t == typeof(Guid)) return new Action<StringBuilder, Guid>((b, v) => Append(b, v));
            if (t == typeof(DateTime)) return new Action<StringBuilder, DateTime>((b, v) => Append(b, v));
            if (t == typeof(DateTimeOffset)) return new Action<StringBuilder, DateTimeOffset>((b, v) => Append(b, v));
            if (t == typeof(TimeSpan)) return new Action<StringBuilder, TimeSpan>((b, v) => Append(b, v));
            if (t == typeof(char?)) return new Action<StringBuilder, char?>((b, v) => Append(b, v));
            if (t == typeof(sbyte?)) return new Action<StringBuilder, sbyte?>((b, v) => Append(b, v));
            if (t == typeof(byte?)) return new Action<StringBuilder, byte?>((b, v) => Append(b, v));
            if (t == typeof(short?)) return new Action<StringBuilder, short?>((b, v) => Append(b, v));
            if (t == typeof(ushort?)) return new Action<StringBuilder, ushort?>((b, v) => Append(b, v));
            if (t == typeof(int?)) return new Action<StringBuilder, int?>((b, v) => Append(b, v));
            if (t == typeof(uint?)) return new Action<StringBuilder, uint?>((b, v) => Append(b, v));
            if (t == typeof(long?)) return new Action<StringBuilder, long?>((b, v) => Append(b, v));
            if (t == typeof(ulong?)) return new Action<StringBuilder, ulong?>((b, v) => Append(b, v));
            if (t == typeof(float?)) return new Action<StringBuilder, float?>((b, v) => Append(b, v));
            if (t == typeof(double?)) return new Action<StringBuilder, double?>((b, v) => Append(b, v));
            if (t == typeof(decimal?)) return new Action<StringBuilder, decimal?>((b, v) => Append(b, v));
            if (t == typeof(bool?)) return new Action<StringBuilder, bool?>((b, v) => Append(b, v));
            if (t == typeof(Guid?)) return new Action<StringBuilder, Guid?>((b, v) => Append(b, v));
            if (t == typeof(DateTime?)) return new Action<StringBuilder, DateTime?>((b, v) => Append(b, v));
            if (t == typeof(DateTimeOffset?)) return new Action<StringBuilder, DateTimeOffset?>((b, v) => Append(b, v));
            if (t == typeof(TimeSpan?)) return new Action<StringBuilder, TimeSpan?>((b, v) => Append(b, v));
            return null;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Appends the interior of a quoted KQL string (no quotes): the escapes described on <see cref="KqlLiteral"/>.
    /// Runs of plain characters are appended in one call.
    /// </summary>
    internal static void AppendEscaped(StringBuilder builder, string value)
    {
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c < '\u007f' && c != '\'' && c != '\\')
            {
                continue;
            }

            var lowSurrogateFollows = i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (!NeedsEscape(c, lowSurrogateFollows))
            {
                if (char.IsHighSurrogate(c) && lowSurrogateFollows)
                {
                    i++; // a valid pair stays raw
                }

                continue;
            }

            builder.Append(value, run, i - run);
            AppendEscaped(builder, c, lowSurrogateFollows);
            run = i + 1;
        }

        builder.Append(value, run, value.Length - run);
    }

    private static bool NeedsEscape(char c, bool lowSurrogateFollows) => c switch
    {
        '\'' or '\\' => true,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        '\u2028' or '\u2029' => true,
        >= '\ud800' and <= '\udbff' => !lowSurrogateFollows,
        >= '\udc00' and <= '\udfff' => true, // a low surrogate reached here has no high surrogate before it
        _ => false,
    };

    private static void AppendEscaped(StringBuilder builder, char c, bool lowSurrogateFollows)
    {
        switch (c)
        {
            case '\'': builder.Append("\\'"); return;
            case '\\': builder.Append("\\\\"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
        }

        if (NeedsEscape(c, lowSurrogateFollows))
        {
            const string hex = "0123456789abcdef";
            builder.Append('\\').Append('u')
                .Append(hex[(c >> 12) & 0xf]).Append(hex[(c >> 8) & 0xf])
                .Append(hex[(c >> 4) & 0xf]).Append(hex[c & 0xf]);
        }
        else
        {
            builder.Append(c);
        }
    }

    private static void AppendUtc(StringBuilder builder, DateTime utc)
    {
        builder.Append("datetime(");
        AppendPadded(builder, (ulong)utc.Year, 4);
        builder.Append('-');
        AppendPadded(builder, (ulong)utc.Month, 2);
        builder.Append('-');
        AppendPadded(builder, (ulong)utc.Day, 2);
        builder.Append('T');
        AppendPadded(builder, (ulong)utc.Hour, 2);
        builder.Append(':');
        AppendPadded(builder, (ulong)utc.Minute, 2);
        builder.Append(':');
        AppendPadded(builder, (ulong)utc.Second, 2);
        builder.Append('.');
        AppendPadded(builder, (ulong)(utc.Ticks % TicksPerSecond), 7);
        builder.Append("Z)");
    }

    private static void AppendRoundTrip(StringBuilder builder, double value)
    {
#if NET
        // .NET Core 3.0 and later: "R" is the shortest text that parses back to the same double.
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        builder.Append(buffer.Slice(0, written));
#else
        // .NET Framework's "R" can lose the last bit; fall back to 17 significant digits, which always round-trip.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        builder.Append(text);
#endif
    }

    private static void AppendInteger(StringBuilder builder, long value)
    {
        if (value < 0)
        {
            builder.Append('-');
            AppendDigits(builder, (ulong)(-(value + 1)) + 1);
        }
        else
        {
            AppendDigits(builder, (ulong)value);
        }
    }

    /// <summary>Decimal digits, culture-free (no culture's negative sign or digit substitution), no allocation.</summary>
    private static void AppendDigits(StringBuilder builder, ulong value)
    {
        ulong power = 1;
        while (value / power >= 10)
        {
            power *= 10;
        }

        for (; power > 0; power /= 10)
        {
            builder.Append((char)('0' + (int)(value / power % 10)));
        }
    }

    private static void AppendPadded(StringBuilder builder, ulong value, int width)
    {
        ulong power = 1;
        for (var i = 1; i < width; i++)
        {
            power *= 10;
        }

        while (value / power >= 10)
        {
            power *= 10;
        }

        for (; power > 0; power /= 10)
        {
            builder.Append((char)('0' + (int)(value / power % 10)));
        }
    }

    private static StringBuilder AppendNull(StringBuilder builder, string typedNull)
    {
        NotNull(builder, nameof(builder));
        return builder.Append(typedNull);
    }

    private static int Capacity(string? value) => value is null ? 0 : value.Length + (value.Length >> 3) + 2;

    private static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    private static void NotNullString(string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(
                name,
                "KQL has no null string literal; test for empty or null values with isempty() or isnull() instead of comparing with a literal.");
        }
    }
}
