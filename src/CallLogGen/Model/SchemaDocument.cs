namespace CallLogGen.Model;

/// <summary>
/// What a reader found in one file: tables as the document writes them (names not yet turned into
/// C# names, types not yet inferred), the files it includes, table options, and diagnostics.
/// Readers never throw for bad input; whatever they cannot read becomes a diagnostic here.
/// </summary>
internal sealed record SchemaDocument(
    string FilePath,
    string RelativePath,
    SchemaFormat Format,
    EquatableArray<SourceTable> Tables,
    EquatableArray<IncludeReference> Includes,
    EquatableArray<TableOptions> Options,
    EquatableArray<DiagnosticInfo> Diagnostics);
