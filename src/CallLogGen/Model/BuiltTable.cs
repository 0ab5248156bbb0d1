namespace CallLogGen.Model;

/// <summary>One built table (null where it could not be built), where it stands (null for a table named only in the project file), and its diagnostics.</summary>
internal sealed record BuiltTable(TableSpec? Table, SourceSpan? Location, EquatableArray<DiagnosticInfo> Diagnostics);
