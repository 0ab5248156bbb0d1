namespace CallLogGen.Model;

/// <summary>
/// One column of a resolved table. <see cref="SourceLine"/> is one-based; 0 where the column did not come from a file:
/// an Azure Monitor standard column the table options add (<see cref="SourcePath"/> empty) or a column of the built-in
/// catalogue (<see cref="SourcePath"/> its label).
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
    bool IsLowCardinality)
{
    /// <summary>Set where the table options mark the column obsolete: the property and query column get <c>[Obsolete]</c>.</summary>
    public ColumnObsolescence? Obsolete { get; init; }
}
