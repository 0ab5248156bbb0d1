using System.Collections.Immutable;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports a query rendered (<c>ToKql()</c>) without a filter on the table's <c>TimeGenerated</c> (CLG3002). The chain is
/// interpreted by <see cref="QueryInterpreter"/> (shared with CLG2003 and CLG3003): inline or through locals that hold their
/// initializer, back to the table's <c>Query()</c>. A query whose start it cannot see (a helper, which may have filtered)
/// is given the benefit of the doubt. Time filters are <c>InTimeRange</c>, <c>InLast</c>, or a <c>Where</c> that reads
/// <c>TimeGenerated</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimeFilterAnalyzer : QueryInvocationAnalyzer
{
    // The runtime's time filters need the time column to be a datetime.
    private static readonly string DateTimeName = KqlType.DateTime.ToKqlName();

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.QueryWithoutTimeFilter);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol queryType)
    {
        if (!IsQueryMethod(invocation, QueryOperators.ToKql, queryType)
            || QueryInterpreter.Trace(invocation) is not { } trace
            || !trace.Table.Columns.TryGetValue(GeneratedShape.TimeColumn, out var time)
            || time.Type != DateTimeName
            || trace.HasTimeFilter())
        {
            return;
        }

        // The Query() call travels as an additional location: the code fix inserts the filter right after it.
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticCatalog.QueryWithoutTimeFilter, invocation.Syntax.GetLocation(), new[] { trace.Start.Syntax.GetLocation() }, trace.TableTypeName));
    }
}
