namespace CallLogGen.Kql;

/// <summary>A KQL <c>decimal</c> expression: comparisons, <c>between</c>, <c>in</c> and arithmetic.</summary>
public sealed class KqlDecimal : KqlOrdered<KqlDecimal, decimal>, IKqlNumeric
{
    internal KqlDecimal(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Decimal;

    /// <summary>A <c>decimal</c> column.</summary>
    public static KqlDecimal Column(string name) => new(new ColumnNode(name));

    /// <summary>A <c>decimal</c> literal.</summary>
    public static KqlDecimal Value(decimal value) => new(new LiteralNode(KqlLiteral.Render(value)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlDecimal operator +(KqlDecimal left, decimal right) => new(Arithmetic.Apply(left.Node, "+", left.Literal(right)));

    /// <summary><c>a - b</c>.</summary>
    public static KqlDecimal operator -(KqlDecimal left, decimal right) => new(Arithmetic.Apply(left.Node, "-", left.Literal(right)));

    /// <summary><c>a * b</c>.</summary>
    public static KqlDecimal operator *(KqlDecimal left, decimal right) => new(Arithmetic.Apply(left.Node, "*", left.Literal(right)));

    /// <summary><c>a / b</c> (integer division for <c>int</c> and <c>long</c>, as in KQL).</summary>
    public static KqlDecimal operator /(KqlDecimal left, decimal right) => new(Arithmetic.Apply(left.Node, "/", left.Literal(right)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlDecimal operator +(KqlDecimal left, KqlDecimal right) => new(Arithmetic.Apply(left.Node, "+", right.Node));

    /// <summary><c>a - b</c>.</summary>
    public static KqlDecimal operator -(KqlDecimal left, KqlDecimal right) => new(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>a * b</c>.</summary>
    public static KqlDecimal operator *(KqlDecimal left, KqlDecimal right) => new(Arithmetic.Apply(left.Node, "*", right.Node));

    /// <summary><c>a / b</c>.</summary>
    public static KqlDecimal operator /(KqlDecimal left, KqlDecimal right) => new(Arithmetic.Apply(left.Node, "/", right.Node));

    KqlExpression IKqlNumeric.Expression => this;

    internal override KqlNode Literal(decimal value) => new ValueNode<decimal>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, decimal> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
