namespace CallLogGen.Kql;

/// <summary>A KQL <c>real</c> (double) expression: comparisons, <c>between</c>, <c>in</c> and arithmetic.</summary>
public sealed class KqlReal : KqlOrdered<KqlReal, double>, IKqlNumeric
{
    internal KqlReal(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Real;

    /// <summary>A <c>real</c> column.</summary>
    public static KqlReal Column(string name) => new(new ColumnNode(name));

    /// <summary>A <c>real</c> literal.</summary>
    public static KqlReal Value(double value) => new(new LiteralNode(KqlLiteral.Render(value)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlReal operator +(KqlReal left, double right) => new(Arithmetic.Apply(left.Node, "+", left.Literal(right)));

    /// <summary><c>a - b</c>.</summary>
    public static KqlReal operator -(KqlReal left, double right) => new(Arithmetic.Apply(left.Node, "-", left.Literal(right)));

    /// <summary><c>a * b</c>.</summary>
    public static KqlReal operator *(KqlReal left, double right) => new(Arithmetic.Apply(left.Node, "*", left.Literal(right)));

    /// <summary><c>a / b</c> (integer division for <c>int</c> and <c>long</c>, as in KQL).</summary>
    public static KqlReal operator /(KqlReal left, double right) => new(Arithmetic.Apply(left.Node, "/", left.Literal(right)));

    /// <summary><c>a + b</c>.</summary>
    public static KqlReal operator +(KqlReal left, KqlReal right) => new(Arithmetic.Apply(left.Node, "+", right.Node));

    /// <summary><c>a - b</c>.</summary>
    public static KqlReal operator -(KqlReal left, KqlReal right) => new(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>a * b</c>.</summary>
    public static KqlReal operator *(KqlReal left, KqlReal right) => new(Arithmetic.Apply(left.Node, "*", right.Node));

    /// <summary><c>a / b</c>.</summary>
    public static KqlReal operator /(KqlReal left, KqlReal right) => new(Arithmetic.Apply(left.Node, "/", right.Node));

    /// <summary>An int where a real is wanted, written <c>toreal(x)</c> so that the result really is a real.</summary>
    public static implicit operator KqlReal(KqlInt value) => new(Call("toreal", value));

    /// <summary>A long where a real is wanted, written <c>toreal(x)</c>.</summary>
    public static implicit operator KqlReal(KqlLong value) => new(Call("toreal", value));

    KqlExpression IKqlNumeric.Expression => this;

    internal override KqlNode Literal(double value) => new ValueNode<double>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, double> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
