using System;
using System.Collections.Generic;
using CallLogGen.Kql;

namespace CallLogGen.Azure.Query;

/// <summary>
/// Runs a typed query over one time window: a filter on the source table's <c>TimeGenerated</c>, half-open so
/// that adjacent windows never share a record, goes right after the table, before any operator. Only queries whose
/// operators each look at one row at a time give, window by window, the rows they give over the whole range; the
/// others (<c>summarize</c>, <c>top</c>, <c>take</c>, <c>distinct</c>, <c>order by</c>, <c>join</c>, <c>union</c>,
/// <c>make-series</c>, raw KQL) are refused.
/// </summary>
/// <remarks>
/// The builder writes a query one operator per line (<see cref="KqlLayout.MultiLine"/>): the table, then
/// <c>\n| operator</c> for each operator. Literals never hold a raw line break (the builder escapes it) and the
/// right-hand queries of <c>join</c> and <c>union</c> are written on one line, so in a query whose shape is known
/// (no raw operator) every <c>\n| </c> starts an operator.
/// </remarks>
internal static class TimeWindowQuery
{
    private const string OperatorBreak = "\n| ";

    /// <summary>The operators that keep or drop each row on its own, and so commute with a filter on the source's time.</summary>
    private static readonly HashSet<string> RowByRowOperators = new(StringComparer.Ordinal) { "where", "project", "project-away", "extend", "render" };

    /// <summary>Null when the query can be run window by window; else why not (the first operator that forbids it).</summary>
    public static string? FindBlocker(IKqlQuery query)
    {
        if (!query.IsShapeKnown)
        {
            return "a raw operator (AppendRawOperator), whose effect on the rows is unknown";
        }

        var text = query.ToKql(KqlLayout.MultiLine);
        var at = text.IndexOf(OperatorBreak, StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = at + OperatorBreak.Length;
            var next = text.IndexOf(OperatorBreak, start, StringComparison.Ordinal);
            var stage = next < 0 ? text.Substring(start) : text.Substring(start, next - start);
            var space = stage.IndexOf(' ');
            var name = space < 0 ? stage : stage.Substring(0, space);
            if (!RowByRowOperators.Contains(name))
            {
                return "'" + name + "', which works over all the rows of the range at once";
            }

            at = next;
        }

        return null;
    }

    /// <summary>The query's KQL restricted to <c>[start, end)</c> on the source table's <c>TimeGenerated</c>.</summary>
    public static string Restrict(IKqlQuery query, DateTimeOffset start, DateTimeOffset end)
    {
        var text = query.ToKql(KqlLayout.MultiLine);
        var at = text.IndexOf(OperatorBreak, StringComparison.Ordinal);
        var table = at < 0 ? text : text.Substring(0, at);
        var filter = OperatorBreak + "where TimeGenerated >= " + KqlLiteral.Render(start) + " and TimeGenerated < " + KqlLiteral.Render(end);
        return table + filter + (at < 0 ? string.Empty : text.Substring(at));
    }
}
