namespace CallLogGen.Model;

/// <summary>
/// A table as one document writes it. <see cref="Name"/> is the document's name for it: for markdown the
/// nearest heading made unique within the file, for JSON formats the table name they carry
/// (<see cref="NameIsTableName"/> is then true: it is the Log Analytics name).
/// </summary>
internal sealed record SourceTable(
    string Name,
    bool NameIsTableName,
    string? Description,
    SourceSpan Location,
    EquatableArray<SourceColumn> Columns)
{
    /// <summary>What the page says about which real table this is, besides the columns (docs pages only).</summary>
    public TableEvidence Evidence { get; init; } = TableEvidence.None;
}
