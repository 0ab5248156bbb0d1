namespace CallLogGen.Model;

/// <summary>
/// Everything that builds one table, and nothing else, so that it compares equal across runs unless an edit
/// touched this table: the document table its location points at (<see cref="Primary"/>; null for a table named
/// only in the project file), at most one authoritative JSON schema, the catalogue's table of that name, the docs
/// tables merged into it, the table options that apply, and the generator settings.
/// </summary>
internal sealed record TableGroupInput(
    string TableName,
    TableCandidate? Primary,
    TableCandidate? Authority,
    CatalogTable? Catalog,
    EquatableArray<TableCandidate> DocumentTables,
    TableOptions? Options,
    GeneratorSettings Settings)
{
    /// <summary>Where the table's diagnostics stand: its document table, else its table options; null for a table named in the project file.</summary>
    public SourceSpan? Location => Primary?.Table.Location ?? Options?.Location;

    /// <summary>The table as the lock file recorded it, where there is one: its build reports each breaking difference.</summary>
    public LockedTable? Lock { get; init; }
}
