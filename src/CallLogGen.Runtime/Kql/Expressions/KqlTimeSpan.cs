using System;

namespace CallLogGen.Kql;

/// <summary>A KQL <c>timespan</c> expression, compared with <see cref="TimeSpan"/> values at tick precision.</summary>
public sealed class KqlTimeSpan : KqlOrdered<KqlTimeSpan, TimeSpan>
{
    internal KqlTimeSpan(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.TimeSpan;

    /// <summary>A timespan column.</summary>
    public static KqlTimeSpan Column(string name) => new(new ColumnNode(name));

    /// <summary>A timespan literal.</summary>
    public static KqlTimeSpan Value(TimeSpan value) => new(new LiteralNode(KqlLiteral.Render(value)));

    internal override KqlNode Literal(TimeSpan value) => new ValueNode<TimeSpan>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, TimeSpan> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
