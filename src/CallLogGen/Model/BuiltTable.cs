namespace CallLogGen.Model;

/// <summary>One built table (null where it could not be built), where it stands, and its diagnostics.</summary>
internal sealed record BuiltTable(TableSpec? Table, SourceSpan Location, EquatableArray<DiagnosticInfo> Diagnostics);
