using CallLogGen.Model;

namespace CallLogGen.Tests.Infrastructure;

// The generator's KqlType: from this namespace a plain KqlType would find the runtime's CallLogGen.KqlType first.
using KqlType = CallLogGen.Model.KqlType;

/// <summary>Builds reader output by hand, so resolver tests do not depend on a reader.</summary>
internal static class Documents
{
    public static SourceSpan At(string path, int line, int column = 0) =>
        new("/project/" + path, path, line * 100 + column, 1, line, column, line, column + 1);

    public static SourceColumn Column(string path, int line, string name, KqlType? type = null, string description = "", Requiredness required = Requiredness.Unspecified) =>
        new(name, type?.ToKqlName(), type, required, description, At(path, line, 2));

    public static SourceTable Table(string path, int line, string name, bool isTableName, params SourceColumn[] columns) =>
        new(name, isTableName, null, At(path, line), EquatableArray.Create(columns));

    public static SchemaDocument Markdown(string path, params SourceTable[] tables) =>
        new("/project/" + path, path, SchemaFormat.Markdown, EquatableArray.Create(tables), EquatableArray<IncludeReference>.Empty, EquatableArray<TableOptions>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    public static SchemaDocument MarkdownWithIncludes(string path, SourceTable[] tables, params IncludeReference[] includes) =>
        Markdown(path, tables) with { Includes = EquatableArray.Create(includes) };

    public static SchemaDocument JsonDocument(string path, params SourceTable[] tables) =>
        new("/project/" + path, path, SchemaFormat.AzureMonitorTablesApi, EquatableArray.Create(tables), EquatableArray<IncludeReference>.Empty, EquatableArray<TableOptions>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    public static SchemaDocument Options(string path, params TableOptions[] options) =>
        new("/project/" + path, path, SchemaFormat.TableOptions, EquatableArray<SourceTable>.Empty, EquatableArray<IncludeReference>.Empty, EquatableArray.Create(options), EquatableArray<DiagnosticInfo>.Empty);

    public static TableOptions TableOptions(string tableName, string? sourceTable = null, bool resourceLogColumns = false, string[]? standardColumns = null, string? typeName = null, params ColumnOptions[] columns) =>
        new(tableName, null, sourceTable, typeName, null, null,
            new StandardColumnSelection(resourceLogColumns, EquatableArray.Create(standardColumns ?? Array.Empty<string>())),
            EquatableArray.Create(columns), At("schemas/options.json", 1));

    public static ColumnOptions Entry(string column, ColumnAction action = ColumnAction.Update, string? rename = null, KqlType? type = null, bool? required = null, string? propertyName = null, int line = 5) =>
        new(column, action, rename, type?.ToKqlName(), type, required, propertyName, null, At("schemas/options.json", line));
}
