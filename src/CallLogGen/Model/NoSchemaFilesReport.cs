namespace CallLogGen.Model;

/// <summary>
/// Whether the generator read no schema file with no table named, and what it then says: where it looked, as a warning
/// or a note.
/// </summary>
internal sealed record NoSchemaFilesReport(bool NothingRead, DiagnosticInfo Diagnostic);
