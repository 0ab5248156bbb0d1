using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using CallLogGen.Model;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers.Queries;

/// <summary>
/// The one interpreter of typed query chains that every query rule uses (CLG2003, CLG3002, CLG3003). It follows a
/// chain back to a table's generated <c>Query()</c>, through locals that hold their initializer (<see cref="LocalValues"/>),
/// and replays its operators (<see cref="QueryOperators"/>) over the table's columns, as the runtime builder does:
/// <c>Project</c> and <c>Distinct</c> keep only their columns, <c>Summarize</c> and <c>MakeSeries</c> only their groups and
/// results, <c>ProjectAway</c> drops its columns, <c>Extend</c> adds or replaces columns. Where it cannot know the columns
/// (after <c>Join</c>, <c>Union</c>, raw KQL, a column list it cannot read) it says so, and rules stop judging there.
/// Columns are matched by KQL name, read from the generated code's metadata (<see cref="GeneratedShape"/>).
/// </summary>
internal static class QueryInterpreter
{
    private const int MaxLocalHops = 8;

    private static readonly string DynamicName = KqlType.Dynamic.ToKqlName();

    // Every chain over a table needs the same columns, and every column the same KQL name: kept per symbol (symbols belong
    // to one compilation; weak keys let them go with it). The cached states are never changed.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ColumnState> TableColumns = new();
    private static readonly ConditionalWeakTable<ISymbol, string> KqlNames = new();

    /// <summary>
    /// The chain <paramref name="query"/> is the end of, interpreted; null when it does not start from a table's generated
    /// <c>Query()</c> (a helper method, a field, a parameter, a local written more than once), whose columns are not known.
    /// </summary>
    public static QueryTrace? Trace(IOperation query)
    {
        var chain = new List<(IInvocationOperation Step, bool IsOwn)>();
        var own = true;
        var current = Unwrap(query);
        for (var hops = 0; ; hops++)
        {
            while (current is IInvocationOperation step && step.Instance is not null && IsQuery(step.TargetMethod.ContainingType))
            {
                chain.Add((step, own));
                current = Unwrap(step.Instance);
            }

            if (current is ILocalReferenceOperation local && hops < MaxLocalHops && LocalValues.InitialValue(local) is { } initial)
            {
                current = Unwrap(initial);
                own = false;
                continue;
            }

            break;
        }

        if (current is not IInvocationOperation start || StartColumns(start) is not { } columnsType)
        {
            return null;
        }

        chain.Reverse();
        var table = TableColumns.GetValue(columnsType, ReadTableColumns);
        var state = table;
        var steps = new List<TracedStep>(chain.Count);
        foreach (var (step, isOwn) in chain)
        {
            var op = QueryOperators.ByName.TryGetValue(step.TargetMethod.Name, out var known) ? known : QueryOperators.Unmodelled(step.TargetMethod.Name);
            var after = state is null ? null : Apply(op, step, state, columnsType);
            steps.Add(new TracedStep(step, op, isOwn, state, after));
            state = after;
        }

        return new QueryTrace(start, columnsType, table, steps);
    }

