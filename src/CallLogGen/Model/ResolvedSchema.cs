namespace CallLogGen.Model;

/// <summary>All tables to generate, and every diagnostic the schema files gave.</summary>
internal sealed record ResolvedSchema(EquatableArray<TableSpec> Tables, EquatableArray<DiagnosticInfo> Diagnostics);
