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

    /// <summary><c>a + b</c> of an int and a long: a long, without converting the int first.</summary>
    public static KqlLong operator +(KqlInt left, KqlLong right) => new(Arithmetic.Apply(left.Node, "+", right.Node));

    /// <summary><c>a + b</c> of a long and an int: a long, without converting the int first.</summary>
    public static KqlLong operator +(KqlLong left, KqlInt right) => new(Arithmetic.Apply(left.Node, "+", right.Node));

    /// <summary><c>a - b</c> of an int and a long: a long, without converting the int first.</summary>
    public static KqlLong operator -(KqlInt left, KqlLong right) => new(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>a - b</c> of a long and an int: a long, without converting the int first.</summary>
    public static KqlLong operator -(KqlLong left, KqlInt right) => new(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>a * b</c> of an int and a long: a long, without converting the int first.</summary>
    public static KqlLong operator *(KqlInt left, KqlLong right) => new(Arithmetic.Apply(left.Node, "*", right.Node));

    /// <summary><c>a * b</c> of a long and an int: a long, without converting the int first.</summary>
    public static KqlLong operator *(KqlLong left, KqlInt right) => new(Arithmetic.Apply(left.Node, "*", right.Node));

    /// <summary><c>a / b</c> of an int and a long: a long, without converting the int first.</summary>
    public static KqlLong operator /(KqlInt left, KqlLong right) => new(Arithmetic.Apply(left.Node, "/", right.Node));

    /// <summary><c>a / b</c> of a long and an int: a long, without converting the int first.</summary>
    public static KqlLong operator /(KqlLong left, KqlInt right) => new(Arithmetic.Apply(left.Node, "/", right.Node));

    /// <summary>An int where a long is wanted, written <c>tolong(x)</c> so that the result really is a long.</summary>
    public static implicit operator KqlLong(KqlInt value) => new(Call("tolong", value));

    KqlExpression IKqlNumeric.Expression => this;

    internal override KqlNode Literal(long value) => new ValueNode<long>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, long> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
