using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CallLogGen.Diagnostics;
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
/// the runtime does: a column that an operator adds back (<c>Extend</c>, a renamed or computed column named like the
/// dropped one) can be read again. Where it cannot know the columns, it stops judging that chain: a query kept in a
/// variable or made by a helper, a column list it cannot read (not a collection initializer, a column named from
/// text that is not a literal), <c>Join</c>, <c>Union</c>, raw KQL, multi-column aggregations.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DroppedColumnAnalyzer : QueryInvocationAnalyzer
{
    private const string TimeColumn = "TimeGenerated";

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

        if (current is not IInvocationOperation start
            || !IsGeneratedQueryStart(start.TargetMethod)
            || start.TargetMethod.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } startType
            || !IsQuery(startType, queryType)
            || startType.TypeArguments[0] is not INamedTypeSymbol columnsType)
        {
            return; // Not from a table's Query(): the columns at the start are unknown.
        }

        steps.Reverse();
        var chain = new Chain(columnsType);
        foreach (var step in steps)
        {
            CheckReads(context, chain, step);
            if (!chain.Apply(step))
            {
                return; // From here on the columns are unknown.
            }
        }
    }

    private static void CheckReads(OperationAnalysisContext context, Chain chain, IInvocationOperation step)
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
                if (operation is IInvocationOperation { TargetMethod.Name: "Is" or "IsSeriesOf", Arguments.Length: 2 } assignment && IsKqlType(assignment.TargetMethod.ContainingType))
                {
                    assignedTo.Add(Unwrap(assignment.Arguments[0].Value)); // `t.Level.Is(...)` names a column; it does not read it.
                }

                if (operation is IPropertyReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, chain.ColumnsType)
                    && !assignedTo.Contains(reference)
                    && chain.DroppedBy(Chain.KqlName(reference.Property)) is { } dropper)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.QueryUsesDroppedColumn, reference.Syntax.GetLocation(), reference.Property.Name, name, dropper));
                }
            }
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsKqlType(INamedTypeSymbol? type) =>
        type is { ContainingNamespace: { Name: "Kql", ContainingNamespace: { Name: "CallLogGen", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>The columns a chain has after each operator, by KQL name, and which operator dropped each missing one.</summary>
    private sealed class Chain
    {
        private readonly Dictionary<string, string> _droppedBy = new(System.StringComparer.Ordinal);
        private HashSet<string>? _present; // null: the table's columns, untouched

        public Chain(INamedTypeSymbol columnsType) => ColumnsType = columnsType;

        public INamedTypeSymbol ColumnsType { get; }

        public string? DroppedBy(string kqlName) => _droppedBy.TryGetValue(kqlName, out var op) ? op : null;

        public bool HasProperty(string kqlName) => TableColumns().Contains(kqlName);

        /// <summary>Moves the chain past <paramref name="step"/>; false when the columns after it cannot be known.</summary>
        public bool Apply(IInvocationOperation step)
        {
            var name = step.TargetMethod.Name;
            switch (name)
            {
                case "Where":
                case "InTimeRange":
                case "InLast":
                case "OrderBy":
                case "Top":
                case "Take":
                case "Render":
                case "ToKql":
                case "ToString":
                    return true;
                case "Project":
                case "Distinct":
                    return Argument(step, "columns") is { } kept && ColumnNames(kept) is { } keptNames && Replace(keptNames, name);
                case "ProjectAway":
                    if (Argument(step, "columns") is not { } away || ColumnNames(away) is not { } awayNames)
                    {
                        return false;
                    }

                    var remaining = new HashSet<string>(Present(), System.StringComparer.Ordinal);
                    remaining.ExceptWith(awayNames);
                    return Replace(remaining, name);
                case "Extend":
                    if (Argument(step, "columns") is not { } added || ColumnNames(added) is not { } addedNames)
                    {
                        return false;
                    }

                    var extended = new HashSet<string>(Present(), System.StringComparer.Ordinal);
                    extended.UnionWith(addedNames);
                    return Replace(extended, name);
                case "Summarize":
                case "MakeSeries":
                    var output = new List<string>();
                    foreach (var part in new[] { "aggregates", "by", "axis" })
                    {
                        var value = Argument(step, part);
                        if (value is null || IsNull(value))
                        {
                            continue; // No `by`; Summarize has no axis.
                        }

                        if (ColumnNames(value) is not { } names)
                        {
                            return false;
                        }

                        output.AddRange(names);
                    }

                    return Replace(output, name);
                default:
                    return false; // Join, Union, AppendRawOperator, anything newer: the columns after it are not known here.
            }
        }

        // The columns after a narrowing operator: what was there and is not any more was dropped by it.
        private bool Replace(IEnumerable<string> after, string op)
        {
            var next = new HashSet<string>(after, System.StringComparer.Ordinal);
            foreach (var column in Present())
            {
                if (!next.Contains(column))
                {
                    _droppedBy[column] = op;
                }
            }

            foreach (var column in next)
            {
                _droppedBy.Remove(column);
            }

            _present = next;
            return true;
        }

        private HashSet<string> Present() => _present ??= TableColumns();

        private HashSet<string> TableColumns()
        {
            var columns = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in ColumnsType.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } property)
                {
                    columns.Add(KqlName(property));
                }
            }

            return columns;
        }

        private static IOperation? Argument(IInvocationOperation step, string parameter) =>
            step.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;

        private static bool IsNull(IOperation value) => Unwrap(value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } || value.ConstantValue is { HasValue: true, Value: null };

        /// <summary>
        /// The names of the columns a lambda's column list makes: <c>t =&gt; new KqlProjection { t.A, b.Is(...) }</c>,
        /// or the one column a lambda returns (<c>t =&gt; t.TimeGenerated</c>). Null when they cannot be read.
        /// </summary>
        private List<string>? ColumnNames(IOperation argument)
        {
            if (Unwrap(argument) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                || lambda.Body.Operations.Length != 1
                || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
            {
                return null;
            }

            if (Unwrap(returned) is not IObjectCreationOperation creation)
            {
                return ColumnName(returned) is { } single ? new List<string> { single } : null;
            }

            var names = new List<string>();
            foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (initializer is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
                {
                    return null;
                }

                var item = Unwrap(add.Arguments[0].Value);
                var name = item is IInvocationOperation { TargetMethod.Name: "Is" or "IsSeriesOf", Arguments.Length: 2 } assignment && IsKqlType(assignment.TargetMethod.ContainingType)
                    ? ColumnName(assignment.Arguments[0].Value)
                    : ColumnName(item); // A KqlMultiAggregate (arg_max, percentiles) has no single name: null.
                if (name is null)
                {
                    return null;
                }

                names.Add(name);
            }

            return names;
        }

        /// <summary>The KQL name of a column handle: <c>t.Level</c>, <c>KqlLong.Column("Failures")</c>, or a local or readonly field made so.</summary>
        private string? ColumnName(IOperation operation)
        {
            switch (Unwrap(operation))
            {
                case IPropertyReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, ColumnsType):
                    return KqlName(reference.Property);
                case IInvocationOperation { TargetMethod: { Name: "Column", IsStatic: true }, Arguments.Length: 1 } call when IsKqlType(call.TargetMethod.ContainingType):
                    return call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                case ILocalReferenceOperation local:
                    return local.Local.DeclaringSyntaxReferences.Length == 1
                        && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator
                        && !IsAssignedAgain(declarator)
                        ? ColumnNameFromSyntax(declarator.Initializer?.Value)
                        : null;
                case IFieldReferenceOperation { Field: { IsReadOnly: true, DeclaringSyntaxReferences.Length: 1 } field }:
                    return field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax fieldDeclarator
                        ? ColumnNameFromSyntax(fieldDeclarator.Initializer?.Value)
                        : null;
                default:
                    return null;
            }
        }

        // A local read as `var failures = KqlLong.Column("Failures");` is that column only if nothing assigns it later.
        private static bool IsAssignedAgain(VariableDeclaratorSyntax declarator)
        {
            var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return scope is null || scope.DescendantNodes().Any(n =>
                n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } && target.Identifier.ValueText == declarator.Identifier.ValueText
                || n is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == declarator.Identifier.ValueText);
        }

        /// <summary>The KQL name of a generated column property, from its initializer (<c>KqlString.Column("URI")</c>); else its C# name.</summary>
        public static string KqlName(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer.Value: var value } && ColumnNameFromSyntax(value) is { } name)
                {
                    return name;
                }
            }

            return property.Name;
        }

        // `<anything>.Column("literal")`, read from syntax: generated properties and fields live in other files.
        private static string? ColumnNameFromSyntax(ExpressionSyntax? expression) =>
            expression is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Column" },
                ArgumentList.Arguments: { Count: 1 } arguments,
            }
            && arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string name }
                ? name
                : null;
    }
}
