using System.Globalization;
using System.Text;
using CallLogGen.Model;
using CallLogGen.Shape;

namespace CallLogGen.Emit;

/// <summary>
/// Emits a model's JSON mapping: what only the schema knows (each column's export path, which strings
/// repeat, and moving a typed cell in and out of each property). The parsing and writing live in
/// <c>CallLogGen.Json.LogRecordJson&lt;T&gt;</c> in the runtime library, written once.
/// </summary>
internal static class JsonEmitter
{
    private const string Json = "global::CallLogGen.Json.";

    public static void Write(SourceWriter writer, TableSpec table)
    {
        var type = table.TypeName;
        writer.Line("/// <summary>The fields of a record read from JSON that no column takes; written back with it, so nothing is lost.</summary>");
        writer.Line("public " + Json + "UnmappedFields? " + GeneratedShape.UnmappedFieldsProperty + " { get; set; }");
        writer.Line();
        writer.Line("/// <summary>Reads and writes <c>" + Literals.Xml(table.TableName) + "</c> records as JSON: diagnostic-settings exports, query API results, Logs Ingestion API arrays.</summary>");
        writer.Line("public static " + GeneratedShape.LogRecordJsonType.InCode + "<" + type + "> " + GeneratedShape.JsonProperty + " { get; } = new " + GeneratedShape.JsonMappingClass + "();");
        writer.Line();
        writer.Open("private sealed class " + GeneratedShape.JsonMappingClass + " : " + GeneratedShape.LogRecordJsonType.InCode + "<" + type + ">");
        writer.Line("public " + GeneratedShape.JsonMappingClass + "() : base(" + type + "." + GeneratedShape.SchemaProperty + ", new string?[] { " + ExportPaths(table) + " }, new int[] { " + LowCardinality(table) + " }) { }");
        writer.Line("protected override " + type + " CreateRecord() => new();");
        writer.Line("protected override " + Json + "UnmappedFields? GetUnmapped(" + type + " r) => r." + GeneratedShape.UnmappedFieldsProperty + ";");
        writer.Line("protected override void SetUnmapped(" + type + " r, " + Json + "UnmappedFields f) => r." + GeneratedShape.UnmappedFieldsProperty + " = f;");
        writer.Open("protected override void SetCell(" + type + " r, int c, in " + Json + "CellValue v)");
        writer.Open("switch (c)");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            writer.Line("case " + Index(i) + ": r." + column.PropertyName + " = v." + KqlTypes.Of(column.Type).CellMember + Unwrap(column) + "; break;");
        }

        writer.Close();
        writer.Close();
        writer.Open("protected override void GetCell(" + type + " r, int c, ref " + Json + "CellValue v)");
        writer.Open("switch (c)");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            writer.Line("case " + Index(i) + ": v." + KqlTypes.Of(column.Type).CellMember + " = r." + column.PropertyName + "; break;");
        }

        writer.Close();
        writer.Close();
        writer.Close();
    }

    private static string Unwrap(ColumnSpec column)
    {
        if (!column.IsRequired)
        {
            return string.Empty;
        }

        // Readers refuse a record without a required column, so the default here is never the value read.
        return KqlTypes.Of(column.Type).IsValueType ? ".GetValueOrDefault()" : "!";
    }

    private static string ExportPaths(TableSpec table)
    {
        var text = new StringBuilder();
        foreach (var column in table.Columns)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(column.ExportPath is null ? "null" : Literals.String(column.ExportPath));
        }

        return text.ToString();
    }

    private static string LowCardinality(TableSpec table)
    {
        var text = new StringBuilder();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].IsLowCardinality)
            {
                text.Append(text.Length == 0 ? string.Empty : ", ").Append(Index(i));
            }
        }

        return text.ToString();
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
