using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallLogGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CallLogGen.CodeFixes;

/// <summary>
/// Fixes CLG2001 by adding the missing required columns to the object initializer, each with a placeholder
/// (<c>""</c>, <c>default</c>) that CLG2002 then flags until a real value replaces it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingColumnsCodeFix)), Shared]
public sealed class AddMissingColumnsCodeFix : CodeFixProvider
{
    // The list of missing columns travels in the diagnostic's properties (DiagnosticCatalog.MissingColumnsProperty).
    private static readonly string DiagnosticId = DiagnosticCatalog.MissingRequiredColumn.Id;

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
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || node.FirstAncestorOrSelf<ObjectCreationExpressionSyntax>() is not { } creation
                || !diagnostic.Properties.TryGetValue(DiagnosticCatalog.MissingColumnsProperty, out var missing) || string.IsNullOrEmpty(missing))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add the missing required columns",
                    cancellationToken => AddColumnsAsync(context.Document, creation, missing!.Split(','), cancellationToken),
                    equivalenceKey: DiagnosticId),
                diagnostic);
        }
    }

    private static async Task<Document> AddColumnsAsync(Document document, ObjectCreationExpressionSyntax creation, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol type)
        {
            return document;
        }

        var assignments = new List<ExpressionSyntax>();
        foreach (var column in columns)
        {
            var property = type.GetMembers(column).OfType<IPropertySymbol>().FirstOrDefault();
            if (property is null)
            {
                continue;
            }

            assignments.Add(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(property.Name),
                Placeholder(property.Type)));
        }

        var initializer = creation.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
        var updated = initializer.WithExpressions(initializer.Expressions.AddRange(assignments));
        var newCreation = creation.WithInitializer(updated).WithAdditionalAnnotations(Formatter.Annotation);
        if (creation.ArgumentList is null)
        {
            newCreation = newCreation.WithType(newCreation.Type.WithTrailingTrivia(SyntaxFactory.Space));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(creation, newCreation));
    }

    // A value that compiles for the column's type and that CLG2002 reports, so it is not forgotten.
    private static ExpressionSyntax Placeholder(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty))
            : SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword));
}
