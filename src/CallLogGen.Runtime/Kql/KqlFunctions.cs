using System;

namespace CallLogGen.Kql;

/// <summary>KQL functions that belong to no column: time, and the aggregations for <c>summarize</c>.</summary>
public static class KqlFunctions
{
    /// <summary><c>ago(span)</c>: now minus <paramref name="span"/>.</summary>
    public static KqlDateTime Ago(TimeSpan span) => new(new CallNode("ago", new ValueNode<TimeSpan>(span, static (builder, value) => KqlLiteral.Append(builder, value))));

    /// <summary><c>now()</c>.</summary>
    public static KqlDateTime Now() => new(new CallNode("now"));

    /// <summary>
    /// The key of a join: a column of the left query and the column of the right one it must equal. Both are the
    /// same expression type, or the call does not compile (a string never joins a long).
    /// </summary>
    public static KqlJoinKey On<T>(T left, T right)
        where T : KqlExpression =>
        new(KqlAssignments.NameOf(left), KqlAssignments.NameOf(right));

    /// <summary><c>count()</c>: the number of records.</summary>
    public static KqlAggregate<KqlLong> Count() => new(new CallNode("count"), KqlType.Long);

    /// <summary><c>countif(predicate)</c>.</summary>
    public static KqlAggregate<KqlLong> CountIf(KqlBool predicate) => new(new CallNode("countif", predicate.Node), KqlType.Long);

    /// <summary><c>dcount(x)</c>: the estimated number of distinct values.</summary>
    public static KqlAggregate<KqlLong> DCount(KqlExpression expression) => new(new CallNode("dcount", expression.Node), KqlType.Long);

    /// <summary><c>sum(x)</c>; KQL sums ints and longs as long, reals as real, decimals as decimal.</summary>
    public static KqlAggregate<KqlLong> Sum(KqlInt expression) => new(new CallNode("sum", expression.Node), KqlType.Long);

    /// <summary><c>sum(x)</c>.</summary>
    public static KqlAggregate<KqlLong> Sum(KqlLong expression) => new(new CallNode("sum", expression.Node), KqlType.Long);

    /// <summary><c>sum(x)</c>.</summary>
    public static KqlAggregate<KqlReal> Sum(KqlReal expression) => new(new CallNode("sum", expression.Node), KqlType.Real);

    /// <summary><c>sum(x)</c>.</summary>
    public static KqlAggregate<KqlDecimal> Sum(KqlDecimal expression) => new(new CallNode("sum", expression.Node), KqlType.Decimal);

    /// <summary><c>avg(x)</c>, a real (a decimal for decimals).</summary>
    public static KqlAggregate<KqlReal> Avg(IKqlNumeric expression) => new(new CallNode("avg", expression.Expression.Node), KqlType.Real);

    /// <summary><c>min(x)</c>.</summary>
    public static KqlAggregate<T> Min<T>(T expression)
        where T : KqlExpression => new(new CallNode("min", expression.Node), expression.Type);

    /// <summary><c>max(x)</c>.</summary>
    public static KqlAggregate<T> Max<T>(T expression)
        where T : KqlExpression => new(new CallNode("max", expression.Node), expression.Type);

    /// <summary><c>percentile(x, p)</c>, with <paramref name="percentile"/> from 0 to 100; of ints and longs it is a long.</summary>
    public static KqlAggregate<KqlLong> Percentile(KqlInt expression, double percentile) => new(PercentileOf(expression, percentile), KqlType.Long);

    /// <summary><c>percentile(x, p)</c>, with <paramref name="percentile"/> from 0 to 100.</summary>
    public static KqlAggregate<KqlLong> Percentile(KqlLong expression, double percentile) => new(PercentileOf(expression, percentile), KqlType.Long);

    /// <summary><c>percentile(x, p)</c>, with <paramref name="percentile"/> from 0 to 100.</summary>
    public static KqlAggregate<KqlReal> Percentile(KqlReal expression, double percentile) => new(PercentileOf(expression, percentile), KqlType.Real);

