using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>
/// A typed KQL scalar expression: a column, a literal, or something computed from them. Which operators and
/// functions compile depends on the subtype, so a string operator on a number, or a comparison with a value of
/// the wrong type, is a compile error. Values always enter through <see cref="KqlLiteral"/>, so they are escaped.
/// </summary>
public abstract class KqlExpression
{
    private protected KqlExpression(KqlNode node) => Node = node;

    /// <summary>The KQL type the expression evaluates to.</summary>
    public abstract KqlType Type { get; }

    internal KqlNode Node { get; }

    /// <summary>The column names this expression reads.</summary>
    public IReadOnlyCollection<string> Columns
    {
        get
        {
            var columns = new List<string>();
            Node.CollectColumns(columns);
            return columns;
        }
    }

    /// <summary>The expression as KQL text.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Node.Write(builder);
        return builder.ToString();
    }

    internal static KqlNode Call(string function, params KqlExpression[] arguments)
    {
        var nodes = new KqlNode[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            nodes[i] = arguments[i].Node;
        }

        return new CallNode(function, nodes);
    }
}

/// <summary>
/// Expressions of one KQL type that compare with each other and with CLR values of <typeparamref name="TValue"/>.
/// The operators here are shared by every scalar type; each subtype adds its own.
/// </summary>
/// <typeparam name="TSelf">The expression type itself.</typeparam>
/// <typeparam name="TValue">The CLR type whose values it compares with.</typeparam>
public abstract class KqlScalar<TSelf, TValue> : KqlExpression
    where TSelf : KqlScalar<TSelf, TValue>
{
    private protected KqlScalar(KqlNode node)
        : base(node)
    {
    }

    /// <summary><c>x == value</c>.</summary>
    public static KqlBool operator ==(KqlScalar<TSelf, TValue> left, TValue right) => left.Compare("==", right);

    /// <summary><c>x != value</c>.</summary>
    public static KqlBool operator !=(KqlScalar<TSelf, TValue> left, TValue right) => left.Compare("!=", right);

    /// <summary><c>x == y</c> for two expressions of the same type.</summary>
    public static KqlBool operator ==(KqlScalar<TSelf, TValue> left, TSelf right) => left.Compare("==", right);

    /// <summary><c>x != y</c> for two expressions of the same type.</summary>
    public static KqlBool operator !=(KqlScalar<TSelf, TValue> left, TSelf right) => left.Compare("!=", right);

    /// <summary><c>x in (a, b, c)</c>; every value is escaped.</summary>
    public KqlBool In(params TValue[] values) => InList("in", values);

    /// <summary><c>x in (a, b, c)</c>; every value is escaped.</summary>
    public KqlBool In(IEnumerable<TValue> values) => InList("in", values);

    /// <summary><c>x !in (a, b, c)</c>; every value is escaped.</summary>
    public KqlBool NotIn(params TValue[] values) => InList("!in", values);

    /// <summary><c>x !in (a, b, c)</c>; every value is escaped.</summary>
    public KqlBool NotIn(IEnumerable<TValue> values) => InList("!in", values);

    /// <summary><c>isnull(x)</c>: the record has no value for the column.</summary>
    public KqlBool IsNull() => new(Call("isnull", this));

    /// <summary><c>isnotnull(x)</c>.</summary>
    public KqlBool IsNotNull() => new(Call("isnotnull", this));

    /// <summary>Renders a value of this type; every value of a query passes through here.</summary>
    internal abstract KqlNode Literal(TValue value);

    internal KqlBool Compare(string op, TValue value) => new(new BinaryNode(Node, op, Literal(value), KqlPrecedence.Comparison));

    internal KqlBool Compare(string op, KqlExpression other) => new(new BinaryNode(Node, op, other.Node, KqlPrecedence.Comparison));

    internal KqlBool InList(string op, IEnumerable<TValue> values)
    {
        if (values is null)
        {
            throw new System.ArgumentNullException(nameof(values));
        }

        var items = new List<KqlNode>();
        foreach (var value in values)
        {
            items.Add(Literal(value));
        }

        if (items.Count == 0)
        {
            // `x in ()` is not KQL: nothing is in an empty list, and everything is outside it.
            return new KqlBool(new LiteralNode(op == "!in" ? "true" : "false"));
        }

        return new KqlBool(new ListOperatorNode(Node, op, items.ToArray()));
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>Scalars with an order: numbers, datetimes, timespans. Adds comparisons and <c>between</c>.</summary>
/// <typeparam name="TSelf">The expression type itself.</typeparam>
/// <typeparam name="TValue">The CLR type whose values it compares with.</typeparam>
public abstract class KqlOrdered<TSelf, TValue> : KqlScalar<TSelf, TValue>
    where TSelf : KqlOrdered<TSelf, TValue>
{
    private protected KqlOrdered(KqlNode node)
        : base(node)
    {
    }

    /// <summary><c>x &lt; value</c>.</summary>
    public static KqlBool operator <(KqlOrdered<TSelf, TValue> left, TValue right) => left.Compare("<", right);

    /// <summary><c>x &gt; value</c>.</summary>
    public static KqlBool operator >(KqlOrdered<TSelf, TValue> left, TValue right) => left.Compare(">", right);

    /// <summary><c>x &lt;= value</c>.</summary>
    public static KqlBool operator <=(KqlOrdered<TSelf, TValue> left, TValue right) => left.Compare("<=", right);

    /// <summary><c>x &gt;= value</c>.</summary>
    public static KqlBool operator >=(KqlOrdered<TSelf, TValue> left, TValue right) => left.Compare(">=", right);

    /// <summary><c>x &lt; y</c>.</summary>
    public static KqlBool operator <(KqlOrdered<TSelf, TValue> left, TSelf right) => left.Compare("<", right);

    /// <summary><c>x &gt; y</c>.</summary>
    public static KqlBool operator >(KqlOrdered<TSelf, TValue> left, TSelf right) => left.Compare(">", right);

    /// <summary><c>x &lt;= y</c>.</summary>
    public static KqlBool operator <=(KqlOrdered<TSelf, TValue> left, TSelf right) => left.Compare("<=", right);

    /// <summary><c>x &gt;= y</c>.</summary>
    public static KqlBool operator >=(KqlOrdered<TSelf, TValue> left, TSelf right) => left.Compare(">=", right);

    /// <summary><c>x between (low .. high)</c>: both ends included. For adjacent windows use <c>x &gt;= a and x &lt; b</c>.</summary>
    public KqlBool Between(TValue low, TValue high) =>
        new(new ListOperatorNode(Node, "between", new[] { Literal(low), Literal(high) }, " .. "));

    /// <summary><c>x between (low .. high)</c> with expressions for the ends; both ends included.</summary>
    public KqlBool Between(TSelf low, TSelf high) =>
        new(new ListOperatorNode(Node, "between", new[] { low.Node, high.Node }, " .. "));
}
