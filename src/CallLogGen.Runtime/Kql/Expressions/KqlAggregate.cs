namespace CallLogGen.Kql;

/// <summary>
/// An aggregation (<c>count()</c>, <c>avg(x)</c>...): valid only inside <c>summarize</c> (and <c>make-series</c>),
/// which is why it is not a plain expression. <typeparamref name="TResult"/> is the type of the column it makes.
/// </summary>
/// <typeparam name="TResult">The expression type of the resulting column.</typeparam>
public sealed class KqlAggregate<TResult>
    where TResult : KqlExpression
{
    internal KqlAggregate(KqlNode node, KqlType type)
    {
        Node = node;
        Type = type;
    }

    /// <summary>The KQL type of the resulting column.</summary>
    public KqlType Type { get; }

    internal KqlNode Node { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        Node.Write(builder);
        return builder.ToString();
    }
}