    /// <summary>The columns class of a table's generated <c>Query()</c> call; null for anything else.</summary>
    public static INamedTypeSymbol? StartColumns(IInvocationOperation start) =>
        IsGeneratedQueryStart(start.TargetMethod)
        && start.TargetMethod.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } startType
        && IsQuery(startType)
        && startType.TypeArguments[0] is INamedTypeSymbol columnsType
            ? columnsType
            : null;

    /// <summary>Whether <paramref name="type"/> is the runtime's <c>KqlQuery&lt;T&gt;</c>.</summary>
    public static bool IsQuery(ITypeSymbol? type) => GeneratedCodeSymbols.Is(type, GeneratedShape.KqlQueryType);

    /// <summary>A generated model's <c>static Query()</c>: the start of a chain whose columns are the table's.</summary>
    public static bool IsGeneratedQueryStart(IMethodSymbol method) =>
        method is { Name: GeneratedShape.QueryMethod, IsStatic: true, Parameters.Length: 0 } && method.ContainingType.GetTypeMembers(GeneratedShape.ColumnsClass).Length > 0;

    /// <summary>The KQL type name (<c>string</c>, <c>datetime</c>...) of a typed expression class (<c>KqlString</c>...); null for others.</summary>
    public static string? KqlTypeName(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && GeneratedCodeSymbols.IsKqlType(named) ? KqlTypes.OfExpressionClass(named.Name)?.Name : null;

    /// <summary>The KQL name of a generated column (a model property, a <c>KqlColumns</c> field): see <see cref="GeneratedShape"/>.</summary>
    public static string KqlName(ISymbol column) => KqlNames.GetValue(column, GeneratedCodeSymbols.ReadKqlName);

    /// <summary>The column of <paramref name="columnsType"/> that <paramref name="operation"/> reads (<c>t.Level</c>); null for anything else.</summary>
    public static IFieldSymbol? ColumnOf(IOperation operation, INamedTypeSymbol columnsType) =>
        operation is IFieldReferenceOperation { Field: var field } && SymbolEqualityComparer.Default.Equals(field.ContainingType, columnsType) ? field : null;

    /// <summary>
    /// The columns <paramref name="step"/> reads through the table's typed columns: the fields of
    /// <paramref name="columnsType"/> its arguments use (not those a <c>c.Is(...)</c> names, not those of a nested query, not
    /// the right side's of a join), and the time column for a time filter.
    /// </summary>
    public static IEnumerable<ColumnRead> Reads(TracedStep step, INamedTypeSymbol columnsType)
    {
        var invocation = step.Invocation;
        if (step.Operator.FiltersTime)
        {
            var where = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
            yield return new ColumnRead(where, GeneratedShape.TimeColumn, GeneratedShape.TimeColumn);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsQuery(argument.Parameter?.Type))
            {
                continue; // Another chain (a join's or union's right side): judged on its own.
            }

            var named = new HashSet<IOperation>();
            var lambda = Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } ? function : null;
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "Is" or "IsSeriesOf", Arguments.Length: 2 } assignment && GeneratedCodeSymbols.IsKqlType(assignment.TargetMethod.ContainingType))
                {
                    named.Add(Unwrap(assignment.Arguments[0].Value)); // `t.Level.Is(...)` names a column; it does not read it.
                }

                if (ColumnOf(operation, columnsType) is { } column
                    && !named.Contains(operation)
                    && !IsLaterLambdaParameter(((IMemberReferenceOperation)operation).Instance, lambda))
                {
                    yield return new ColumnRead(operation.Syntax.GetLocation(), column.Name, KqlName(column));
                }
            }
        }
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    // A join's `(l, r) => On(l.A, r.B)`: only the first parameter is this query's columns.
    private static bool IsLaterLambdaParameter(IOperation? instance, IAnonymousFunctionOperation? lambda) =>
        instance is IParameterReferenceOperation { Parameter.Ordinal: > 0 } parameter
        && lambda is not null
        && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, lambda.Symbol);

    private static ColumnState ReadTableColumns(INamedTypeSymbol columnsType)
    {
        var columns = new Dictionary<string, ResultColumn>(System.StringComparer.Ordinal);
        foreach (var column in GeneratedCodeSymbols.Columns(columnsType))
        {
            var name = KqlName(column);
            columns[name] = new ResultColumn(name, KqlTypeName(column.Type), null);
        }

        return ColumnState.Of(columns);
    }

    /// <summary>The columns after <paramref name="op"/>; null when they cannot be known.</summary>
    private static ColumnState? Apply(QueryOperator op, IInvocationOperation step, ColumnState before, INamedTypeSymbol columnsType)
    {
        switch (op.Effect)
        {
            case ColumnEffect.Keeps:
            case ColumnEffect.Renders:
                return before;
            case ColumnEffect.KeepsOnlyListed:
                return ListedColumns(step, op, columnsType) is { } kept ? before.Then(kept, op.Name) : null;
            case ColumnEffect.DropsListed:
                if (ListedColumns(step, op, columnsType) is not { } away)
                {
                    return null;
                }

                var remaining = new Dictionary<string, ResultColumn>(before.Columns.Count, System.StringComparer.Ordinal);
                foreach (var column in before.Columns)
                {
                    remaining[column.Key] = column.Value;
                }

                foreach (var column in away)
                {
                    remaining.Remove(column.Name);
                }

                return before.Then(remaining.Values, op.Name);
            case ColumnEffect.AddsListed:
                if (ListedColumns(step, op, columnsType) is not { } added)
                {
                    return null;
                }

                var extended = new Dictionary<string, ResultColumn>(before.Columns.Count + added.Count, System.StringComparer.Ordinal);
                foreach (var column in before.Columns)
                {
                    extended[column.Key] = column.Value;
                }

                foreach (var column in added)
                {
                    extended[column.Name] = column; // Extend replaces a column of the same name.
                }

                return before.Then(extended.Values, op.Name);
            case ColumnEffect.Aggregates:
            case ColumnEffect.AggregatesSeries:
                return ListedColumns(step, op, columnsType) is { } output ? before.Then(output, op.Name) : null;
            default:
                return null; // Join, Union, raw KQL, a method the rules do not know: the columns after it are not known here.
        }
    }

    /// <summary>The columns <paramref name="op"/>'s column lists make, in order; null when one cannot be read.</summary>
    private static List<ResultColumn>? ListedColumns(IInvocationOperation step, QueryOperator op, INamedTypeSymbol columnsType)
    {
        var output = new List<ResultColumn>();
        foreach (var parameter in op.ColumnLists)
        {
            var value = step.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;
            if (value is null || IsNull(value))
            {
                continue; // No `by`; Summarize has no axis.
            }

            if (ColumnList(value, op.Name, columnsType) is not { } columns)
            {
                return null;
            }

            // make-series turns its aggregations and its time axis into dynamic arrays.
            output.AddRange(op.Effect == ColumnEffect.AggregatesSeries && parameter != "by" ? columns.Select(c => new ResultColumn(c.Name, DynamicName, op.Name)) : columns);
        }

        return output;
    }

    private static bool IsNull(IOperation value) => Unwrap(value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } || value.ConstantValue is { HasValue: true, Value: null };

    /// <summary>
    /// The columns a lambda's column list makes: <c>t =&gt; new KqlProjection { t.A, b.Is(...) }</c>, or the one column a
    /// lambda returns (<c>t =&gt; t.TimeGenerated</c>). Null when they cannot be read.
    /// </summary>
    private static List<ResultColumn>? ColumnList(IOperation argument, string op, INamedTypeSymbol columnsType)
    {
        if (Unwrap(argument) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
        {
            return null;
        }

        if (Unwrap(returned) is not IObjectCreationOperation creation)
        {
            return ColumnHandle(returned, columnsType, 0) is { } single ? new List<ResultColumn> { single.WithSetBy(op) } : null;
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
            if (item is IInvocationOperation { TargetMethod.Name: "Is" or "IsSeriesOf", Arguments.Length: 2 } assignment && GeneratedCodeSymbols.IsKqlType(assignment.TargetMethod.ContainingType))
            {
                // `c.Is(value)` makes c's name with the type of the value (T of Is<T>); IsSeriesOf makes a dynamic array.
                var type = assignment.TargetMethod.Name == "IsSeriesOf"
                    ? DynamicName
                    : assignment.TargetMethod.TypeArguments.Length == 1 ? KqlTypeName(assignment.TargetMethod.TypeArguments[0]) : null;
                column = ColumnHandle(assignment.Arguments[0].Value, columnsType, 0) is { } target ? new ResultColumn(target.Name, type, op) : null;
            }
            else
            {
                column = ColumnHandle(item, columnsType, 0)?.WithSetBy(op); // A KqlMultiAggregate (arg_max, percentiles) has no single name: null.
            }

            if (column is null)
            {
                return null;
            }

            columns.Add(column);
        }

        return columns;
    }

    /// <summary>
    /// The name and type of a column handle: <c>t.Level</c>, <c>KqlLong.Column("Failures")</c>, or a local or readonly field
    /// that holds one (a local as <see cref="LocalValues"/> says; a field by its initializer in the same file).
    /// </summary>
    private static ResultColumn? ColumnHandle(IOperation operation, INamedTypeSymbol columnsType, int hops)
    {
        var handle = Unwrap(operation);
        switch (handle)
        {
            case IFieldReferenceOperation when ColumnOf(handle, columnsType) is { } column:
                return new ResultColumn(KqlName(column), KqlTypeName(handle.Type), null);
            case IInvocationOperation { TargetMethod: { Name: "Column", IsStatic: true }, Arguments.Length: 1 } call when GeneratedCodeSymbols.IsKqlType(call.TargetMethod.ContainingType):
                return call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? new ResultColumn(text, KqlTypeName(handle.Type), null) : null;
            case ILocalReferenceOperation local when hops < MaxLocalHops:
                return LocalValues.InitialValue(local) is { } value ? ColumnHandle(value, columnsType, hops + 1) : null;
            case IFieldReferenceOperation { Field: { IsReadOnly: true, DeclaringSyntaxReferences.Length: 1 } field } reference when hops < MaxLocalHops:
                return field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
                    && declarator.SyntaxTree == reference.Syntax.SyntaxTree
                    && reference.SemanticModel?.GetOperation(initializer) is { } fieldValue
                        ? ColumnHandle(fieldValue, columnsType, hops + 1)
                        : null;
            default:
                return null;
        }
    }
}
