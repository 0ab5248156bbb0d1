using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Schema.Json;

/// <summary>
/// Reads CallLogGen table options (docs/table-options.md, docs/table-options.schema.json) into
/// <see cref="TableOptions"/>. Strict where the JSON Schema is strict (member names are case-sensitive,
/// unknown properties and wrong JSON types are CLG1014, unknown types CLG1006, unknown standard columns
/// CLG1015), and it goes on after an error: a bad property is ignored, an entry that cannot be acted on
/// is skipped, and the rest of the file still reads. It also checks what a JSON Schema cannot say:
/// duplicate property names (the last one is used), two entries for one table or one column (the
/// second is skipped).
/// </summary>
internal static class TableOptionsReader
{
    public const string SchemaFileName = "table-options.schema.json";

    /// <summary>The shorthand for the usual standard columns of a resource-log table.</summary>
    public const string ResourceLogSetName = "resourceLog";

    /// <summary>The columns <see cref="ResourceLogSetName"/> stands for.</summary>
    public static readonly IReadOnlyList<string> ResourceLogColumns = new[]
    {
        "TenantId", "SourceSystem", "Type", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable",
    };

    /// <summary>The Azure Monitor standard columns a table options file may name.</summary>
    public static readonly IReadOnlyList<string> StandardColumnNames = new[]
    {
        "TenantId", "SourceSystem", "Type", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable",
        "TimeGenerated", "_ItemId", "_TimeReceived",
    };

    /// <summary>The type names an options file accepts: KQL's own, exactly (docs pages' spellings are not).</summary>
    public static readonly IReadOnlyList<string> TypeNames = KqlTypes.All.Select(t => t.Name).ToArray();

    // The options the format has, per object; the docs and the JSON Schema are tested against these lists.
    internal static readonly string[] RootProperties = { "$schema", "$comment", "tables" };
    internal static readonly string[] TableProperties = { "$comment", "tableName", "source", "typeName", "category", "routes", "description", "standardColumns", "acceptUndocumentedColumns", "columns" };
    internal static readonly string[] SourceProperties = { "$comment", "file", "table" };
    internal static readonly string[] RouteProperties = { "$comment", "resourceType", "category" };
    internal static readonly string[] ColumnProperties = { "$comment", "column", "action", "rename", "type", "required", "propertyName", "description", "exportPath", "lowCardinality", "obsolete" };
    internal static readonly string[] ObsoleteProperties = { "$comment", "reason", "replacement" };
    private static readonly string[] DropProperties = { "$comment", "column", "action" };

