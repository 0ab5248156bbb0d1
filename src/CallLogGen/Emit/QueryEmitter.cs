using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallLogGen.Model;
using CallLogGen.Shape;

namespace CallLogGen.Emit;

/// <summary>
/// Emits a table's typed KQL entry point: a nested <c>KqlColumns</c> class with one typed column field per schema column,
/// grouped by type and taken by position from the runtime's <c>KqlColumnSet</c> of the table's schema (made once, shared
/// by every query), and <c>Query()</c>.
/// Everything else (operators, literals, rendering) lives in the runtime library.
/// </summary>
internal static class QueryEmitter
{
    private const string ColumnsTypeName = GeneratedShape.ColumnsClass;
    private const string KqlNamespace = "global::" + GeneratedShape.KqlNamespace + ".";

    // Field lists wrap before this width, so that a wide table's declarations stay readable.
    private const int LineWidth = 120;

    public static void Write(SourceWriter writer, TableSpec table)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The columns of <c>" + Literals.Xml(table.TableName) + "</c> as typed KQL expressions, for <see cref=\"" + GeneratedShape.QueryMethod + "\"/>: each is the");
        writer.Line("/// column of the property of the same name, documented there.");
        writer.Line("/// </summary>");
        writer.Open("public sealed class " + ColumnsTypeName);

        // The table's typed columns are made once per schema, in the runtime; the fields only pick them by position.
        var set = Free("Set", table.Columns.Select(c => c.PropertyName));
        writer.Line("private static readonly " + GeneratedShape.KqlColumnSetType.InCode + " " + set + " = " + GeneratedShape.KqlColumnSetType.InCode + ".Of(" + GeneratedShape.SchemaProperty + ");");
        var columns = table.Columns.Select((column, ordinal) => (Column: column, Ordinal: ordinal)).ToList();
        foreach (var group in columns.Where(c => c.Column.Obsolete is null).GroupBy(c => c.Column.Type).OrderBy(g => g.Key))
        {
            var facts = KqlTypes.Of(group.Key);
            writer.Line();
            writer.Line("/// <summary>The <c>" + facts.Name + "</c> columns.</summary>");
            WriteFieldList(
                writer,
                "public readonly " + KqlNamespace + facts.ExpressionClass + " ",
                group.Select(c => c.Column.PropertyName + " = " + ColumnFromSet(set, c.Column, c.Ordinal)).ToList());
        }

        // An obsolete column keeps its own declaration: its attribute warns where the column is used.
        foreach (var (column, ordinal) in columns.Where(c => c.Column.Obsolete is not null))
        {
            writer.Line();
            writer.Line("/// <inheritdoc cref=\"" + table.TypeName + "." + column.PropertyName + "\"/>");
            ModelEmitter.WriteObsolete(writer, column);
            writer.Line("public readonly " + KqlNamespace + KqlTypes.Of(column.Type).ExpressionClass + " " + column.PropertyName + " = " + ColumnFromSet(set, column, ordinal) + ";");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Starts a typed KQL query over <c>" + Literals.Xml(table.TableName) + "</c>.</summary>");
        var query = GeneratedShape.KqlQueryType.InCode + "<" + ColumnsTypeName + ">";
        writer.Line("public static " + query + " " + GeneratedShape.QueryMethod + "() => " + query + ".From(" + GeneratedShape.SchemaProperty + ", new " + ColumnsTypeName + "());");
    }

    private static string ColumnFromSet(string set, ColumnSpec column, int ordinal) =>
        set + "." + KqlTypes.Of(column.Type).CellMember + "(" + ordinal.ToString(CultureInfo.InvariantCulture) + ")";

    private static void WriteFieldList(SourceWriter writer, string declaration, IReadOnlyList<string> names)
    {
        var line = new System.Text.StringBuilder(declaration);
        var empty = true;
        for (var i = 0; i < names.Count; i++)
        {
            var item = names[i] + (i == names.Count - 1 ? ";" : ",");
            if (!empty && line.Length + 1 + item.Length > LineWidth)
            {
                writer.Line(line.ToString());
                line.Clear().Append("    ");
                empty = true;
            }

            line.Append(empty ? string.Empty : " ").Append(item);
            empty = false;
        }

        writer.Line(line.ToString());
    }

    // A member's name that no column takes (a column may be named anything).
    private static string Free(string name, IEnumerable<string> columns)
    {
        var taken = new HashSet<string>(columns, System.StringComparer.Ordinal);
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
