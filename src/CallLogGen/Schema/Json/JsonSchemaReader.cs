using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Schema.Json;

/// <summary>
/// Reads a JSON schema file. The format is told by the shape of the JSON, not by the file name:
/// <list type="bullet">
/// <item>CallLogGen table options: a <c>"$schema"</c> ending in <c>table-options.schema.json</c>, or a
/// <c>"tables"</c> array with an item holding <c>"tableName"</c> (see docs/table-options.md).</item>
/// <item>Kusto <c>.show table T schema as json</c>: <c>"Name"</c> and an <c>"OrderedColumns"</c> array.</item>
/// <item>Sentinel custom table: <c>"Name"</c> and a <c>"Properties"</c> array.</item>
/// <item>Azure Monitor Tables REST API: a table resource (<c>properties.schema</c>), a list of them
/// (<c>value</c>), or an API example with <c>parameters</c> and <c>responses</c>.</item>
/// </list>
/// Anything else is reported as CLG1002 (Info) and ignored; so is an empty (or all-whitespace) file, which is
/// most likely one being written: an Info does not fail the build on every keystroke. Invalid JSON is CLG1001
/// (Error) at the first error. Member names of the foreign formats are matched ignoring case, since their
/// writers disagree on it; where a name occurs twice in one object, the last one wins (<see cref="JsonObject.Get"/>).
/// A column whose name was seen before in the table (ordinal, as KQL compares names) is CLG1004 and skipped;
/// an unknown type is CLG1006 and the column is kept with <c>Type</c> null; an item that is not a column is CLG1003;
/// a table left without columns is CLG1016 and not returned (as the markdown reader does).
/// Positions are those of the JSON values: a table at its name, a column at its name (quotes included).
/// </summary>
internal static class JsonSchemaReader
{
    public static SchemaDocument Read(SchemaFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = JsonParser.Parse(file.Text, cancellationToken);
        if (result.IsEmpty)
        {
            // An empty file is likely one being written: say so quietly rather than fail the build.
            var at = result.Error!.Span.ToSourceSpan(file);
            return SchemaReader.Empty(file, SchemaFormat.None, DiagnosticInfo.Create(DiagnosticCatalog.UnknownJsonFormat, at));
        }

        if (result.Root is null)
        {
            var error = result.Error!;
            return SchemaReader.Empty(file, SchemaFormat.None,
                DiagnosticInfo.Create(DiagnosticCatalog.InvalidJson, error.Span.ToSourceSpan(file), error.Message));
        }

        var root = result.Root;
        if (root is JsonObject obj)
        {
            if (TableOptionsReader.IsTableOptions(obj))
            {
                return TableOptionsReader.Read(file, obj, cancellationToken);
            }

            var context = new ReadContext(file, cancellationToken);
            if (obj.GetIgnoreCase("OrderedColumns") is JsonArray kustoColumns && obj.GetIgnoreCase("Name") is JsonString { Value.Length: > 0 } kustoName)
            {
                var table = context.ReadTable(kustoName.Value, kustoName, obj.GetIgnoreCase("DocString"), obj, KustoColumn, kustoColumns);
                return context.Document(SchemaFormat.KustoTableSchema, table);
            }

            if (obj.GetIgnoreCase("Properties") is JsonArray sentinelColumns && obj.GetIgnoreCase("Name") is JsonString { Value.Length: > 0 } sentinelName)
            {
                var table = context.ReadTable(sentinelName.Value, sentinelName, obj.GetIgnoreCase("Description"), obj, SentinelColumn, sentinelColumns);
                return context.Document(SchemaFormat.SentinelCustomTable, table);
            }

            var tables = TablesApi.Read(context, obj);
            if (tables is not null)
            {
                return context.Document(SchemaFormat.AzureMonitorTablesApi, tables.ToArray());
            }
        }

        return SchemaReader.Empty(file, SchemaFormat.None,
            DiagnosticInfo.Create(DiagnosticCatalog.UnknownJsonFormat, JsonSpans.Head(root).ToSourceSpan(file)));
    }

    // Kusto: CslType is the KQL name; Type is a .NET type name (System.SByte for bool) and only a fallback.
    private static readonly ColumnShape KustoColumn = new("Name", new[] { "CslType", "Type" }, "DocString");

    private static readonly ColumnShape SentinelColumn = new("Name", new[] { "Type" }, "Description");

    internal static readonly ColumnShape TablesApiColumn = new("name", new[] { "type" }, "description");

    /// <summary>The member names a format uses in its column objects.</summary>
    internal sealed class ColumnShape
    {
        public ColumnShape(string name, string[] types, string description)
        {
            Name = name;
            Types = types;
            Description = description;
        }

        public string Name { get; }

        /// <summary>Members that may give the type, the preferred first.</summary>
        public string[] Types { get; }

        public string Description { get; }
    }

    /// <summary>Reading state of one file: its diagnostics and the helpers that add to them.</summary>
    internal sealed class ReadContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new();

