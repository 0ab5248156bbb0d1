namespace CallLogGen.Kql;

/// <summary>A KQL <c>long</c> (64-bit) expression: comparisons, <c>between</c>, <c>in</c> and arithmetic.</summary>
public sealed class KqlLong : KqlOrdered<KqlLong, long>, IKqlNumeric
{
    internal KqlLong(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Long;

    /// <summary>A <c>long</c> column.</summary>
    public static KqlLong Column(string name) => new(new ColumnNode(name));

    /// <summary>A <c>long</c> literal.</summary>
    public static KqlLong Value(long value) => new(new LiteralNode(KqlLiteral.Render(value)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlLong operator +(KqlLong left, long right) => new(Arithmetic.Apply(left.Node, "+", left.Literal(right)));

    /// <summary><c>a - b</c>.</summary>
    public static KqlLong operator -(KqlLong left, long right) => new(Arithmetic.Apply(left.Node, "-", left.Literal(right)));

    /// <summary><c>a * b</c>.</summary>
    public static KqlLong operator *(KqlLong left, long right) => new(Arithmetic.Apply(left.Node, "*", left.Literal(right)));

    /// <summary><c>a / b</c> (integer division for <c>int</c> and <c>long</c>, as in KQL).</summary>
    public static KqlLong operator /(KqlLong left, long right) => new(Arithmetic.Apply(left.Node, "/", left.Literal(right)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlLong operator +(KqlLong left, KqlLong right) => new(Arithmetic.Apply(left.Node, "+", right.Node));

    /// <summary><c>a - b</c>.</summary>
    public static KqlLong operator -(KqlLong left, KqlLong right) => new(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>a * b</c>.</summary>
    public static KqlLong operator *(KqlLong left, KqlLong right) => new(Arithmetic.Apply(left.Node, "*", right.Node));

    /// <summary><c>a / b</c>.</summary>
    public static KqlLong operator /(KqlLong left, KqlLong right) => new(Arithmetic.Apply(left.Node, "/", right.Node));

    KqlExpression IKqlNumeric.Expression => this;

    internal override KqlNode Literal(long value) => new LiteralNode(KqlLiteral.Render(value));
}
