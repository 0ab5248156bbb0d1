using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using CallLogGen.Model;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// The columns a fluent query chain from a table's generated <c>Query()</c> has after each operator, by KQL name and,
/// where the code says, KQL type, and which operator dropped each missing one. It mirrors the runtime builder's
/// result shape (<c>KqlQuery&lt;T&gt;.ResultColumns</c>): <c>Project</c> and <c>Distinct</c> keep only their columns,
/// <c>Summarize</c> and <c>MakeSeries</c> only their groups and results, <c>ProjectAway</c> drops its columns,
/// <c>Extend</c> adds or replaces columns. Where it cannot know the columns (<c>Join</c>, <c>Union</c>, raw KQL, a
/// column list it cannot read), <see cref="Apply"/> says so and the chain is not judged further.
/// </summary>
internal sealed class QueryChain
{
    private const int MaxLocalHops = 8;

    private static readonly string DynamicName = KqlType.Dynamic.ToKqlName();

    // Every chain over a table needs the same columns, so they are kept per symbol (symbols belong to one compilation;
    // weak keys let them go with it). The cached dictionaries are never changed: operators build new ones.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Dictionary<string, ResultColumn>> ColumnsOfTable = new();
    private static readonly ConditionalWeakTable<IPropertySymbol, string> KqlNames = new();

    private readonly Dictionary<string, string> _droppedBy = new(System.StringComparer.Ordinal);
    private Dictionary<string, ResultColumn>? _present; // null: the table's columns, untouched

    public QueryChain(INamedTypeSymbol columnsType) => ColumnsType = columnsType;

    /// <summary>The generated <c>KqlColumns</c> class of the table the chain starts from.</summary>
    public INamedTypeSymbol ColumnsType { get; }

    /// <summary>The columns the query has at this point of the chain, by KQL name.</summary>
    public IReadOnlyDictionary<string, ResultColumn> Columns => Present();

    /// <summary>Whether some operator so far dropped a column (until then nothing can be read that is not there).</summary>
    public bool HasDropped => _droppedBy.Count > 0;

    public string? DroppedBy(string kqlName) => _droppedBy.TryGetValue(kqlName, out var op) ? op : null;

    public bool HasProperty(string kqlName) => TableColumns().ContainsKey(kqlName);

    /// <summary>
    /// The columns <paramref name="query"/> returns, or null when they cannot be known. The query is a fluent chain
    /// from a table's generated <c>Query()</c>, written inline or kept in a local that is assigned once, where it is
    /// declared (queries are immutable, so such a local is that chain).
    /// </summary>
    public static QueryChain? Follow(IOperation query)
    {
        var steps = new List<IInvocationOperation>();
        IOperation? current = Unwrap(query);
        for (var hops = 0; ; hops++)
        {
            while (current is IInvocationOperation step && step.Instance is not null)
            {
                if (!IsQuery(step.TargetMethod.ContainingType))
                {
                    return null;
                }

                steps.Add(step);
                current = step.Instance;
            }

            if (current is ILocalReferenceOperation local && hops < MaxLocalHops && InitialValue(local) is { } initial)
            {
                current = Unwrap(initial);
                continue;
            }

            break;
        }

        if (StartColumns(current) is not { } columnsType)
        {
            return null;
        }

        steps.Reverse();
        var chain = new QueryChain(columnsType);
        foreach (var step in steps)
        {
            if (!chain.Apply(step))
            {
                return null;
            }
        }

        return chain;
    }

