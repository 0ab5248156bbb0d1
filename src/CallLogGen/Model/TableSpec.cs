namespace CallLogGen.Model;

/// <summary>
/// One table, resolved and named: all that the emitters need, and nothing of the documents it came from
/// beyond the file and line that the generated code points back to (<see cref="SourceLine"/> 0: not a file, such as
/// the built-in catalogue, whose label <see cref="SourcePath"/> then holds). <see cref="Category"/> is the table's
/// main diagnostic category; <see cref="Routes"/> every (resource type, category) pair whose records land in it.
/// </summary>
internal sealed record TableSpec(
    string TableName,
    string Namespace,
    string TypeName,
    string HintName,
    string? Category,
    string? Description,
    string SourcePath,
    int SourceLine,
    EquatableArray<ColumnSpec> Columns,
    EquatableArray<TableRoute> Routes)
{
    /// <summary>
    /// The other docs tables merged into this one (the same table on several pages, CLG1025), in path order; empty for
    /// most tables. Only the build summary reads them, so that each page says what became of its table.
    /// </summary>
    public EquatableArray<TablePlace> OtherPages { get; init; }
}
