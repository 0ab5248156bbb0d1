using CallLogGen.Model;

namespace CallLogGen.Schema;

/// <summary>The text of one schema file as the pipeline receives it: all the readers may look at.</summary>
internal sealed record SchemaFile(string FilePath, string RelativePath, string Text);

/// <summary>Which reader understood a file.</summary>
internal enum SchemaFormat
{
    /// <summary>Read, but holds nothing CallLogGen uses (an unknown JSON shape, invalid JSON).</summary>
    None,
    Markdown,
    AzureMonitorTablesApi,
    SentinelCustomTable,
    KustoTableSchema,
    TableOptions,
}

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

/// <summary>
/// A table as one document writes it. <see cref="Name"/> is the document's name for it: for markdown the
/// nearest heading made unique within the file, for JSON formats the table name they carry
/// (<see cref="NameIsTableName"/> is then true: it is the Log Analytics name).
/// </summary>
internal sealed record SourceTable(
    string Name,
    bool NameIsTableName,
    string? Description,
    SourceSpan Location,
    EquatableArray<SourceColumn> Columns);

/// <summary>Whether a document says a column must be present.</summary>
internal enum Requiredness
{
    Unspecified,
    Required,
    Optional,
}

/// <summary>
/// A column as the document writes it. <see cref="Type"/> is null where the document gives no type
/// (inferred later); <see cref="TypeText"/> keeps the spelling for messages. <see cref="Description"/>
/// is plain text: markup, links and <c>&lt;br&gt;</c> already turned into text.
/// </summary>
internal sealed record SourceColumn(
    string Name,
    string? TypeText,
    KqlType? Type,
    Requiredness Required,
    string Description,
    SourceSpan Location);

/// <summary>
/// An <c>[!INCLUDE [title](path)]</c> line: the included file's tables belong to this page, named
/// <see cref="NameHint"/> (the name a table at that place in this page would get).
/// </summary>
internal sealed record IncludeReference(string Target, string NameHint, SourceSpan Location);
