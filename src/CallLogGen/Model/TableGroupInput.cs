namespace CallLogGen.Model;

/// <summary>
/// Everything that builds one table, and nothing else, so that it compares equal across runs unless an edit
/// touched this table: at most one authoritative JSON schema, the docs tables merged into it, the table options
/// that apply, and the generator settings.
/// </summary>
internal sealed record TableGroupInput(
    string TableName,
    TableCandidate Primary,
    TableCandidate? Authority,
    EquatableArray<TableCandidate> DocumentTables,
    TableOptions? Options,
    GeneratorSettings Settings);
