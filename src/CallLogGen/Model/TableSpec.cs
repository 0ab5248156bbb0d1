namespace CallLogGen.Model;

/// <summary>
/// One table, resolved and named: all that the emitters need, and nothing of the documents it came from
/// beyond the file and line that the generated code points back to.
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
    EquatableArray<ColumnSpec> Columns);