        public ReadContext(SchemaFile file, CancellationToken cancellationToken)
        {
            File = file;
            CancellationToken = cancellationToken;
        }

        public SchemaFile File { get; }

        public CancellationToken CancellationToken { get; }

        public SourceSpan Span(JsonNode node) => node.Span.ToSourceSpan(File);

        public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonTextSpan at, params string[] arguments) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, at.ToSourceSpan(File), arguments));

        public SchemaDocument Document(SchemaFormat format, params SourceTable?[] tables) =>
            new(File.FilePath, File.RelativePath, format, tables.Where(t => t is not null).Select(t => t!).ToEquatableArray(),
                EquatableArray<IncludeReference>.Empty, EquatableArray<TableOptions>.Empty, _diagnostics.ToEquatableArray());

        /// <summary>
        /// Reads one table. <paramref name="columnLists"/> are read in order into one list; a name seen
        /// before (ordinal, as KQL compares column names) is CLG1004 and skipped. A table without a readable
        /// column is CLG1016 and null, as the markdown reader does.
        /// </summary>
        public SourceTable? ReadTable(string tableName, JsonNode? nameNode, JsonNode? description, JsonNode tableNode,
            ColumnShape shape, params JsonArray?[] columnLists)
        {
            var seen = new Dictionary<string, SourceColumn>(StringComparer.Ordinal);
            var columns = new List<SourceColumn>();
            foreach (var list in columnLists)
            {
                if (list is null)
                {
                    continue;
                }

                foreach (var item in list.Items)
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    var column = ReadColumn(tableName, item, shape);
                    if (column is null)
                    {
                        continue;
                    }

                    if (seen.TryGetValue(column.Name, out var first))
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateColumn, column.Location, tableName, column.Name, first.Location.Display));
                        continue;
                    }

                    seen.Add(column.Name, column);
                    columns.Add(column);
                }
            }

            if (columns.Count == 0)
            {
                Report(DiagnosticCatalog.EmptyTable, nameNode is not null ? nameNode.Span : JsonSpans.Head(tableNode), tableName);
                return null;
            }

            return new SourceTable(
                tableName,
                NameIsTableName: true,
                (description as JsonString)?.Value is { Length: > 0 } text ? text : null,
                Span(nameNode ?? tableNode),
                columns.ToEquatableArray());
        }

        private SourceColumn? ReadColumn(string tableName, JsonNode item, ColumnShape shape)
        {
            if (item is not JsonObject column)
            {
                Report(DiagnosticCatalog.UnreadableColumn, item.Span, tableName, $"it is {item.KindDisplay}, not an object with a {Quote(shape.Name)} and a {Quote(shape.Types[0])}");
                return null;
            }

            var nameNode = column.GetIgnoreCase(shape.Name);
            if (nameNode is not JsonString { Value.Length: > 0 } name)
            {
                var reason = nameNode is null
                    ? $"it has no {Quote(shape.Name)}"
                    : $"its {Quote(shape.Name)} is {(nameNode is JsonString ? "empty" : nameNode.KindDisplay)}, not a column name";
                Report(DiagnosticCatalog.UnreadableColumn, JsonSpans.Head(nameNode ?? column), tableName, reason);
                return null;
            }

            JsonNode? typeNode = null;
            foreach (var typeMember in shape.Types)
            {
                typeNode = column.GetIgnoreCase(typeMember);
                if (typeNode is JsonString)
                {
                    break;
                }
            }

            string? typeText = null;
            KqlType? type = null;
            if (typeNode is JsonString typeString)
            {
                typeText = typeString.Value;
                if (KqlTypes.TryParse(typeText, out var parsed))
                {
                    type = parsed;
                }
                else
                {
                    Report(DiagnosticCatalog.UnknownType, typeString.Span, name.Value, typeText);
                }
            }
            else if (typeNode is not null && typeNode.Kind != JsonKind.Null)
            {
                Report(DiagnosticCatalog.UnreadableColumn, JsonSpans.Head(typeNode), tableName,
                    $"the type of column '{name.Value}' is {typeNode.KindDisplay}, not a string");
                return null;
            }

            var description = column.GetIgnoreCase(shape.Description) is JsonString d ? d.Value : string.Empty;
            return new SourceColumn(name.Value, typeText, type, Requiredness.Unspecified, description, Span(name));
        }

        private static string Quote(string member) => "\"" + member + "\"";
    }
}

/// <summary>Spans for messages about whole values.</summary>
internal static class JsonSpans
{
    /// <summary>
    /// The first character of a value: for objects and arrays the opening bracket, so that a message
    /// about them points at one line instead of underlining the whole block; other values whole.
    /// </summary>
    public static JsonTextSpan Head(JsonNode node)
    {
        var span = node.Span;
        return node.Kind is JsonKind.Object or JsonKind.Array
            ? new JsonTextSpan(span.Start, 1, span.Line, span.Column, span.Line, span.Column + 1)
            : span;
    }
}
