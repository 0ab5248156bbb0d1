namespace CallLogGen.Kql;

/// <summary>
/// A KQL <c>dynamic</c> expression (a JSON value). Reach into it with the indexer and convert the result to a
/// typed expression (<see cref="AsString"/>, <see cref="AsLong"/>...) to compare it.
/// </summary>
public sealed class KqlDynamic : KqlExpression
{
    internal KqlDynamic(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.Dynamic;

    /// <summary>A dynamic column.</summary>
    public static KqlDynamic Column(string name) => new(new ColumnNode(name));

    /// <summary><c>x['key']</c>: a property of a JSON object (the key is escaped).</summary>
    public KqlDynamic this[string key] => new(new MemberNode(Node, key));

    /// <summary><c>tostring(x)</c>.</summary>
    public KqlString AsString() => new(Call("tostring", this));

    /// <summary><c>tolong(x)</c>.</summary>
    public KqlLong AsLong() => new(Call("tolong", this));

    /// <summary><c>toint(x)</c>.</summary>
    public KqlInt AsInt() => new(Call("toint", this));

    /// <summary><c>toreal(x)</c>.</summary>
    public KqlReal AsReal() => new(Call("toreal", this));

    /// <summary><c>tobool(x)</c>.</summary>
    public KqlBool AsBool() => new(Call("tobool", this));

    /// <summary><c>todatetime(x)</c>.</summary>
    public KqlDateTime AsDateTime() => new(Call("todatetime", this));

    /// <summary><c>toguid(x)</c>.</summary>
    public KqlGuid AsGuid() => new(Call("toguid", this));

    /// <summary><c>array_length(x)</c>.</summary>
    public KqlLong ArrayLength() => new(Call("array_length", this));

    /// <summary><c>isnull(x)</c>.</summary>
    public KqlBool IsNull() => new(Call("isnull", this));

    /// <summary><c>isnotnull(x)</c>.</summary>
    public KqlBool IsNotNull() => new(Call("isnotnull", this));
}
