using CallLogGen.Model;

namespace CallLogGen.Schema;

/// <summary>
/// What a table options file says of one table: the facts that docs pages leave out or get wrong.
/// See docs/table-options.md for the file format; every member here is one property there.
/// </summary>
internal sealed record TableOptions(
    string TableName,
    string? SourceFile,
    string? SourceTable,
    string? TypeName,
    string? Category,
    string? Description,
    StandardColumnSelection StandardColumns,
    EquatableArray<ColumnOptions> Columns,
    SourceSpan Location);

/// <summary>
/// Which Azure Monitor standard columns (TenantId, _ResourceId, ...) the table has.
/// <see cref="ResourceLogSet"/> is the usual set of a resource-log table; <see cref="Names"/> adds single ones.
/// </summary>
internal sealed record StandardColumnSelection(bool ResourceLogSet, EquatableArray<string> Names)
{
    public static readonly StandardColumnSelection None = new(false, EquatableArray<string>.Empty);
}

/// <summary>The action a column entry takes on the document's column of that name.</summary>
internal enum ColumnAction
{
    /// <summary>Change some facts of a column the document has (name, type, required, C# name).</summary>
    Update,

    /// <summary>The document lists a column the real table does not have.</summary>
    Drop,

    /// <summary>The real table has a column the document does not list.</summary>
    Add,
}

/// <summary>
/// One entry of a table's <c>columns</c> list. <see cref="Column"/> is the name the document uses
/// (for <see cref="ColumnAction.Add"/>, the new column's name); <see cref="Rename"/> the real Log Analytics name.
/// </summary>
internal sealed record ColumnOptions(
    string Column,
    ColumnAction Action,
    string? Rename,
    string? TypeText,
    KqlType? Type,
    bool? Required,
    string? PropertyName,
    string? Description,
    SourceSpan Location)
{
    /// <summary>Where exports carry the column: <c>time</c>, <c>properties.Name</c>, or "" for nowhere.</summary>
    public string? ExportPath { get; init; }

    /// <summary>Whether the column's few distinct strings are shared between records when reading.</summary>
    public bool? LowCardinality { get; init; }
}
