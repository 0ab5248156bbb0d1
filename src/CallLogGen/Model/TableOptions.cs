namespace CallLogGen.Model;

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