    /// <summary>
    /// A file is table options when its <c>"$schema"</c> ends in <c>table-options.schema.json</c>, or when it
    /// has a <c>"tables"</c> array with an object that has a <c>"tableName"</c>.
    /// </summary>
    public static bool IsTableOptions(JsonObject root)
    {
        if (root.Get("$schema") is JsonString schema &&
            schema.Value.Trim().TrimEnd('#').EndsWith(SchemaFileName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (root.Get("tables") is JsonArray tables)
        {
            foreach (var item in tables.Items)
            {
                if (item is JsonObject table && table.Get("tableName") is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static SchemaDocument Read(SchemaFile file, JsonObject root, CancellationToken cancellationToken)
    {
        var reader = new Reader(file, cancellationToken);
        var options = reader.ReadRoot(root);
        return new SchemaDocument(file.FilePath, file.RelativePath, SchemaFormat.TableOptions,
            EquatableArray<SourceTable>.Empty, EquatableArray<IncludeReference>.Empty,
            options.ToEquatableArray(), reader.Diagnostics.ToEquatableArray());
    }

    /// <summary>An export path: "" (not exported), a top-level field name, or <c>properties.</c> and a field name.</summary>
    public static bool IsExportPath(string text)
    {
        var leaf = text.StartsWith("properties.", StringComparison.Ordinal) ? text.Substring("properties.".Length) : text;
        if (text.Length == 0)
        {
            return true;
        }

        foreach (var c in leaf)
        {
            if (c == '.' || char.IsControl(c))
            {
                return false;
            }
        }

        return leaf.Length > 0;
    }

    /// <summary>A Log Analytics table or column name: ASCII letters, digits and '_', not starting with a digit.</summary>
    public static bool IsLogAnalyticsName(string text)
    {
        if (text.Length == 0 || (text[0] >= '0' && text[0] <= '9'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Reader
    {
        private readonly SchemaFile _file;
        private readonly CancellationToken _cancellationToken;

        public Reader(SchemaFile file, CancellationToken cancellationToken)
        {
            _file = file;
            _cancellationToken = cancellationToken;
        }

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public List<TableOptions> ReadRoot(JsonObject root)
        {
            var result = new List<TableOptions>();
            JsonArray? tables = null;
            var hasTables = false;
            foreach (var member in Known(root, string.Empty, RootProperties))
            {
                switch (member.Name)
                {
                    case "tables":
                        hasTables = true;
                        tables = member.Value as JsonArray;
                        if (tables is null)
                        {
                            WrongType(member.Value, "tables", "an array of tables");
                        }

                        break;
                    default:
                        ReadString(member, Path(string.Empty, member.Name), allowEmpty: true);
                        break;
                }
            }

            if (tables is null)
            {
                if (!hasTables)
                {
                    Invalid(JsonSpans.Head(root), "table options need a \"tables\" array");
                }

                return result;
            }

            var seen = new Dictionary<string, SourceSpan>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tables.Items.Length; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var table = ReadTable($"tables[{i}]", tables.Items[i]);
                if (table is null)
                {
                    continue;
                }

                if (seen.TryGetValue(table.TableName, out var first))
                {
                    Invalid(table.Location, $"tables[{i}].tableName: table '{table.TableName}' already has options at {first.Display}; this entry is skipped");
                    continue;
                }

                seen.Add(table.TableName, table.Location);
                result.Add(table);
            }

            return result;
        }

        private TableOptions? ReadTable(string path, JsonNode node)
        {
            if (node is not JsonObject table)
            {
                WrongType(node, path, "a table object");
                return null;
            }

            JsonString? tableName = null;
            var tableNameInvalid = false;
            string? sourceFile = null, sourceTable = null, typeName = null, category = null, description = null;
            var standardColumns = StandardColumnSelection.None;
            EquatableArray<TableRoute>? routes = null;
            var acceptUndocumented = false;
            var columns = new List<ColumnOptions>();
            var seenColumns = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            foreach (var member in Known(table, path, TableProperties))
            {
                var memberPath = Path(path, member.Name);
                switch (member.Name)
                {
                    case "tableName":
                        if (member.Value is not JsonString name)
                        {
                            WrongType(member.Value, memberPath, "a string");
                            tableNameInvalid = true;
                        }
                        else if (!IsLogAnalyticsName(name.Value))
                        {
                            Invalid(name.Span, $"{memberPath}: '{name.Value}' is not a Log Analytics table name (letters, digits and '_', not starting with a digit)");
                            tableNameInvalid = true;
                        }
                        else
                        {
                            tableName = name;
                        }

                        break;
                    case "source":
                        ReadSource(member.Value, memberPath, ref sourceFile, ref sourceTable);
                        break;
                    case "typeName":
                        typeName = ReadString(member, memberPath, allowEmpty: false) ?? typeName;
                        break;
                    case "category":
                        category = ReadString(member, memberPath, allowEmpty: false) ?? category;
                        break;
                    case "routes":
                        routes = ReadRoutes(member.Value, memberPath) ?? routes;
                        break;
                    case "description":
                        description = ReadString(member, memberPath, allowEmpty: true) ?? description;
                        break;
                    case "standardColumns":
                        standardColumns = ReadStandardColumns(member.Value, memberPath);
                        break;
                    case "acceptUndocumentedColumns":
                        if (member.Value.Kind is JsonKind.True or JsonKind.False)
                        {
                            acceptUndocumented = member.Value.Kind == JsonKind.True;
                        }
                        else
                        {
                            WrongType(member.Value, memberPath, "true or false");
                        }

                        break;
                    case "columns":
                        if (member.Value is not JsonArray entries)
                        {
                            WrongType(member.Value, memberPath, "an array of column entries");
                            break;
                        }

                        columns.Clear();
                        seenColumns.Clear();
                        for (var i = 0; i < entries.Items.Length; i++)
                        {
                            var entryPath = $"{memberPath}[{i}]";
                            var column = ReadColumn(entryPath, entries.Items[i]);
                            if (column is null)
                            {
                                continue;
                            }

                            if (seenColumns.TryGetValue(column.Column, out var first))
                            {
                                Invalid(column.Location, $"{entryPath}.column: column '{column.Column}' already has an entry at {first.Display}; this entry is skipped");
                                continue;
                            }

                            seenColumns.Add(column.Column, column.Location);
                            columns.Add(column);
                        }

                        break;
                    default:
                        ReadString(member, memberPath, allowEmpty: true);
                        break;
                }
            }

            if (tableName is null)
            {
                if (!tableNameInvalid)
                {
                    Invalid(JsonSpans.Head(table), $"{path}: a table needs a \"tableName\" (its Log Analytics name); this entry is skipped");
                }

                return null;
            }

            return new TableOptions(tableName.Value, sourceFile, sourceTable, typeName, category, description,
                standardColumns, columns.ToEquatableArray(), tableName.Span.ToSourceSpan(_file)) { Routes = routes, AcceptUndocumentedColumns = acceptUndocumented };
        }

        private void ReadSource(JsonNode node, string path, ref string? file, ref string? table)
        {
            if (node is not JsonObject source)
            {
                WrongType(node, path, "an object with \"file\" and/or \"table\"");
                return;
            }

            string? newFile = null, newTable = null;
            foreach (var member in Known(source, path, SourceProperties))
            {
                var value = ReadString(member, Path(path, member.Name), allowEmpty: member.Name == "$comment");
                if (member.Name == "file")
                {
                    newFile = value ?? newFile;
                }
                else if (member.Name == "table")
                {
                    newTable = value ?? newTable;
                }
            }

            if (source.Get("file") is null && source.Get("table") is null)
            {
                Invalid(JsonSpans.Head(source), $"{path}: name the document's \"file\", its \"table\" or both");
            }

            file = newFile;
            table = newTable;
        }

        /// <summary>The (resource type, category) pairs whose records land in the table; an entry without a category is skipped.</summary>
        private EquatableArray<TableRoute>? ReadRoutes(JsonNode node, string path)
        {
            if (node is not JsonArray list)
            {
                WrongType(node, path, "an array of {\"resourceType\", \"category\"} objects");
                return null;
            }

            var routes = new List<TableRoute>();
            for (var i = 0; i < list.Items.Length; i++)
            {
                var entryPath = $"{path}[{i}]";
                if (list.Items[i] is not JsonObject entry)
                {
                    WrongType(list.Items[i], entryPath, "an object with \"category\" and, optionally, \"resourceType\"");
                    continue;
                }

                string? resourceType = null, category = null;
                foreach (var member in Known(entry, entryPath, RouteProperties))
                {
                    var value = ReadString(member, Path(entryPath, member.Name), allowEmpty: member.Name == "$comment");
                    if (member.Name == "resourceType")
                    {
                        resourceType = value ?? resourceType;
                    }
                    else if (member.Name == "category")
                    {
                        category = value ?? category;
                    }
                }

                if (category is null)
                {
                    if (entry.Get("category") is null)
                    {
                        Invalid(JsonSpans.Head(entry), $"{entryPath}: a route needs a \"category\"; this entry is skipped");
                    }

                    continue;
                }

                routes.Add(new TableRoute(resourceType, category));
            }

            return routes.ToEquatableArray();
        }

        private StandardColumnSelection ReadStandardColumns(JsonNode node, string path)
        {
            const string Expected = "\"resourceLog\" or an array of standard column names";
            if (node is JsonString shorthand)
            {
                if (shorthand.Value == ResourceLogSetName)
                {
                    return new StandardColumnSelection(true, EquatableArray<string>.Empty);
                }

                Invalid(shorthand.Span, $"{path}: expected {Expected}, found '{shorthand.Value}'");
                return StandardColumnSelection.None;
            }

            if (node is not JsonArray list)
            {
                WrongType(node, path, Expected);
                return StandardColumnSelection.None;
            }

            var resourceLog = false;
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Items.Length; i++)
            {
                var item = list.Items[i];
                var itemPath = $"{path}[{i}]";
                if (item is not JsonString name)
                {
                    WrongType(item, itemPath, "a standard column name");
                    continue;
                }

                if (!seen.Add(name.Value))
                {
                    Invalid(name.Span, $"{itemPath}: '{name.Value}' is listed twice");
                    continue;
                }

                if (name.Value == ResourceLogSetName)
                {
                    resourceLog = true;
                }
                else if (Contains(StandardColumnNames, name.Value))
                {
                    names.Add(name.Value);
                }
                else
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownStandardColumn, name.Span.ToSourceSpan(_file), name.Value,
                        string.Join(", ", StandardColumnNames) + "; or \"resourceLog\" for " + string.Join(", ", ResourceLogColumns)));
                }
            }

            return new StandardColumnSelection(resourceLog, names.ToEquatableArray());
        }

        private ColumnOptions? ReadColumn(string path, JsonNode node)
        {
            if (node is not JsonObject entry)
            {
                WrongType(node, path, "a column entry object");
                return null;
            }

            // The action decides which properties apply, so it is read first.
            var action = ColumnAction.Update;
            if (entry.Find("action", StringComparison.Ordinal) is { } actionMember)
            {
                var actionPath = Path(path, "action");
                if (actionMember.Value is not JsonString actionText)
                {
                    WrongType(actionMember.Value, actionPath, "\"update\", \"drop\" or \"add\"");
                    return null;
                }

                switch (actionText.Value)
                {
                    case "update": action = ColumnAction.Update; break;
                    case "drop": action = ColumnAction.Drop; break;
                    case "add": action = ColumnAction.Add; break;
                    default:
                        Invalid(actionText.Span, $"{actionPath}: '{actionText.Value}' is not an action; use \"update\", \"drop\" or \"add\"; this entry is skipped");
                        return null;
                }
            }

            JsonString? column = null;
            var columnInvalid = false;
            JsonString? rename = null, type = null;
            var typeInvalid = false;
            bool? required = null;
            string? propertyName = null, description = null, exportPath = null;
            bool? lowCardinality = null;
            ColumnObsolescence? obsolete = null;
            SourceSpan? obsoleteLocation = null;
            foreach (var member in Known(entry, path, ColumnProperties))
            {
                var memberPath = Path(path, member.Name);
                if (action == ColumnAction.Drop && Array.IndexOf(DropProperties, member.Name) < 0)
                {
                    Invalid(member.NameNode.Span, $"{memberPath}: a \"drop\" entry takes only \"column\" and \"action\"; \"{member.Name}\" is ignored");
                    continue;
                }

                switch (member.Name)
                {
                    case "column":
                        if (member.Value is JsonString { Value.Length: > 0 } name)
                        {
                            column = name;
                        }
                        else
                        {
                            ReadString(member, memberPath, allowEmpty: false);
                            columnInvalid = true;
                        }

                        break;
                    case "rename":
                        if (member.Value is not JsonString newName)
                        {
                            WrongType(member.Value, memberPath, "a string");
                        }
                        else if (action == ColumnAction.Add)
                        {
                            Invalid(newName.Span, $"{memberPath}: an \"add\" entry names the new column in \"column\"; \"rename\" does not apply and is ignored");
                        }
                        else if (!IsLogAnalyticsName(newName.Value))
                        {
                            Invalid(newName.Span, $"{memberPath}: '{newName.Value}' is not a Log Analytics column name (letters, digits and '_', not starting with a digit)");
                        }
                        else
                        {
                            rename = newName;
                        }

                        break;
                    case "type":
                        if (member.Value is JsonString typeText)
                        {
                            type = typeText;
                        }
                        else
                        {
                            WrongType(member.Value, memberPath, "a KQL type name");
                            typeInvalid = true;
                        }

                        break;
                    case "required":
                        if (member.Value.Kind is JsonKind.True or JsonKind.False)
                        {
                            required = member.Value.Kind == JsonKind.True;
                        }
                        else
                        {
                            WrongType(member.Value, memberPath, "true or false");
                        }

                        break;
                    case "propertyName":
                        propertyName = ReadString(member, memberPath, allowEmpty: false) ?? propertyName;
                        break;
                    case "description":
                        description = ReadString(member, memberPath, allowEmpty: true) ?? description;
                        break;
                    case "exportPath":
                        if (member.Value is JsonString exportText && !IsExportPath(exportText.Value))
                        {
                            Invalid(exportText.Span, $"{memberPath}: '{exportText.Value}' is not an export path; use a top-level field name (\"durationMs\"), \"properties.\" and a field name, or \"\" for a column that exports do not carry");
                        }
                        else
                        {
                            exportPath = ReadString(member, memberPath, allowEmpty: true) ?? exportPath;
                        }

                        break;
                    case "lowCardinality":
                        if (member.Value.Kind is JsonKind.True or JsonKind.False)
                        {
                            lowCardinality = member.Value.Kind == JsonKind.True;
                        }
                        else
                        {
                            WrongType(member.Value, memberPath, "true or false");
                        }

                        break;
                    case "obsolete":
                        obsolete = ReadObsolete(member.Value, memberPath) ?? obsolete;
                        obsoleteLocation = JsonSpans.Head(member.Value).ToSourceSpan(_file);
                        break;
                    default:
                        ReadString(member, memberPath, allowEmpty: true);
                        break;
                }
            }

            if (column is null)
            {
                if (!columnInvalid)
                {
                    Invalid(JsonSpans.Head(entry), $"{path}: a column entry needs a \"column\" (the name as the document writes it); this entry is skipped");
                }

                return null;
            }

            if (action == ColumnAction.Add)
            {
                if (!IsLogAnalyticsName(column.Value))
                {
                    Invalid(column.Span, $"{Path(path, "column")}: '{column.Value}' is not a Log Analytics column name (letters, digits and '_', not starting with a digit), which an added column needs; this entry is skipped");
                    return null;
                }

                // Without a type, the table's JSON schema or the Azure Monitor reference must give it: the resolver checks.
                if (type is null && typeInvalid)
                {
                    return null;
                }
            }

            KqlType? kqlType = null;
            if (type is not null)
            {
                if (Contains(TypeNames, type.Value) && KqlTypes.TryParse(type.Value, out var parsed))
                {
                    kqlType = parsed;
                }
                else
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownType, type.Span.ToSourceSpan(_file), column.Value, type.Value));
                }
            }

            return new ColumnOptions(column.Value, action, rename?.Value, type?.Value, kqlType, required,
                propertyName, description, column.Span.ToSourceSpan(_file))
            {
                ExportPath = exportPath,
                LowCardinality = lowCardinality,
                Obsolete = obsolete,
                ObsoleteLocation = obsolete is null ? null : obsoleteLocation,
            };
        }

        /// <summary><c>{"reason": "...", "replacement": "NewColumn"}</c>: a non-empty reason, and optionally the column that replaces this one.</summary>
        private ColumnObsolescence? ReadObsolete(JsonNode node, string path)
        {
            if (node is not JsonObject value)
            {
                WrongType(node, path, "an object with \"reason\" and, optionally, \"replacement\"");
                return null;
            }

            string? reason = null, replacement = null;
            foreach (var member in Known(value, path, ObsoleteProperties))
            {
                var memberPath = Path(path, member.Name);
                switch (member.Name)
                {
                    case "reason":
                        reason = ReadString(member, memberPath, allowEmpty: false) ?? reason;
                        break;
                    case "replacement":
                        if (member.Value is JsonString named && !IsLogAnalyticsName(named.Value))
                        {
                            Invalid(named.Span, $"{memberPath}: '{named.Value}' is not a Log Analytics column name (letters, digits and '_', not starting with a digit)");
                        }
                        else
                        {
                            replacement = ReadString(member, memberPath, allowEmpty: false) ?? replacement;
                        }

                        break;
                    default:
                        ReadString(member, memberPath, allowEmpty: true);
                        break;
                }
            }

            if (reason is null)
            {
                if (value.Get("reason") is null)
                {
                    Invalid(JsonSpans.Head(value), $"{path}: an obsolete column needs a \"reason\" (the message code that uses it gets); the mark is ignored");
                }

                return null;
            }

            return new ColumnObsolescence(reason, replacement);
        }

        /// <summary>
        /// The members of <paramref name="obj"/> whose names are in <paramref name="known"/>, in document order.
        /// Unknown names and repeated names are reported here; a repeated member is still returned, so that
        /// the last one wins.
        /// </summary>
        private List<JsonMember> Known(JsonObject obj, string path, string[] known)
        {
            var result = new List<JsonMember>(obj.Members.Length);
            HashSet<string>? seen = null;
            foreach (var member in obj.Members)
            {
                var memberPath = Path(path, member.Name);
                if (Array.IndexOf(known, member.Name) < 0)
                {
                    Invalid(member.NameNode.Span, $"{memberPath}: unknown property '{member.Name}' (known: {string.Join(", ", known)})");
                    continue;
                }

                seen ??= new HashSet<string>(StringComparer.Ordinal);
                if (!seen.Add(member.Name))
                {
                    Invalid(member.NameNode.Span, $"{memberPath}: the property is given twice; the last one is used");
                }

                result.Add(member);
            }

            return result;
        }

        private string? ReadString(JsonMember member, string path, bool allowEmpty)
        {
            if (member.Value is not JsonString text)
            {
                WrongType(member.Value, path, "a string");
                return null;
            }

            if (!allowEmpty && text.Value.Length == 0)
            {
                Invalid(text.Span, $"{path}: must not be empty");
                return null;
            }

            return text.Value;
        }

        private void WrongType(JsonNode value, string path, string expected) =>
            Invalid(JsonSpans.Head(value), $"{path}: expected {expected}, found {value.KindDisplay}");

        private void Invalid(JsonTextSpan at, string message) =>
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, at.ToSourceSpan(_file), message));

        private void Invalid(SourceSpan at, string message) =>
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, at, message));

        private static string Path(string parent, string member) => parent.Length == 0 ? member : parent + "." + member;

        private static bool Contains(IReadOnlyList<string> list, string value)
        {
            foreach (var item in list)
            {
                if (string.Equals(item, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
