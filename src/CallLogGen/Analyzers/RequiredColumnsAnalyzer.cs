using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// Reports a generated model created without a value for a required column (CLG2001, naming each column, where the
/// schema declares it and its description), and a required column set to null, default or "" (CLG2002). The facts
/// come from the generated code itself: <c>[RequiredColumn(file, line, description)]</c> on required properties.
/// A column counts as given when the object initializer sets it or, for a record kept in a local, a statement of the
/// same block sets it before the record is first used (<see cref="NewRecordAssignments"/>): only what is certainly
/// missing when the record is used is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequiredColumnsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticCatalog.MissingRequiredColumn, DiagnosticCatalog.RequiredColumnSetToNothing);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(GeneratedShape.RequiredColumnAttribute.MetadataName);
            if (attribute is null)
            {
                return; // The project does not use CallLogGen's runtime: nothing to check.
            }

            // Each model type's required columns are looked up once per compilation, not once per creation.
            var cache = new ConcurrentDictionary<INamedTypeSymbol, Dictionary<IPropertySymbol, (string Where, string Description, int Order)>>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(operation => AnalyzeCreation(operation, attribute, cache), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeCreation(
        OperationAnalysisContext context,
        INamedTypeSymbol attribute,
        ConcurrentDictionary<INamedTypeSymbol, Dictionary<IPropertySymbol, (string Where, string Description, int Order)>> cache)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        var required = cache.GetOrAdd(type, t => RequiredColumns(t, attribute));
        if (required.Count == 0)
        {
            return;
        }

        // Set to nothing in the object initializer, or by a statement that follows it.
        var assignments = NewRecordAssignments.Of(creation);
        var initializer = creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty;
        var followed = assignments?.Statements.Select(w => w.Parent) ?? Enumerable.Empty<IOperation?>();
        foreach (var write in initializer.Concat(followed))
        {
            if (write is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment
                && required.TryGetValue(property.OriginalDefinition, out var facts)
                && DescribeNothing(assignment.Value) is { } nothing)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticCatalog.RequiredColumnSetToNothing, assignment.Syntax.GetLocation(),
                    property.Name, type.Name, facts.Where, nothing));
            }
        }

        if (assignments is null)
        {
            return; // Statements that may run out of order: what is missing is not certain.
        }

        var assigned = new HashSet<IPropertySymbol>(assignments.AssignedProperties(), SymbolEqualityComparer.Default);
        var missing = required.Where(r => !assigned.Contains(r.Key)).OrderBy(r => r.Value.Order).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var names = missing.Count == 1 ? "column '" + missing[0].Key.Name + "'" : "columns " + string.Join(", ", missing.Select(m => "'" + m.Key.Name + "'"));
        var details = string.Join("; ", missing.Select(m => m.Value.Description.Length == 0
            ? $"{m.Key.Name} ({m.Value.Where})"
            : $"{m.Key.Name} ({m.Value.Where}): \"{m.Value.Description}\""));
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticCatalog.MissingColumnsProperty, string.Join(",", missing.Select(m => m.Key.Name)));
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.MissingRequiredColumn, creation.Syntax.GetLocation(), properties, type.Name, names, details));
    }

    private static Dictionary<IPropertySymbol, (string Where, string Description, int Order)> RequiredColumns(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        var result = new Dictionary<IPropertySymbol, (string, string, int)>(SymbolEqualityComparer.Default);
        var order = 0;
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol property)
            {
                continue;
            }

            order++;
            foreach (var data in property.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute) || data.ConstructorArguments.Length != 3)
                {
                    continue;
                }

                var file = data.ConstructorArguments[0].Value as string ?? string.Empty;
                var line = data.ConstructorArguments[1].Value is int number ? number : 0;
                var where = file.Length == 0 ? "an Azure Monitor standard column" : line == 0 ? file : $"{file} line {line}";
                var description = data.ConstructorArguments[2].Value as string ?? string.Empty;
                result[property] = (where, description, order);
            }
        }

        return result;
    }

    private static string? DescribeNothing(IOperation value)
    {
        var unwrapped = value;
        while (unwrapped is IConversionOperation conversion)
        {
            unwrapped = conversion.Operand;
        }

        return unwrapped switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } => "null",
            ILiteralOperation { ConstantValue: { HasValue: true, Value: "" } } => "an empty string",
            IDefaultValueOperation => "default",
            _ when value.ConstantValue is { HasValue: true, Value: "" } => "an empty string",
            _ => null,
        };
    }
}
