using System;

namespace CallLogGen.Kql;

/// <summary>A KQL <c>guid</c> expression: equality and <c>in</c>.</summary>
public sealed class KqlGuid : KqlScalar<KqlGuid, Guid>
{
    internal KqlGuid(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Guid;

    /// <summary>A guid column.</summary>
    public static KqlGuid Column(string name) => new(new ColumnNode(name));

    internal override KqlNode Literal(Guid value) => new ValueNode<Guid>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, Guid> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
