using System.Collections.Generic;
using System.Collections.Immutable;
using CallLogGen.Diagnostics;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports a column read, through the table's generated columns (<c>t.Level</c>), by an operator after an earlier
/// operator of the same chain dropped it (CLG3003): <c>Project</c> and <c>Distinct</c> keep only their columns,
/// <c>Summarize</c> and <c>MakeSeries</c> only their groups and results, <c>ProjectAway</c> drops its columns. The
/// runtime builder throws for the same query when the operator is applied; this says so at build time.
/// <para>
/// It follows a fluent chain from a table's generated <c>Query()</c>, and tracks the columns by their KQL names, as
/// the runtime does (<see cref="QueryChain"/>, shared with CLG2003): a column that an operator adds back (<c>Extend</c>, a renamed or computed column named like the
/// dropped one) can be read again. Where it cannot know the columns, it stops judging that chain: a query kept in a
/// variable or made by a helper, a column list it cannot read (not a collection initializer, a column named from
/// text that is not a literal), <c>Join</c>, <c>Union</c>, raw KQL, multi-column aggregations.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DroppedColumnAnalyzer : QueryInvocationAnalyzer
{
    private const string TimeColumn = GeneratedShape.TimeColumn;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.QueryUsesDroppedColumn);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol queryType)
    {
        // Judge each chain once, from its last query call.
        if (!IsQuery(invocation.TargetMethod.ContainingType, queryType)
            || invocation.Parent is IInvocationOperation outer && outer.Instance == invocation && IsQuery(outer.TargetMethod.ContainingType, queryType))
        {
            return;
        }

        var steps = new List<IInvocationOperation>();
        IOperation? current = invocation;
        while (current is IInvocationOperation step && step.Instance is not null)
        {
            if (!IsQuery(step.TargetMethod.ContainingType, queryType))
            {
                return;
            }

            steps.Add(step);
            current = step.Instance;
        }

        if (QueryChain.StartColumns(current) is not { } columnsType)
        {
            return; // Not from a table's Query(): the columns at the start are unknown.
        }

        steps.Reverse();
        var chain = new QueryChain(columnsType);
        foreach (var step in steps)
        {
            if (chain.HasDropped)
            {
                // Walking an operator's arguments is the costly part; before any drop there is nothing to find.
                CheckReads(context, chain, step);
            }

            if (!chain.Apply(step))
            {
                return; // From here on the columns are unknown.
            }
        }
    }

    private static void CheckReads(OperationAnalysisContext context, QueryChain chain, IInvocationOperation step)
    {
        var name = step.TargetMethod.Name;
        if (name is "InTimeRange" or "InLast" && chain.DroppedBy(TimeColumn) is { } timeDropper && chain.HasProperty(TimeColumn))
        {
            // The time filters read TimeGenerated themselves.
            var where = step.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : step.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.QueryUsesDroppedColumn, where, TimeColumn, name, timeDropper));
        }

        foreach (var argument in step.Arguments)
        {
            var assignedTo = new HashSet<IOperation>();
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "Is" or "IsSeriesOf", Arguments.Length: 2 } assignment && QueryChain.IsKqlType(assignment.TargetMethod.ContainingType))
                {
                    assignedTo.Add(QueryChain.Unwrap(assignment.Arguments[0].Value)); // `t.Level.Is(...)` names a column; it does not read it.
                }

                if (operation is IPropertyReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, chain.ColumnsType)
                    && !assignedTo.Contains(reference)
                    && chain.DroppedBy(QueryChain.KqlName(reference.Property)) is { } dropper)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.QueryUsesDroppedColumn, reference.Syntax.GetLocation(), reference.Property.Name, name, dropper));
                }
            }
        }
    }
}
