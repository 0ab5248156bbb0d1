namespace CallLogGen.Kql;

/// <summary>Any numeric KQL expression (<c>int</c>, <c>long</c>, <c>real</c>, <c>decimal</c>): what sums, averages and percentiles take.</summary>
public interface IKqlNumeric
{
    /// <summary>The expression itself.</summary>
    KqlExpression Expression { get; }
}

internal static class Arithmetic
{
    public static KqlNode Apply(KqlNode left, string op, KqlNode right) =>
        new BinaryNode(left, op, right, op is "+" or "-" ? KqlPrecedence.Additive : KqlPrecedence.Multiplicative);
}
