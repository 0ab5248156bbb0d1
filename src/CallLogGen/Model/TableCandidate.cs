namespace CallLogGen.Model;

/// <summary>
/// A table as one document gives it: the document's path, the table, and how many tables (and includes) that
/// document has, which decides whether options naming only the file apply to it.
/// </summary>
internal sealed record TableCandidate(string RelativePath, SourceTable Table, int TablesInDocument)
{
    /// <summary>JSON schemas carry the real table: their names and types win over docs pages.</summary>
    public bool IsAuthoritative => Table.NameIsTableName;
}