    /// <summary><c>percentile(x, p)</c>, with <paramref name="percentile"/> from 0 to 100.</summary>
    public static KqlAggregate<KqlDateTime> Percentile(KqlDateTime expression, double percentile) => new(PercentileOf(expression, percentile), KqlType.DateTime);

    private static CallNode PercentileOf(KqlExpression expression, double percentile)
    {
        if (double.IsNaN(percentile) || percentile < 0 || percentile > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is from 0 to 100.");
        }

        return new CallNode("percentile", expression.Node, new LiteralNode(KqlLiteral.Render(percentile)));
    }

    /// <summary>
    /// <c>arg_max(x, a, b)</c>: per group, the record with the largest <paramref name="maximize"/>, as columns
    /// x, a, b (named after the columns).
    /// </summary>
    public static KqlMultiAggregate ArgMax(KqlExpression maximize, params KqlExpression[] columns) => ArgExtreme("arg_max", maximize, columns);

    /// <summary><c>arg_min(x, a, b)</c>: per group, the record with the smallest <paramref name="minimize"/>.</summary>
    public static KqlMultiAggregate ArgMin(KqlExpression minimize, params KqlExpression[] columns) => ArgExtreme("arg_min", minimize, columns);

    /// <summary><c>percentiles(x, p1, p2...)</c>: one column per percentile, named <c>percentile_x_p</c>.</summary>
    public static KqlMultiAggregate Percentiles(IKqlNumeric expression, params double[] percentiles)
    {
        var column = KqlAssignments.NameOf(expression.Expression);
        if (percentiles is null || percentiles.Length == 0)
        {
            throw new ArgumentException("percentiles needs at least one percentile.", nameof(percentiles));
        }

        var type = expression.Expression.Type is KqlType.Int or KqlType.Long ? KqlType.Long : KqlType.Real;
        var nodes = new KqlNode[percentiles.Length + 1];
        nodes[0] = expression.Expression.Node;
        var outputs = new KqlResultColumn[percentiles.Length];
        for (var i = 0; i < percentiles.Length; i++)
        {
            nodes[i + 1] = PercentileOf(expression.Expression, percentiles[i]).Arguments[1];
            var text = KqlLiteral.Render(percentiles[i]);
            text = text.EndsWith(".0", StringComparison.Ordinal) ? text.Substring(0, text.Length - 2) : text;
            outputs[i] = new KqlResultColumn("percentile_" + column + "_" + text.Replace('.', '_'), type);
        }

        return new KqlMultiAggregate(new CallNode("percentiles", nodes), outputs);
    }

    private static KqlMultiAggregate ArgExtreme(string function, KqlExpression extreme, KqlExpression[] columns)
    {
        var nodes = new KqlNode[columns.Length + 1];
        var outputs = new KqlResultColumn[columns.Length + 1];
        nodes[0] = extreme.Node;
        outputs[0] = new KqlResultColumn(KqlAssignments.NameOf(extreme), extreme.Type);
        for (var i = 0; i < columns.Length; i++)
        {
            nodes[i + 1] = columns[i].Node;
            outputs[i + 1] = new KqlResultColumn(KqlAssignments.NameOf(columns[i]), columns[i].Type);
        }

        return new KqlMultiAggregate(new CallNode(function, nodes), outputs);
    }

    /// <summary><c>make_list(x)</c>: the values as a dynamic array.</summary>
    public static KqlAggregate<KqlDynamic> MakeList(KqlExpression expression) => new(new CallNode("make_list", expression.Node), KqlType.Dynamic);

    /// <summary><c>make_set(x)</c>: the distinct values as a dynamic array.</summary>
    public static KqlAggregate<KqlDynamic> MakeSet(KqlExpression expression) => new(new CallNode("make_set", expression.Node), KqlType.Dynamic);

    /// <summary><c>take_any(x)</c>: any one value.</summary>
    public static KqlAggregate<T> TakeAny<T>(T expression)
        where T : KqlExpression => new(new CallNode("take_any", expression.Node), expression.Type);
}
