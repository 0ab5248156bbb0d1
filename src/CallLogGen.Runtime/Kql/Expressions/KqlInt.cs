namespace CallLogGen.Kql;

/// <summary>
/// A KQL <c>int</c> (32-bit) expression: comparisons, <c>between</c>, <c>in</c> and arithmetic. As in KQL,
/// arithmetic on ints gives a <c>long</c>.
/// </summary>
public sealed class KqlInt : KqlOrdered<KqlInt, int>, IKqlNumeric
{
    internal KqlInt(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Int;

    /// <summary>A <c>int</c> column.</summary>
    public static KqlInt Column(string name) => new(new ColumnNode(name));

    /// <summary>A <c>int</c> literal.</summary>
    public static KqlInt Value(int value) => new(new LiteralNode(KqlLiteral.Render(value)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlLong operator +(KqlInt left, int right) => new KqlLong(Arithmetic.Apply(left.Node, "+", left.Literal(right)));

    /// <summary><c>a - b</c>.</summary>
    public static KqlLong operator -(KqlInt left, int right) => new KqlLong(Arithmetic.Apply(left.Node, "-", left.Literal(right)));

    /// <summary><c>a * b</c>.</summary>
    public static KqlLong operator *(KqlInt left, int right) => new KqlLong(Arithmetic.Apply(left.Node, "*", left.Literal(right)));

    /// <summary><c>a / b</c> (integer division for <c>int</c> and <c>long</c>, as in KQL).</summary>
    public static KqlLong operator /(KqlInt left, int right) => new KqlLong(Arithmetic.Apply(left.Node, "/", left.Literal(right)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlLong operator +(KqlInt left, KqlInt right) => new KqlLong(Arithmetic.Apply(left.Node, "+", right.Node));

    /// <summary><c>a - b</c>.</summary>
    public static KqlLong operator -(KqlInt left, KqlInt right) => new KqlLong(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>a * b</c>.</summary>
    public static KqlLong operator *(KqlInt left, KqlInt right) => new KqlLong(Arithmetic.Apply(left.Node, "*", right.Node));

    /// <summary><c>a / b</c>.</summary>
    public static KqlLong operator /(KqlInt left, KqlInt right) => new KqlLong(Arithmetic.Apply(left.Node, "/", right.Node));

    KqlExpression IKqlNumeric.Expression => this;

    internal override KqlNode Literal(int value) => new ValueNode<int>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, int> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
