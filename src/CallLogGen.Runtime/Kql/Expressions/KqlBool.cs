namespace CallLogGen.Kql;

/// <summary>
/// A KQL <c>bool</c> expression: a predicate for <c>where</c>, or a bool column. Combine with
/// <c>&amp;&amp;</c> / <c>||</c> (or <c>&amp;</c> / <c>|</c>) and negate with <c>!</c>; both sides are always kept,
/// since the query, not C#, evaluates them.
/// </summary>
public sealed class KqlBool : KqlScalar<KqlBool, bool>
{
    internal KqlBool(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Bool;

    /// <summary>A bool column.</summary>
    public static KqlBool Column(string name) => new(new ColumnNode(name));

    /// <summary>The literal <c>true</c> or <c>false</c>.</summary>
    public static KqlBool Value(bool value) => new(new LiteralNode(value ? "true" : "false"));

    /// <summary><c>a and b</c>.</summary>
    public static KqlBool operator &(KqlBool left, KqlBool right) => new(new BinaryNode(left.Node, "and", right.Node, KqlPrecedence.And));

    /// <summary><c>a or b</c>.</summary>
    public static KqlBool operator |(KqlBool left, KqlBool right) => new(new BinaryNode(left.Node, "or", right.Node, KqlPrecedence.Or));

    /// <summary><c>not(a)</c>.</summary>
    public static KqlBool operator !(KqlBool operand) => new(new CallNode("not", operand.Node));

    /// <summary>Never true in C#, so that <c>a &amp;&amp; b</c> and <c>a || b</c> always build both sides.</summary>
    public static bool operator true(KqlBool operand) => false;

    /// <summary>Never false in C#, so that <c>a &amp;&amp; b</c> and <c>a || b</c> always build both sides.</summary>
    public static bool operator false(KqlBool operand) => false;

    internal override KqlNode Literal(bool value) => new ValueNode<bool>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, bool> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
