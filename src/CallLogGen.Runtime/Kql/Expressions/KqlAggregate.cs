using System.Collections.Generic;

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

/// <summary>
/// An aggregation that makes several columns, which KQL names: <c>arg_max(x, a, b)</c> gives x, a and b;
/// <c>percentiles(x, 50, 95)</c> gives percentile_x_50 and percentile_x_95. Valid only inside <c>summarize</c>.
/// </summary>
public sealed class KqlMultiAggregate
{
    internal KqlMultiAggregate(KqlNode node, IReadOnlyList<KqlResultColumn> outputs)
    {
        Node = node;
        Outputs = outputs;
    }

    /// <summary>The columns it makes, in order.</summary>
    public IReadOnlyList<KqlResultColumn> Outputs { get; }

    internal KqlNode Node { get; }
}
