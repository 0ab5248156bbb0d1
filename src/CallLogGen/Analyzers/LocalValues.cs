using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// The one answer the analyzers give to "what does this local hold where it is read?": its initializer, when it is
/// declared once with one and nothing in its scope can write it again. Writes are assignments (simple, compound,
/// <c>??=</c>), deconstructions, <c>ref</c> and <c>out</c> arguments, <c>ref</c> aliases, increments and address-of,
/// anywhere in the scope (lambdas and local functions included). Queries and typed columns are immutable, so such a
/// local is its initializer's value wherever it is read; any other local is not known.
/// </summary>
internal static class LocalValues
{
    // The scan of a local's scope is not kept: a table of answers per symbol (a ConditionalWeakTable) cost more than the
    // scans it saved, because every local's first entry takes the table's lock while the compiler runs analyzers on
    // several threads (docs/performance.md, "Analyzers' share of a build"). The scan compares names before it binds.
    /// <summary>The operation the local <paramref name="reference"/> reads holds there; null where that is not known.</summary>
    public static IOperation? InitialValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != reference.Syntax.SyntaxTree
            || reference.SemanticModel is not { } model)
        {
            return null;
        }

        return IsWrittenAgain(local, declarator, model) ? null : model.GetOperation(value);
    }

    private static bool IsWrittenAgain(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel model)
    {
        var name = declarator.Identifier.ValueText;
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.SyntaxTree.GetRoot();
        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier
                && identifier.Identifier.ValueText == name
                && IsWritePosition(identifier)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritePosition(IdentifierNameSyntax identifier)
    {
        SyntaxNode child = identifier;
        for (var parent = identifier.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ArgumentSyntax argument:
                    if (argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
                    {
                        return true; // `ref q`, `out q`
                    }

                    continue; // Maybe an element of a deconstruction target: `(q, x) = ...`.
                case TupleExpressionSyntax:
                case ParenthesizedExpressionSyntax:
                    continue;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == child;
                case RefExpressionSyntax:
                    return true; // `ref var alias = ref q;`
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression);
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                default:
                    return false;
            }
        }

        return false;
    }
}
