using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers.Queries;

/// <summary>One operator of a traced query chain, with the columns the query has just before and just after it.</summary>
internal sealed class TracedStep
{
    public TracedStep(IInvocationOperation invocation, QueryOperator op, bool isOwn, ColumnState? before, ColumnState? after)
    {
        Invocation = invocation;
        Operator = op;
        IsOwn = isOwn;
        Before = before;
        After = after;
    }

    public IInvocationOperation Invocation { get; }

    public QueryOperator Operator { get; }

    /// <summary>
    /// Whether the step is written in the expression that was traced, rather than in the initializer of a local it reads
    /// (which is traced, and judged, where it is written).
    /// </summary>
    public bool IsOwn { get; }

    /// <summary>The columns before the step; null when they are not known (after a join, a union, raw KQL).</summary>
    public ColumnState? Before { get; }

    /// <summary>The columns after the step; null when they are not known.</summary>
    public ColumnState? After { get; }
}

/// <summary>A column an operator reads through the table's typed columns: where, by the name the code uses, and by its KQL name.</summary>
internal readonly struct ColumnRead
{
    public ColumnRead(Location location, string nameInCode, string kqlName)
    {
        Location = location;
        NameInCode = nameInCode;
        KqlName = kqlName;
    }

    public Location Location { get; }

    public string NameInCode { get; }

    public string KqlName { get; }
}

/// <summary>
/// A query chain from a table's generated <c>Query()</c>, interpreted (<see cref="QueryInterpreter.Trace"/>): its
/// operators in order, with the columns before and after each, as far as they can be known.
/// </summary>
internal sealed class QueryTrace
{
    public QueryTrace(IInvocationOperation start, INamedTypeSymbol columnsType, ColumnState table, IReadOnlyList<TracedStep> steps)
    {
        Start = start;
        ColumnsType = columnsType;
        Table = table;
        Steps = steps;
    }

    /// <summary>The generated <c>Query()</c> call the chain starts from.</summary>
    public IInvocationOperation Start { get; }

    /// <summary>The generated <c>KqlColumns</c> class of the table the chain starts from.</summary>
    public INamedTypeSymbol ColumnsType { get; }

    /// <summary>The C# name of the table's model.</summary>
    public string TableTypeName => ColumnsType.ContainingType?.Name ?? ColumnsType.Name;

    /// <summary>The table's columns.</summary>
    public ColumnState Table { get; }

    /// <summary>The operators, oldest first.</summary>
    public IReadOnlyList<TracedStep> Steps { get; }

    /// <summary>The columns the query returns; null when they are not known.</summary>
    public ColumnState? Result => Steps.Count == 0 ? Table : Steps[Steps.Count - 1].After;

    /// <summary>
    /// Whether some operator filters on the table's time column: <c>InTimeRange</c>, <c>InLast</c>, or a <c>Where</c> whose
    /// predicate reads it.
    /// </summary>
    public bool HasTimeFilter()
    {
        foreach (var step in Steps)
        {
            if (step.Operator.FiltersTime)
            {
                return true;
            }

            if (step.Operator.Name == QueryOperators.Where)
            {
                foreach (var read in QueryInterpreter.Reads(step, ColumnsType))
                {
                    if (read.KqlName == Shape.GeneratedShape.TimeColumn)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
