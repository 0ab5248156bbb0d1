namespace CallLogGen.Model;

/// <summary>What step 1 decided: the tables to build, and the diagnostics so far.</summary>
internal sealed record SchemaPlan(EquatableArray<TableGroupInput> Groups, EquatableArray<DiagnosticInfo> Diagnostics);