    /// <summary>The columns class of a table's generated <c>Query()</c> call; null for anything else.</summary>
    public static INamedTypeSymbol? StartColumns(IOperation? operation) =>
        operation is IInvocationOperation start
        && IsGeneratedQueryStart(start.TargetMethod)
        && start.TargetMethod.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } startType
        && IsQuery(startType)
        && startType.TypeArguments[0] is INamedTypeSymbol columnsType
            ? columnsType
            : null;

    /// <summary>Whether <paramref name="type"/> is <c>CallLogGen.Kql.KqlQuery&lt;T&gt;</c>.</summary>
    public static bool IsQuery(ITypeSymbol? type) =>
        type?.OriginalDefinition is INamedTypeSymbol definition && definition.MetadataName == GeneratedShape.KqlQueryType.Name && IsKqlType(definition);

    /// <summary>A generated model's <c>static Query()</c>: the start of a chain whose columns are the table's.</summary>
    public static bool IsGeneratedQueryStart(IMethodSymbol method) =>
        method is { Name: GeneratedShape.QueryMethod, IsStatic: true, Parameters.Length: 0 } && method.ContainingType.GetTypeMembers(GeneratedShape.ColumnsClass).Length > 0;

    /// <summary>Whether <paramref name="type"/> is in the runtime's <c>CallLogGen.Kql</c> namespace.</summary>
    public static bool IsKqlType(INamedTypeSymbol? type) =>
        type?.ContainingNamespace is { } ns && ns.ToDisplayString() == GeneratedShape.KqlNamespace;

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The KQL type name (<c>string</c>, <c>datetime</c>...) of a typed expression class (<c>KqlString</c>...); null for others.</summary>
    public static string? KqlTypeName(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && IsKqlType(named) ? KqlTypes.OfExpressionClass(named.Name)?.Name : null;

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
                return Argument(step, "columns") is { } kept && ColumnList(kept, name) is { } keptColumns && Replace(keptColumns, name);
            case "ProjectAway":
                if (Argument(step, "columns") is not { } away || ColumnList(away, name) is not { } awayColumns)
                {
                    return false;
                }

                var remaining = new Dictionary<string, ResultColumn>(Present(), System.StringComparer.Ordinal);
                foreach (var column in awayColumns)
                {
                    remaining.Remove(column.Name);
                }

                return Replace(remaining.Values, name);
            case "Extend":
                if (Argument(step, "columns") is not { } added || ColumnList(added, name) is not { } addedColumns)
                {
                    return false;
                }

                var extended = new Dictionary<string, ResultColumn>(Present(), System.StringComparer.Ordinal);
                foreach (var column in addedColumns)
                {
                    extended[column.Name] = column; // Extend replaces a column of the same name.
                }

                return Replace(extended.Values, name);
            case "Summarize":
            case "MakeSeries":
                var output = new List<ResultColumn>();
                foreach (var part in new[] { "by", "aggregates", "axis" })
                {
                    var value = Argument(step, part);
                    if (value is null || IsNull(value))
                    {
                        continue; // No `by`; Summarize has no axis.
                    }

                    if (ColumnList(value, name) is not { } columns)
                    {
                        return false;
                    }

                    // make-series turns its aggregations and its time axis into dynamic arrays.
                    output.AddRange(name == "MakeSeries" && part != "by" ? columns.Select(c => new ResultColumn(c.Name, DynamicName, name)) : columns);
                }

                return Replace(output, name);
            default:
                return false; // Join, Union, AppendRawOperator, anything newer: the columns after it are not known here.
        }
    }

    /// <summary>
    /// The KQL name of a generated column property (of the model or of its <c>KqlColumns</c>): the model property's
    /// <c>[ColumnName]</c>, where the generator wrote one, else the property's own name (<see cref="GeneratedShape"/>).
    /// </summary>
    public static string KqlName(IPropertySymbol property) => KqlNames.GetValue(property, ReadKqlName);

    private static string ReadKqlName(IPropertySymbol property)
    {
        var model = property.ContainingType is { Name: GeneratedShape.ColumnsClass, ContainingType: { } outer } ? outer : property.ContainingType;
        foreach (var member in model?.GetMembers(property.Name) ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IPropertySymbol modelProperty && AttributeArgument(modelProperty, GeneratedShape.ColumnNameAttribute) is string name)
            {
                return name;
            }
        }

        return property.Name;
    }

    /// <summary>The first constructor argument of <paramref name="symbol"/>'s attribute of the runtime type <paramref name="attribute"/>; null where it has none.</summary>
    public static object? AttributeArgument(ISymbol symbol, GeneratedShape.RuntimeType attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (Is(data.AttributeClass, attribute) && data.ConstructorArguments.Length > 0)
            {
                return data.ConstructorArguments[0].Value;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is the runtime library's type <paramref name="runtimeType"/>.</summary>
    public static bool Is(ITypeSymbol? type, GeneratedShape.RuntimeType runtimeType) =>
        type is INamedTypeSymbol { OriginalDefinition: var definition }
        && definition.MetadataName == runtimeType.Name
        && definition.ContainingNamespace?.ToDisplayString() == runtimeType.Namespace;

    // The columns after a narrowing operator: what was there and is not any more was dropped by it.
    private bool Replace(IEnumerable<ResultColumn> after, string op)
    {
        var next = new Dictionary<string, ResultColumn>(System.StringComparer.Ordinal);
        foreach (var column in after)
        {
            next[column.Name] = column;
        }

        foreach (var column in Present().Keys)
        {
            if (!next.ContainsKey(column))
            {
                _droppedBy[column] = op;
            }
        }

        foreach (var column in next.Keys)
        {
            _droppedBy.Remove(column);
        }

        _present = next;
        return true;
    }

    private Dictionary<string, ResultColumn> Present() => _present ??= TableColumns();

    private Dictionary<string, ResultColumn> TableColumns() => ColumnsOfTable.GetValue(ColumnsType, ReadTableColumns);

    private static Dictionary<string, ResultColumn> ReadTableColumns(INamedTypeSymbol columnsType)
    {
        var columns = new Dictionary<string, ResultColumn>(System.StringComparer.Ordinal);
        foreach (var member in columnsType.GetMembers())
        {
            if (member is IPropertySymbol { IsStatic: false } property)
            {
                var name = KqlName(property);
                columns[name] = new ResultColumn(name, KqlTypeName(property.Type), null);
            }
        }

        return columns;
    }

    private static IOperation? Argument(IInvocationOperation step, string parameter) =>
        step.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;

    private static bool IsNull(IOperation value) => Unwrap(value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } || value.ConstantValue is { HasValue: true, Value: null };

    /// <summary>
    /// The columns a lambda's column list makes: <c>t =&gt; new KqlProjection { t.A, b.Is(...) }</c>, or the one
    /// column a lambda returns (<c>t =&gt; t.TimeGenerated</c>). Null when they cannot be read.
    /// </summary>
    private List<ResultColumn>? ColumnList(IOperation argument, string op)
    {
        if (Unwrap(argument) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
        {
            return null;
        }

        if (Unwrap(returned) is not IObjectCreationOperation creation)
        {
            return ColumnHandle(returned) is { } single ? new List<ResultColumn> { single.WithSetBy(op) } : null;
        }

        var columns = new List<ResultColumn>();
        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
            {
                return null;
            }

            var item = Unwrap(add.Arguments[0].Value);
            ResultColumn? column;
            if (item is IInvocationOperation { TargetMethod.Name: "Is" or "IsSeriesOf", Arguments.Length: 2 } assignment && IsKqlType(assignment.TargetMethod.ContainingType))
            {
                // `c.Is(value)` makes c's name with the type of the value (T of Is<T>); IsSeriesOf makes a dynamic array.
                var type = assignment.TargetMethod.Name == "IsSeriesOf"
                    ? DynamicName
                    : assignment.TargetMethod.TypeArguments.Length == 1 ? KqlTypeName(assignment.TargetMethod.TypeArguments[0]) : null;
                column = ColumnHandle(assignment.Arguments[0].Value) is { } target ? new ResultColumn(target.Name, type, op) : null;
            }
            else
            {
                column = ColumnHandle(item)?.WithSetBy(op); // A KqlMultiAggregate (arg_max, percentiles) has no single name: null.
            }

            if (column is null)
            {
                return null;
            }

            columns.Add(column);
        }

        return columns;
    }

    /// <summary>The name and type of a column handle: <c>t.Level</c>, <c>KqlLong.Column("Failures")</c>, or a local or readonly field made so.</summary>
    private ResultColumn? ColumnHandle(IOperation operation)
    {
        var handle = Unwrap(operation);
        var name = handle switch
        {
            IPropertyReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, ColumnsType) =>
                KqlName(reference.Property),
            IInvocationOperation { TargetMethod: { Name: "Column", IsStatic: true }, Arguments.Length: 1 } call when IsKqlType(call.TargetMethod.ContainingType) =>
                call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null,
            ILocalReferenceOperation local =>
                local.Local.DeclaringSyntaxReferences.Length == 1
                && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator
                && !IsAssignedAgain(declarator)
                    ? ColumnNameFromSyntax(declarator.Initializer?.Value)
                    : null,
            IFieldReferenceOperation { Field: { IsReadOnly: true, DeclaringSyntaxReferences.Length: 1 } field } =>
                field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax fieldDeclarator
                    ? ColumnNameFromSyntax(fieldDeclarator.Initializer?.Value)
                    : null,
            _ => null,
        };
        return name is null ? null : new ResultColumn(name, KqlTypeName(handle.Type), null);
    }

    // A local read as `var failures = KqlLong.Column("Failures");` is that column only if nothing assigns it later.
    private static bool IsAssignedAgain(VariableDeclaratorSyntax declarator)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        return scope is null || scope.DescendantNodes().Any(n =>
            n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } && target.Identifier.ValueText == declarator.Identifier.ValueText
            || n is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == declarator.Identifier.ValueText);
    }

    /// <summary>
    /// The value a local query holds wherever it is read: its initializer, when it is declared once with one and
    /// nothing in its scope can write it again (assignment, deconstruction, ref or out, a ref alias).
    /// </summary>
    private static IOperation? InitialValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != reference.Syntax.SyntaxTree
            || reference.SemanticModel is not { } model
            || IsWrittenAgain(declarator))
        {
            return null;
        }

        return model.GetOperation(value);
    }

    private static bool IsWrittenAgain(VariableDeclaratorSyntax declarator)
    {
        var name = declarator.Identifier.ValueText;
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.SyntaxTree.GetRoot();
        foreach (var node in scope.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
            {
                continue;
            }

            SyntaxNode child = identifier;
            for (var parent = identifier.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is ArgumentSyntax or TupleExpressionSyntax or ParenthesizedExpressionSyntax)
                {
                    if (parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
                    {
                        return true; // `ref q`, `out q`
                    }

                    continue; // Maybe a deconstruction target: `(q, x) = ...`.
                }

                if (parent is AssignmentExpressionSyntax assignment && assignment.Left == child
                    || parent is RefExpressionSyntax
                    || parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                        && (parent.IsKind(SyntaxKind.PreIncrementExpression) || parent.IsKind(SyntaxKind.PreDecrementExpression)
                            || parent.IsKind(SyntaxKind.PostIncrementExpression) || parent.IsKind(SyntaxKind.PostDecrementExpression)))
                {
                    return true;
                }

                break;
            }
        }

        return false;
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

    /// <summary>A column a query returns: its KQL name, its KQL type (null when not known), and the operator that made it (null: the table).</summary>
    internal sealed class ResultColumn
    {
        public ResultColumn(string name, string? type, string? setBy)
        {
            Name = name;
            Type = type;
            SetBy = setBy;
        }

        public string Name { get; }

        public string? Type { get; }

        public string? SetBy { get; }

        public ResultColumn WithSetBy(string op) => new(Name, Type, op);
    }
}
