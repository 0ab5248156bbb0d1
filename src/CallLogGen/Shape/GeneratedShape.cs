using System;
using System.Collections.Generic;

namespace CallLogGen.Shape;

/// <summary>
/// The contract between the emitters, which write the generated code, and the analyzers and code fixes, which find
/// their way around it in a user's compilation: every name one side writes and the other looks for, spelled once.
/// Renaming a generated member here renames it for both; a test holds the runtime names to the runtime's own types.
/// <para>
/// What the analyzers read from the generated code, and nothing else: a model is a class with a nested
/// <see cref="ColumnsClass"/> and a static <see cref="QueryMethod"/>; each column is a model property and a
/// <see cref="ColumnsClass"/> field of the same name; a column's KQL name is the model property's
/// <see cref="ColumnNameAttribute"/> where the generator wrote one (only where the names differ) and the property's
/// name otherwise; a column's KQL type is that of its typed column (<c>KqlString</c>...); a required column's model
/// property carries <see cref="RequiredColumnAttribute"/> with the schema file, line and description.
/// </para>
/// </summary>
internal static class GeneratedShape
{
    /// <summary>The static <c>TableSchema</c> of every model.</summary>
    public const string SchemaProperty = "Schema";

    /// <summary>The nested class of typed KQL columns, one public readonly field per column, that queries over the table get.</summary>
    public const string ColumnsClass = "KqlColumns";

    /// <summary>The static method that starts a typed query over the table: <c>static KqlQuery&lt;KqlColumns&gt; Query()</c>.</summary>
    public const string QueryMethod = "Query";

    /// <summary>The static JSON mapping of every model (<c>LogRecordJson&lt;T&gt;</c>).</summary>
    public const string JsonProperty = "Json";

    /// <summary>The private nested class that implements <see cref="JsonProperty"/>.</summary>
    public const string JsonMappingClass = "JsonMapping";

    /// <summary>The property that keeps the JSON fields no column takes.</summary>
    public const string UnmappedFieldsProperty = "UnmappedFields";

    /// <summary>
    /// The private nested class of the required columns' descriptions, one constant each, named like the column's property:
    /// the one place a description is written in code, read by <see cref="RequiredColumnAttribute"/> and the <c>Schema</c>.
    /// </summary>
    public const string DescriptionsClass = "Descriptions";

    /// <summary>
    /// The type, in the models' namespace, that lists every generated table (<c>All</c>, <c>Json</c>,
    /// <c>CreateExportReader()</c>); no table may take its name.
    /// </summary>
    public const string TablesIndexType = "CallLogTables";

    /// <summary>The hint name of the file that declares <see cref="TablesIndexType"/>.</summary>
    public const string TablesIndexHintName = TablesIndexType + ".g.cs";

    /// <summary>
    /// The time column: the one the time filters (<c>InTimeRange</c>, <c>InLast</c>) read, and that CLG3002 asks a query
    /// to filter on (the runtime's <c>TableSchema</c> finds it by the same name).
    /// </summary>
    public const string TimeColumn = "TimeGenerated";

    /// <summary>
    /// Whether no column property may take <paramref name="name"/>: a member every generated model has, or one every
    /// class inherits from <see cref="object"/>. A column whose property would take one gets another name.
    /// </summary>
    public static bool IsReservedMemberName(string name) => ReservedMemberNames.Contains(name);

    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        SchemaProperty, ColumnsClass, QueryMethod, JsonProperty, JsonMappingClass, UnmappedFieldsProperty, DescriptionsClass,
        "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>The runtime library's namespace of the typed KQL builder (typed columns, <see cref="KqlQueryType"/>).</summary>
    public const string KqlNamespace = "CallLogGen.Kql";

    /// <summary>The runtime attribute on a required column's model property: <c>(sourceFile, sourceLine, description)</c>.</summary>
    public static RuntimeType RequiredColumnAttribute { get; } = new("CallLogGen.RequiredColumnAttribute");

    /// <summary>The runtime attribute on a model property whose KQL column name is not the property's name: <c>(name)</c>.</summary>
    public static RuntimeType ColumnNameAttribute { get; } = new("CallLogGen.ColumnNameAttribute");

    /// <summary>The runtime's typed query, <c>KqlQuery&lt;TColumns&gt;</c>, which <see cref="QueryMethod"/> returns.</summary>
    public static RuntimeType KqlQueryType { get; } = new(KqlNamespace + ".KqlQuery`1");

    /// <summary>The runtime's columns of one table as typed expressions, which the <see cref="ColumnsClass"/> fields are taken from.</summary>
    public static RuntimeType KqlColumnSetType { get; } = new(KqlNamespace + ".KqlColumnSet");

    /// <summary>The runtime's JSON mapping of one model, <c>LogRecordJson&lt;T&gt;</c>, which <see cref="JsonProperty"/> is.</summary>
    public static RuntimeType LogRecordJsonType { get; } = new("CallLogGen.Json.LogRecordJson`1");

    /// <summary>
    /// A type of the runtime library that generated code names and the analyzers look up: its metadata name
    /// (<c>CallLogGen.Kql.KqlQuery`1</c>, for <c>Compilation.GetTypeByMetadataName</c>) and, for the emitters, its name as
    /// generated code writes it (fully qualified, without the generic arity; an attribute without its suffix).
    /// </summary>
    public sealed class RuntimeType
    {
        private const string AttributeSuffix = "Attribute";

        public RuntimeType(string metadataName)
        {
            MetadataName = metadataName;
            var dot = metadataName.LastIndexOf('.');
            Namespace = metadataName.Substring(0, dot);
            Name = metadataName.Substring(dot + 1);
            var name = metadataName.Split('`')[0];
            InCode = "global::" + (name.EndsWith(AttributeSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - AttributeSuffix.Length) : name);
        }

        /// <summary>The name to look the type up by: <c>CallLogGen.RequiredColumnAttribute</c>.</summary>
        public string MetadataName { get; }

        /// <summary>The type's namespace: <c>CallLogGen</c>.</summary>
        public string Namespace { get; }

        /// <summary>The type's own metadata name, with its generic arity: <c>KqlQuery`1</c>.</summary>
        public string Name { get; }

        /// <summary>The name generated code writes: <c>global::CallLogGen.RequiredColumn</c> (in an attribute list).</summary>
        public string InCode { get; }

        public override string ToString() => MetadataName;
    }
}
