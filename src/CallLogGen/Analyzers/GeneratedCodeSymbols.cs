using System.Collections.Generic;
using System.Collections.Immutable;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Analyzers;

/// <summary>
/// How the analyzers read the generated code in a user's compilation: from its symbols and their attributes, by the names
/// of <see cref="GeneratedShape"/>, never from the generated syntax.
/// </summary>
internal static class GeneratedCodeSymbols
{
    /// <summary>Whether <paramref name="type"/> (or its generic definition) is the runtime library's type <paramref name="runtimeType"/>.</summary>
    public static bool Is(ITypeSymbol? type, GeneratedShape.RuntimeType runtimeType) =>
        type?.OriginalDefinition is INamedTypeSymbol definition
        && definition.MetadataName == runtimeType.Name
        && IsNamespace(definition.ContainingNamespace, runtimeType.Namespace);

    /// <summary>The typed columns of a generated <c>KqlColumns</c> class: its public instance fields.</summary>
    public static IEnumerable<IFieldSymbol> Columns(INamedTypeSymbol columnsType)
    {
        foreach (var member in columnsType.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } field)
            {
                yield return field;
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> is in the runtime's typed KQL namespace (typed columns, queries, aggregations).</summary>
    public static bool IsKqlType(INamedTypeSymbol? type) =>
        IsNamespace(type?.ContainingNamespace, GeneratedShape.KqlNamespace);

    /// <summary>
    /// The KQL name of a generated column: a model property, or a field of its <c>KqlColumns</c>. It is the model property's
    /// <c>[ColumnName]</c> where the generator wrote one, else the member's own name.
    /// </summary>
    public static string ReadKqlName(ISymbol column)
    {
        var model = column.ContainingType is { Name: GeneratedShape.ColumnsClass, ContainingType: { } outer } ? outer : column.ContainingType;
        foreach (var member in model?.GetMembers(column.Name) ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IPropertySymbol modelProperty && AttributeArguments(modelProperty, GeneratedShape.ColumnNameAttribute) is { Length: > 0 } arguments && arguments[0] is string name)
            {
                return name;
            }
        }

        return column.Name;
    }

    /// <summary>The constructor arguments of <paramref name="symbol"/>'s attribute of the runtime type <paramref name="attribute"/>; null where it has none.</summary>
    public static object?[]? AttributeArguments(ISymbol symbol, GeneratedShape.RuntimeType attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (Is(data.AttributeClass, attribute))
            {
                var values = new object?[data.ConstructorArguments.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = data.ConstructorArguments[i].Kind == TypedConstantKind.Array ? null : data.ConstructorArguments[i].Value;
                }

                return values;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="ns"/> is the namespace <paramref name="dottedName"/>, compared part by part from the innermost:
    /// the analyzers ask this for every invocation they see, and a display string would be built each time.
    /// </summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string dottedName)
    {
        var end = dottedName.Length;
        for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            var start = end - ns.Name.Length;
            if (start < 0 || string.CompareOrdinal(dottedName, start, ns.Name, 0, ns.Name.Length) != 0 || (start > 0 && dottedName[start - 1] != '.'))
            {
                return false;
            }

            end = start - 1;
        }

        return ns is not null && end == -1;
    }
}
