using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Diagnostics;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports <c>X.Json.ReadQueryResult(query, ...)</c> and <c>X.Json.RequireResultColumns(query)</c> where the query does
/// not return a required column of the model X (CLG2003), naming each such column and the operator that dropped it.
/// The runtime throws for the same call: it compares the query's result columns with the model's required columns
/// by KQL name and type; this does the same at build time.
/// <para>
/// The query must be a chain from a table's generated <c>Query()</c>, as <see cref="QueryInterpreter"/> follows it (shared
/// with CLG3002 and CLG3003): inline or through locals that hold their initializer. Any other query (a field, a helper, a chain after <c>Join</c>,
/// <c>Union</c> or raw KQL, whose columns the runtime does not know either) is not judged. The table the query
/// starts from does not matter: like the runtime, only the result's column names and types do. A column whose
/// type the code does not say is taken to fit.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryResultColumnsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.QueryResultLacksRequiredColumn);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var json = start.Compilation.GetTypeByMetadataName(GeneratedShape.LogRecordJsonType.MetadataName);
            var attribute = start.Compilation.GetTypeByMetadataName(GeneratedShape.RequiredColumnAttribute.MetadataName);
            if (json is null || attribute is null)
            {
                return; // The project does not use CallLogGen's runtime (or one without typed query results).
            }

            // Each model's required columns are looked up once per compilation.
            var cache = new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<RequiredColumn>>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(operation => Analyze(operation, json, attribute, cache), OperationKind.Invocation);
        });
    }

    private static void Analyze(
        OperationAnalysisContext context,
        INamedTypeSymbol json,
        INamedTypeSymbol attribute,
        ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<RequiredColumn>> cache)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("ReadQueryResult" or "RequireResultColumns")
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, json)
            || method.ContainingType.TypeArguments.Length != 1
            || method.ContainingType.TypeArguments[0] is not INamedTypeSymbol model
            || invocation.Arguments.FirstOrDefault(a => a.Parameter is { Name: "query" }) is not { } argument)
        {
            return;
        }

        var required = cache.GetOrAdd(model, m => RequiredColumns(m, attribute));
        if (required.IsEmpty || QueryInterpreter.Trace(argument.Value) is not { Result: { } result } trace)
        {
            return; // Nothing required, or a query whose columns are not known here.
        }

        var missing = new List<string>();
        foreach (var column in required)
        {
            if (!result.Columns.TryGetValue(column.Name, out var returned))
            {
                missing.Add(result.DroppedBy(column.Name) is { } dropper
                    ? $"'{column.Name}' (dropped by {dropper})"
                    : $"'{column.Name}' ({trace.TableTypeName} has no such column)");
            }
            else if (returned.Type is not null && column.Type is not null && returned.Type != column.Type)
            {
                missing.Add(returned.SetBy is { } maker
                    ? $"'{column.Name}' ({maker} makes it {returned.Type}, not {column.Type})"
                    : $"'{column.Name}' ({trace.TableTypeName} has it as {returned.Type}, not {column.Type})");
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var columns = (missing.Count == 1 ? "column " : "columns ") + string.Join(", ", missing);
        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticCatalog.QueryResultLacksRequiredColumn, location, new[] { argument.Value.Syntax.GetLocation() }, model.Name, columns, method.Name));
    }

    /// <summary>
    /// The model's properties marked <c>[RequiredColumn]</c>, in declaration order, with the KQL name and type of the
    /// matching column of its generated <c>KqlColumns</c>; a property without one is not judged.
    /// </summary>
    private static ImmutableArray<RequiredColumn> RequiredColumns(INamedTypeSymbol model, INamedTypeSymbol attribute)
    {
        if (model.GetTypeMembers(GeneratedShape.ColumnsClass).FirstOrDefault() is not { } columns)
        {
            return ImmutableArray<RequiredColumn>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<RequiredColumn>();
        foreach (var member in model.GetMembers())
        {
            if (member is IPropertySymbol { IsStatic: false } property
                && property.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
                && columns.GetMembers(property.Name).OfType<IFieldSymbol>().FirstOrDefault() is { IsStatic: false } column)
            {
                result.Add(new RequiredColumn(QueryInterpreter.KqlName(column), QueryInterpreter.KqlTypeName(column.Type)));
            }
        }

        return result.ToImmutable();
    }

    private readonly struct RequiredColumn
    {
        public RequiredColumn(string name, string? type)
        {
            Name = name;
            Type = type;
        }

        public string Name { get; }

        public string? Type { get; }
    }
}
