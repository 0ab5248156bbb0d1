using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// What the query rules share: they look at method calls on <c>KqlQuery&lt;T&gt;</c>, and only in projects that
/// use CallLogGen's runtime. Subclasses judge one invocation.
/// </summary>
public abstract class QueryInvocationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var queryType = start.Compilation.GetTypeByMetadataName(GeneratedShape.KqlQueryType.MetadataName);
            if (queryType is null)
            {
                return; // The project does not use CallLogGen's runtime: nothing to check.
            }

            start.RegisterOperationAction(operation => AnalyzeInvocation(operation, (IInvocationOperation)operation.Operation, queryType), OperationKind.Invocation);
        });
    }

    /// <summary>Judges one invocation; <paramref name="queryType"/> is <c>KqlQuery&lt;T&gt;</c>'s definition.</summary>
    private protected abstract void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol queryType);

    private protected static bool IsQuery(ITypeSymbol? type, INamedTypeSymbol queryType) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, queryType);

    private protected static bool IsQueryMethod(IInvocationOperation invocation, string name, INamedTypeSymbol queryType) =>
        invocation.TargetMethod.Name == name && IsQuery(invocation.TargetMethod.ContainingType, queryType);
}
