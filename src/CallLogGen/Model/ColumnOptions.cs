namespace CallLogGen.Model;

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

    /// <summary>Marks the column obsolete (<c>"obsolete": {"reason", "replacement"}</c>); null where the entry does not.</summary>
    public ColumnObsolescence? Obsolete { get; init; }

    /// <summary>Where the entry's <c>obsolete</c> value stands, for the error when the column is required.</summary>
    public SourceSpan? ObsoleteLocation { get; init; }
}
