using System.Collections.Immutable;
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
public sealed class RawKqlAnalyzer : DiagnosticAnalyzer
{
    private const string QueryTypeName = "CallLogGen.Kql.KqlQuery`1";
    private const string RawMethodName = "AppendRawOperator";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.RawKqlFromNonConstantText);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var queryType = start.Compilation.GetTypeByMetadataName(QueryTypeName);
            if (queryType is null)
            {
                return;
            }

            start.RegisterOperationAction(operation => Analyze(operation, queryType), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol queryType)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != RawMethodName
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType.OriginalDefinition, queryType)
            || invocation.Arguments.Length != 1)
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
