using System;

namespace CallLogGen.Kql;

/// <summary>
/// A KQL <c>datetime</c> expression (always UTC). Compare with <see cref="DateTimeOffset"/> values (converted to
/// UTC, 100 ns kept) or with <see cref="KqlFunctions.Ago"/> and <see cref="KqlFunctions.Now"/>.
/// </summary>
public sealed class KqlDateTime : KqlOrdered<KqlDateTime, DateTimeOffset>
{
    internal KqlDateTime(KqlNode node)
        : base(node)
    {
    }

    /// <inheritdoc/>
    public override KqlType Type => KqlType.DateTime;

    /// <summary>A datetime column.</summary>
    public static KqlDateTime Column(string name) => new(new ColumnNode(name));

    /// <summary>A datetime literal.</summary>
    public static KqlDateTime Value(DateTimeOffset value) => new(new LiteralNode(KqlLiteral.Render(value)));

    /// <summary><c>x + span</c>.</summary>
    public static KqlDateTime operator +(KqlDateTime left, TimeSpan right) => new(Arithmetic.Apply(left.Node, "+", new ValueNode<TimeSpan>(right, static (builder, value) => KqlLiteral.Append(builder, value))));

    /// <summary><c>x - span</c>.</summary>
    public static KqlDateTime operator -(KqlDateTime left, TimeSpan right) => new(Arithmetic.Apply(left.Node, "-", new ValueNode<TimeSpan>(right, static (builder, value) => KqlLiteral.Append(builder, value))));

    /// <summary><c>x - y</c>: the time between two datetimes.</summary>
    public static KqlTimeSpan operator -(KqlDateTime left, KqlDateTime right) => new(Arithmetic.Apply(left.Node, "-", right.Node));

    /// <summary><c>bin(x, span)</c>: rounds down to a multiple of <paramref name="span"/>, for time series.</summary>
    public KqlDateTime Bin(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "A bin size must be positive.");
        }

        return new(new CallNode("bin", Node, new ValueNode<TimeSpan>(span, static (builder, value) => KqlLiteral.Append(builder, value))));
    }

    /// <summary><c>startofday(x)</c>.</summary>
    public KqlDateTime StartOfDay() => new(Call("startofday", this));

    /// <summary><c>startofweek(x)</c>.</summary>
    public KqlDateTime StartOfWeek() => new(Call("startofweek", this));

    /// <summary><c>startofmonth(x)</c>.</summary>
    public KqlDateTime StartOfMonth() => new(Call("startofmonth", this));

    /// <summary><c>endofday(x)</c>.</summary>
    public KqlDateTime EndOfDay() => new(Call("endofday", this));

    internal override KqlNode Literal(DateTimeOffset value) => new ValueNode<DateTimeOffset>(value, AppendValue);

    private static readonly System.Action<System.Text.StringBuilder, DateTimeOffset> AppendValue = (builder, value) => KqlLiteral.Append(builder, value);
}
