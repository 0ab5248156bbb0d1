namespace CallLogGen.Model;

/// <summary>
/// What a table options file says of one table: the facts that docs pages leave out or get wrong.
/// See docs/table-options.md for the file format; every member here is one property there.
/// <see cref="Routes"/> is null where the file gives none (the catalogue's then stand); given, they replace them.
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
    SourceSpan Location)
{
    public EquatableArray<TableRoute>? Routes { get; init; }

    /// <summary>Whether the columns of the real table that the docs page leaves out are accepted as they are (no drift note).</summary>
    public bool AcceptUndocumentedColumns { get; init; }
}
