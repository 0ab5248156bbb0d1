using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CallLogGen.CodeFixes;

/// <summary>
/// Fixes CLG3002 by filtering the query to the last day right after the table's <c>Query()</c>:
/// <c>Query().InLast(TimeSpan.FromDays(1))</c>. The type is written fully qualified and simplified to the file's
/// usings, so it compiles whatever the file imports. A day is a starting point to adjust, not a recommendation.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTimeFilterCodeFix)), Shared]
public sealed class AddTimeFilterCodeFix : CodeFixProvider
{
    // The diagnostic's first additional location is the chain's Query() call.
    private static readonly string DiagnosticId = DiagnosticCatalog.QueryWithoutTimeFilter.Id;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 0
                || root?.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not { } node
                || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } start)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Filter to the last day (InLast)",
                    cancellationToken => AddFilterAsync(context.Document, start, cancellationToken),
                    equivalenceKey: DiagnosticId),
                diagnostic);
        }
    }

    private static async Task<Document> AddFilterAsync(Document document, InvocationExpressionSyntax start, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // global::System.TimeSpan, reduced to TimeSpan where the file has `using System;` (parsed, so that the tree
        // has the shape the same text would have when typed).
        var lastDay = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression("global::System.TimeSpan.FromDays(1)");
        var timeSpan = ((MemberAccessExpressionSyntax)lastDay.Expression).Expression;
        lastDay = lastDay.ReplaceNode(timeSpan, timeSpan.WithAdditionalAnnotations(Simplifier.Annotation));

        // The filter goes on the same line as Query(); what followed Query() (a line break before the next
        // operator) follows the filter instead.
        var filtered = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, start.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName(QueryOperators.InLast)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lastDay))))
            .WithTrailingTrivia(start.GetTrailingTrivia());

        return document.WithSyntaxRoot(root.ReplaceNode(start, filtered));
    }
}
