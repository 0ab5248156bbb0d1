using CallLogGen.Model;

namespace CallLogGen.Emit;

/// <summary>
/// Emits a table's typed KQL entry point: a nested <c>KqlColumns</c> class with one typed column per schema
/// column, and <c>Query()</c>. Everything else (operators, literals, rendering) lives in the runtime library.
/// </summary>
internal static class QueryEmitter
{
    public const string ColumnsTypeName = "KqlColumns";
    public const string QueryMethodName = "Query";

    public static void Write(SourceWriter writer, TableSpec table)
    {
        writer.Line("/// <summary>The columns of <c>" + Literals.Xml(table.TableName) + "</c> as typed KQL expressions, for <see cref=\"" + QueryMethodName + "\"/>.</summary>");
        writer.Open("public sealed class " + ColumnsTypeName);
        foreach (var column in table.Columns)
        {
            var type = "global::CallLogGen.Kql." + KqlTypes.Of(column.Type).ExpressionClass;
            writer.Line("/// <inheritdoc cref=\"" + table.TypeName + "." + column.PropertyName + "\"/>");
            ModelEmitter.WriteObsolete(writer, column);
            writer.Line("public " + type + " " + column.PropertyName + " { get; } = " + type + ".Column(" + Literals.String(column.Name) + ");");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Starts a typed KQL query over <c>" + Literals.Xml(table.TableName) + "</c>.</summary>");
        writer.Line("public static global::CallLogGen.Kql.KqlQuery<" + ColumnsTypeName + "> " + QueryMethodName + "() => global::CallLogGen.Kql.KqlQuery<" + ColumnsTypeName + ">.From(Schema, new " + ColumnsTypeName + "());");
    }
}
