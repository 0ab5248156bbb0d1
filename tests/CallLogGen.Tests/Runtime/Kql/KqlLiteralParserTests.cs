using System.Globalization;
using CallLogGen.Kql;
using CallLogGen.Tests.Infrastructure;
using static CallLogGen.Tests.Runtime.Kql.LiteralOracle;

namespace CallLogGen.Tests.Runtime.Kql;

/// <summary>Edge values, typed nulls and lists read back by the Kusto parser; and proof that the oracle has teeth.</summary>
public class KqlLiteralParserTests
{
    [Fact]
    public void Edge_values_round_trip()
    {
        var cases = new List<LiteralCase>
        {
            Long(long.MinValue), Long(long.MaxValue), Long(-1), Long(0), Long(uint.MaxValue),
            new("int.MinValue", "N", KqlLiteral.Render(int.MinValue), "IntLiteralExpression", "int", ValueIs("-2147483648")),
            new("ulong.MaxValue", "I", KqlLiteral.Render(ulong.MaxValue), "DecimalLiteralExpression", "decimal", DecimalIs(ulong.MaxValue)),
            Real(double.NaN), Real(double.PositiveInfinity), Real(double.NegativeInfinity), Real(-0.0), Real(0.0), Real(double.Epsilon),
            Real(-double.Epsilon), Real(double.MaxValue), Real(double.MinValue), Real(1.0), Real(1e16), Real(0.1f), Real(2.2250738585072009E-308),
            Decimal(decimal.MinValue), Decimal(decimal.MaxValue), Decimal(0.0000000000000000000000000001m), Decimal(-7.9228162514264337593543950335m),
            Decimal(1.50m), Decimal(0m),
            Date(DateTimeOffset.MinValue), Date(DateTimeOffset.MaxValue), Date(DateTimeOffset.UnixEpoch),
            Date(new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-14)).AddTicks(9_999_999)),
            Span(TimeSpan.MinValue), Span(TimeSpan.MaxValue), Span(TimeSpan.Zero), Span(new TimeSpan(1)), Span(new TimeSpan(-1)),
            Span(new TimeSpan(1, 2, 3, 4, 500)), Span(-new TimeSpan(1, 2, 3, 4, 500)),
            new("Guid.Empty", "G", KqlLiteral.Render(Guid.Empty), "GuidLiteralExpression", "guid", ValueIs(Guid.Empty.ToString())),
            new("true", "B", KqlLiteral.Render(true), "BooleanLiteralExpression", "bool", ValueIs("true")),
            String(""), String("x' | take 1 //"), String("'it''s'"), String("\0\r\n\t\u2028\u2029\u007f\u0085"), String("\ud800"),
            String("\udfff\ud800"), String("\ud83d\ude00"), String(@"\u0041\x41\U0001F600\q"), String("a\"b"),
        };
        AssertAll(cases, cases.Count);
    }

    [Fact]
    public void Typed_nulls_compare_with_columns_of_their_type()
    {
        var cases = new (string Column, string Literal, string Kind, string Type)[]
        {
            ("N", KqlLiteral.Render((int?)null), "IntLiteralExpression", "int"),
            ("N", KqlLiteral.Render((short?)null), "IntLiteralExpression", "int"),
            ("I", KqlLiteral.Render((long?)null), "LongLiteralExpression", "long"),
            ("I", KqlLiteral.Render((ulong?)null), "LongLiteralExpression", "long"),
            ("R", KqlLiteral.Render((double?)null), "RealLiteralExpression", "real"),
            ("R", KqlLiteral.Render((float?)null), "RealLiteralExpression", "real"),
            ("M", KqlLiteral.Render((decimal?)null), "DecimalLiteralExpression", "decimal"),
            ("B", KqlLiteral.Render((bool?)null), "BooleanLiteralExpression", "bool"),
            ("G", KqlLiteral.Render((Guid?)null), "GuidLiteralExpression", "guid"),
            ("D", KqlLiteral.Render((DateTimeOffset?)null), "DateTimeLiteralExpression", "datetime"),
            ("D", KqlLiteral.Render((DateTime?)null), "DateTimeLiteralExpression", "datetime"),
            ("TS", KqlLiteral.Render((TimeSpan?)null), "TimespanLiteralExpression", "timespan"),
        };
        AssertAll(cases.Select(c => new LiteralCase(c.Literal, c.Column, c.Literal, c.Kind, c.Type,
            l => l.Value is null ? null : $"value {l.Value}, expected null")).ToList(), cases.Length);
    }

    [Fact]
    public void Lists_in_in_and_not_in()
    {
        var strings = new[] { "a", "x' | take 1 //", "'it''s'", "\r\n", "\ud800", "\\", "", "\ud83d\ude00" };
        var longs = new[] { long.MinValue, -1, 0, long.MaxValue };
        var queries = new List<KqlQuery>
        {
            new("in", $"T | where S in ({KqlLiteral.RenderList(strings)})"),
            new("!in", $"T | where S !in ({KqlLiteral.RenderList(strings)})"),
            new("in~", $"T | where S in~ ({KqlLiteral.RenderList(strings)})"),
            new("longs", $"T | where I in ({KqlLiteral.RenderList(longs)})"),
            new("dates", $"T | where D in ({KqlLiteral.RenderList(new[] { DateTimeOffset.MinValue, DateTimeOffset.MaxValue })})"),
        };
        var checks = KustoParser.Check(new[] { Table }, queries);
        foreach (var check in checks)
        {
            Assert.True(check.IsClean, $"{check.Id}: {check}");
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(strings, checks[i].Literals.Select(l => l.Value));
            Assert.All(checks[i].Literals, l => Assert.Equal("StringLiteralExpression", l.Kind));
        }

        Assert.Equal(longs.Select(v => v.ToString(CultureInfo.InvariantCulture)), checks[3].Literals.Select(l => l.Value));
        Assert.Equal(new[] { "0", DateTimeOffset.MaxValue.UtcTicks.ToString(CultureInfo.InvariantCulture) }, checks[4].Literals.Select(l => l.Decoded));
    }

    [Fact]
    public void The_parser_rejects_an_empty_in_list_which_is_why_RenderList_does()
    {
        var check = KustoParser.Check("T | where S in ()", Table);
        Assert.Contains(check.Diagnostics, d => d.Source == "parser" && d.Severity == "Error");
        Assert.Throws<ArgumentException>(() => KqlLiteral.RenderList(Array.Empty<string>()));
    }

    [Fact]
    public void Why_negative_longs_are_typed_the_bare_minimum_overflows_silently()
    {
        // A bare -N is a unary minus applied to N; N = 9223372036854775808 overflows long and the parser says nothing.
        var bare = KustoParser.Check("T | where I == -9223372036854775808", Table);
        Assert.True(bare.IsClean, bare.ToString());
        Assert.Contains("UnaryMinusExpression", bare.Operators);
        Assert.Equal("0", Assert.Single(bare.Literals).Value);
        var typed = KustoParser.Check($"T | where I == {KqlLiteral.Render(long.MinValue)}", Table);
        Assert.Equal("-9223372036854775808", Assert.Single(typed.Literals).Value);
    }

    [Fact]
    public void The_oracle_rejects_wrong_renderings()
    {
        var wrong = new List<LiteralCase>
        {
            // SQL-style doubling: adjacent KQL strings concatenate, 'it''s' reads as its.
            new("it's", "S", "'it''s'", "StringLiteralExpression", "string", ValueIs("it's")),
            // Unescaped quote: the rest of the value becomes query text.
            new("x' | take 1 //", "S", "'x' | take 1 //'", "StringLiteralExpression", "string", ValueIs("x' | take 1 //")),
            // A verbatim string cannot hold a newline.
            new("a\nb", "S", "@'a\nb'", "StringLiteralExpression", "string", ValueIs("a\nb")),
            // \U is decoded wrongly.
            new("\U0001F600", "S", @"'\U0001F600'", "StringLiteralExpression", "string", ValueIs("\U0001F600")),
            // An unknown escape is a syntax error.
            new("\\q", "S", @"'\q'", "StringLiteralExpression", "string", ValueIs("\\q")),
            // A bare negative number is an expression, not a literal.
            new("-5", "I", "-5", "LongLiteralExpression", "long", ValueIs("-5")),
            // An integral double written as an integer is a long.
            new("1.0", "R", "1", "RealLiteralExpression", "real", RealIs(1.0)),
            // Seventeen digits are needed for this double.
            new("0.1+", "R", "0.1", "RealLiteralExpression", "real", RealIs(0.10000000000000002)),
            // Milliseconds lose ticks.
            new("ticks", "D", "datetime(2026-11-25T09:30:00.123Z)", "DateTimeLiteralExpression", "datetime", DateTimeIs(new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc).Ticks + 1234567)),
            // A culture-formatted timespan.
            new("1.5 s", "TS", "time(00:00:01,5)", "TimespanLiteralExpression", "timespan", DecodedIs("15000000")),
            // ulong.MaxValue as a long overflows to 0.
            new("ulong.MaxValue", "I", "18446744073709551615", "LongLiteralExpression", "long", ValueIs("18446744073709551615")),
            // real(...) rounds ulong.MaxValue.
            new("ulong.MaxValue", "I", "real(18446744073709551615)", "RealLiteralExpression", "real", DecimalIs(ulong.MaxValue)),
            // An empty string for null would match empty values: the oracle sees '' for "".
            new("null", "S", "''", "StringLiteralExpression", "string", ValueIs("\0")),
        };
        var checks = KustoParser.Check(new[] { Table }, wrong.Select((c, i) => new KqlQuery(i.ToString(CultureInfo.InvariantCulture), Query(c.Column, c.Literal))).ToList());
        for (var i = 0; i < wrong.Count; i++)
        {
            Assert.True(Judge(wrong[i], checks[i], analyzed: true) is not null, $"the oracle accepted {wrong[i].Literal} for {wrong[i].Description}");
        }
    }

    [Fact]
    public void The_oracle_flags_comparisons_between_type_families()
    {
        var queries = new[]
        {
            ("T | where S == 1", true), ("T | where S != 1.5", true), ("T | where I == 'a'", true), ("T | where S in ('a', 1)", true),
            ("T | where S !in (1)", true), ("T | where S in~ ('a', true)", true), ("T | where D == time(1d)", true), ("T | where G == 'x'", true),
            ("T | where B == 1", true), ("T | where TS == datetime(null)", true),
            ("T | where I == int(1)", false), ("T | where N == 1.5", false), ("T | where M == 1", false), ("T | where I in (1, 2.5, decimal(3))", false),
            ("T | where S == 'a'", false), ("T | where X == 1", false), ("T | where X == 'a'", false), ("T | where D == datetime(null)", false),
            ("T | where G == guid(null)", false), ("T | where S in ('a', 'b')", false), ("T | where I == long(null)", false),
        };
        var checks = KustoParser.Check(new[] { Table }, queries.Select((q, i) => new KqlQuery(i.ToString(CultureInfo.InvariantCulture), q.Item1)).ToList());
        for (var i = 0; i < queries.Length; i++)
        {
            var flagged = checks[i].Diagnostics.Any(d => d.Source == "oracle" && d.Code == "ORACLE-TYPES");
            Assert.True(flagged == queries[i].Item2, $"{queries[i].Item1}: {checks[i]}");
            Assert.DoesNotContain(checks[i].Diagnostics, d => d.Source == "parser");
        }
    }

    [Fact]
    public void The_oracle_reports_result_columns()
    {
        var check = KustoParser.Check("T | where S == 'a' | project S, Twice = I * 2, When = D", Table);
        Assert.True(check.IsClean, check.ToString());
        Assert.Equal(new[] { new KqlColumn("S", "string"), new KqlColumn("Twice", "long"), new KqlColumn("When", "datetime") }, check.Columns);
    }

    private static LiteralCase Long(long v) =>
        new(v.ToString(CultureInfo.InvariantCulture), "I", KqlLiteral.Render(v), "LongLiteralExpression", "long", ValueIs(v.ToString(CultureInfo.InvariantCulture)));

    private static LiteralCase Real(double v) =>
        new(v.ToString("R", CultureInfo.InvariantCulture), "R", KqlLiteral.Render(v), "RealLiteralExpression", "real", RealIs(v));

    private static LiteralCase Decimal(decimal v) =>
        new(v.ToString(CultureInfo.InvariantCulture), "M", KqlLiteral.Render(v), "DecimalLiteralExpression", "decimal", DecimalIs(v));

    private static LiteralCase Date(DateTimeOffset v) =>
        new(v.ToString("o", CultureInfo.InvariantCulture), "D", KqlLiteral.Render(v), "DateTimeLiteralExpression", "datetime", DateTimeIs(v.UtcTicks));

    private static LiteralCase Span(TimeSpan v) =>
        new(v.ToString("c", CultureInfo.InvariantCulture), "TS", KqlLiteral.Render(v), "TimespanLiteralExpression", "timespan", DecodedIs(v.Ticks.ToString(CultureInfo.InvariantCulture)));

    private static LiteralCase String(string v) =>
        new(v, "S", KqlLiteral.Render(v), "StringLiteralExpression", "string", ValueIs(v));
}
