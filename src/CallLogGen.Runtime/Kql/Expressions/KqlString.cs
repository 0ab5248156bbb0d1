using System.Collections.Generic;

namespace CallLogGen.Kql;

/// <summary>
/// A KQL <c>string</c> expression. <c>==</c> and <c>!=</c> are case-sensitive, as in KQL; the methods name the
/// other operators. <see cref="Contains"/> is KQL's <c>contains</c> (any substring), not <c>has</c> (whole terms):
/// use <see cref="Has"/> for that, it is faster on indexed columns.
/// </summary>
public sealed class KqlString : KqlScalar<KqlString, string>
{
    internal KqlString(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.String;

    /// <summary>A string column.</summary>
    public static KqlString Column(string name) => new(new ColumnNode(name));

    /// <summary>A string literal.</summary>
    public static KqlString Value(string value) => new(new LiteralNode(KqlLiteral.Render(value)));

    /// <summary><c>x =~ value</c>: equal, ignoring case.</summary>
    public KqlBool EqualsIgnoreCase(string value) => Compare("=~", value);

    /// <summary><c>x !~ value</c>: not equal, ignoring case.</summary>
    public KqlBool NotEqualsIgnoreCase(string value) => Compare("!~", value);

    /// <summary><c>x has value</c>: contains the whole term, ignoring case.</summary>
    public KqlBool Has(string value) => Compare("has", value);

    /// <summary><c>x !has value</c>.</summary>
    public KqlBool NotHas(string value) => Compare("!has", value);

    /// <summary><c>x has_cs value</c>: contains the whole term, case-sensitive.</summary>
    public KqlBool HasCaseSensitive(string value) => Compare("has_cs", value);

    /// <summary><c>x contains value</c>: contains the substring, ignoring case.</summary>
    public KqlBool Contains(string value) => Compare("contains", value);

    /// <summary><c>x !contains value</c>.</summary>
    public KqlBool NotContains(string value) => Compare("!contains", value);

    /// <summary><c>x contains_cs value</c>: contains the substring, case-sensitive.</summary>
    public KqlBool ContainsCaseSensitive(string value) => Compare("contains_cs", value);

    /// <summary><c>x startswith value</c>, ignoring case.</summary>
    public KqlBool StartsWith(string value) => Compare("startswith", value);

    /// <summary><c>x endswith value</c>, ignoring case.</summary>
    public KqlBool EndsWith(string value) => Compare("endswith", value);

    /// <summary><c>x matches regex value</c> (RE2 syntax).</summary>
    public KqlBool MatchesRegex(string pattern) => Compare("matches regex", pattern);

    /// <summary><c>x in~ (a, b)</c>: equal to one of the values, ignoring case.</summary>
    public KqlBool InIgnoreCase(params string[] values) => InList("in~", values);

    /// <summary><c>x has_any (a, b)</c>: has one of the terms.</summary>
    public KqlBool HasAny(params string[] values) => InList("has_any", (IEnumerable<string>)values);

    /// <summary><c>isempty(x)</c>: null or empty.</summary>
    public KqlBool IsEmpty() => new(Call("isempty", this));

    /// <summary><c>isnotempty(x)</c>.</summary>
    public KqlBool IsNotEmpty() => new(Call("isnotempty", this));

    /// <summary><c>strlen(x)</c>.</summary>
    public KqlLong Length() => new(Call("strlen", this));

    /// <summary><c>tolower(x)</c>.</summary>
    public KqlString ToLower() => new(Call("tolower", this));

    /// <summary><c>toupper(x)</c>.</summary>
    public KqlString ToUpper() => new(Call("toupper", this));

    internal override KqlNode Literal(string value) => new ValueNode<string>(
        value ?? throw new System.ArgumentNullException(nameof(value), "KQL has no null string: test for a missing value with IsEmpty() or IsNull()."),
        AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, string> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
