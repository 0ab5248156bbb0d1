namespace CallLogGen.Model;

/// <summary>
/// One line of the build summary (CLG1030): a schema file, or the built-in Azure Monitor reference for the tables that
/// have none, and what was generated from it, in the namespace of the generated types: each type with its table and line.
/// </summary>
internal sealed record BuildSummaryLine(string Source, string Namespace, EquatableArray<string> Types);
