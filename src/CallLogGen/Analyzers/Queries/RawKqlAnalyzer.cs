using System.Collections.Immutable;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports raw KQL built from text that is not a compile-time constant (CLG3001): interpolation, concatenation
/// with a variable, a parameter. That is how values get into a query unescaped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawKqlAnalyzer : QueryInvocationAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.RawKqlFromNonConstantText);

    private protected override void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol queryType)
    {
        if (!IsQueryMethod(invocation, QueryOperators.AppendRawOperator, queryType) || invocation.Arguments.Length != 1)
        {
            return;
        }

        var argument = invocation.Arguments[0].Value;
        if (argument.ConstantValue.HasValue)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.RawKqlFromNonConstantText, argument.Syntax.GetLocation(), Describe(argument)));
    }

    private static string Describe(IOperation argument) => argument switch
    {
        IInterpolatedStringOperation => "an interpolated string",
        IBinaryOperation => "a concatenation",
        ILocalReferenceOperation local => "the variable '" + local.Local.Name + "'",
        IParameterReferenceOperation parameter => "the parameter '" + parameter.Parameter.Name + "'",
        _ => "a computed value",
    };
}
