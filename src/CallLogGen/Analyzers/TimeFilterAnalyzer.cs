using System.Collections.Immutable;
using System.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports a query rendered (<c>ToKql()</c>) without a filter on the table's <c>TimeGenerated</c> (CLG3002). It
/// follows the fluent chain back to the table's <c>Query()</c>; a chain it cannot follow (a query kept in a variable)
/// is given the benefit of the doubt. Time filters are <c>InTimeRange</c>, <c>InLast</c>, or a <c>Where</c> that
/// reads <c>TimeGenerated</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimeFilterAnalyzer : QueryInvocationAnalyzer
{
    private const string TimeColumn = GeneratedShape.TimeColumn;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.QueryWithoutTimeFilter);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol queryType)
    {
        if (!IsQueryMethod(invocation, "ToKql", queryType))
        {
            return;
        }

        for (var current = invocation.Instance; current is IInvocationOperation step; current = step.Instance)
        {
            switch (step.TargetMethod.Name)
            {
                case "InTimeRange":
                case "InLast":
                    return;
                case "Where" when step.Arguments.Any(a => ReadsTimeColumn(a.Value)):
                    return;
            }

            if (step.Instance is null)
            {
                // The start of the chain. Only a table's generated Query() says for sure that nothing filtered yet;
                // any other method returning a query (a helper) may have, so it gets the benefit of the doubt.
                if (IsGeneratedQueryStart(step.TargetMethod) && IsQuery(step.TargetMethod.ReturnType, queryType) && HasTimeColumn(step.TargetMethod.ReturnType))
                {
                    // The Query() call travels as an additional location: the code fix inserts the filter right after it.
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticCatalog.QueryWithoutTimeFilter, invocation.Syntax.GetLocation(), new[] { step.Syntax.GetLocation() }, step.TargetMethod.ContainingType.Name));
                }

                return;
            }
        }
    }

    // The columns class (KqlQuery<TColumns>) says whether the table has a time column to filter on.
    private static bool HasTimeColumn(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } query && query.TypeArguments[0].GetMembers(TimeColumn).Length > 0;

    private static bool ReadsTimeColumn(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o is IPropertyReferenceOperation { Property.Name: TimeColumn });
}
