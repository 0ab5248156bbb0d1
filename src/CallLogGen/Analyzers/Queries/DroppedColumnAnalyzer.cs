using System.Collections.Immutable;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports a column read, through the table's generated columns (<c>t.Level</c>), by an operator after an earlier
/// operator of the same chain dropped it (CLG3003): <c>Project</c> and <c>Distinct</c> keep only their columns,
/// <c>Summarize</c> and <c>MakeSeries</c> only their groups and results, <c>ProjectAway</c> drops its columns. The
/// runtime builder throws for the same query when the operator is applied; this says so at build time.
/// <para>
/// The chain is interpreted by <see cref="QueryInterpreter"/>, shared with CLG2003 and CLG3002: from a table's generated
/// <c>Query()</c>, inline or through locals that hold their initializer, by KQL names, as the runtime does; a column that
/// an operator adds back (<c>Extend</c>, a renamed or computed column named like the dropped one) can be read again. Each
/// read is judged where it is written, once. Where the columns cannot be known it stops judging that chain: a query made
/// by a helper, a column list it cannot read (not a collection initializer, a column named from text that is not a
/// literal), <c>Join</c>, <c>Union</c>, raw KQL, multi-column aggregations.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DroppedColumnAnalyzer : QueryInvocationAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.QueryUsesDroppedColumn);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol queryType)
    {
        // Judge each chain once, from its last query call; its own operators only (a local's are judged where it is written).
        if (!IsQuery(invocation.TargetMethod.ContainingType, queryType)
            || invocation.Parent is IInvocationOperation outer && outer.Instance == invocation && IsQuery(outer.TargetMethod.ContainingType, queryType)
            || QueryInterpreter.Trace(invocation) is not { } trace)
        {
            return;
        }

        foreach (var step in trace.Steps)
        {
            if (step.Before is not { } before)
            {
                return; // From here on the columns are unknown.
            }

            // Walking an operator's arguments is the costly part; before any drop there is nothing to find.
            if (!step.IsOwn || !before.HasDropped)
            {
                continue;
            }

            foreach (var read in QueryInterpreter.Reads(step, trace.ColumnsType))
            {
                if (before.DroppedBy(read.KqlName) is { } dropper && trace.Table.Columns.ContainsKey(read.KqlName))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.QueryUsesDroppedColumn, read.Location, read.NameInCode, step.Operator.Name, dropper));
                }
            }
        }
    }
}
