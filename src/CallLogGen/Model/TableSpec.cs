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

/// <summary>
/// One column of a resolved table. <see cref="SourceLine"/> is one-based; 0 where the column did not come from a file.
/// <see cref="ExportPath"/> is where diagnostic-settings exports carry it (<c>time</c>, <c>properties.Name</c>), null where they do not.
/// </summary>
internal sealed record ColumnSpec(
    string Name,
    KqlType Type,
    string PropertyName,
    bool IsRequired,
    bool IsTypeInferred,
    string Description,
    string SourcePath,
    int SourceLine,
    string? ExportPath,
    bool IsLowCardinality);
