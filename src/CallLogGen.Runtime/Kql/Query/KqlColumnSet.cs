using System;

namespace CallLogGen.Kql;

/// <summary>
/// A table's columns as typed KQL expressions, made once per table and shared by every query over it: where a generated
/// <c>KqlColumns</c> takes its members from (<c>Level = columns.String(3)</c>, by the column's position in the table's
/// <see cref="TableSchema"/>). Each accessor checks that the column has its type.
/// </summary>
public sealed class KqlColumnSet
{
    private readonly TableSchema _schema;
    private readonly KqlExpression[] _columns;

    internal KqlColumnSet(TableSchema schema)
    {
        _schema = schema;
        _columns = new KqlExpression[schema.Columns.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = schema.Columns[i];
            _columns[i] = column.Type switch
            {
                KqlType.String => KqlString.Column(column.Name),
                KqlType.Int => KqlInt.Column(column.Name),
                KqlType.Long => KqlLong.Column(column.Name),
                KqlType.Real => KqlReal.Column(column.Name),
                KqlType.Decimal => KqlDecimal.Column(column.Name),
                KqlType.Bool => KqlBool.Column(column.Name),
                KqlType.DateTime => KqlDateTime.Column(column.Name),
                KqlType.TimeSpan => KqlTimeSpan.Column(column.Name),
                KqlType.Guid => KqlGuid.Column(column.Name),
                KqlType.Dynamic => KqlDynamic.Column(column.Name),
                _ => throw new ArgumentOutOfRangeException(nameof(schema), column.Type, "Not a KQL type."),
            };
        }
    }

    /// <summary>The columns of <paramref name="schema"/>; the same instance for every call with that schema.</summary>
    public static KqlColumnSet Of(TableSchema schema) => (schema ?? throw new ArgumentNullException(nameof(schema))).ColumnSet;

    /// <summary>The <c>string</c> column at <paramref name="ordinal"/>.</summary>
    public KqlString String(int ordinal) => Get<KqlString>(ordinal);

    /// <summary>The <c>int</c> column at <paramref name="ordinal"/>.</summary>
    public KqlInt Int(int ordinal) => Get<KqlInt>(ordinal);

    /// <summary>The <c>long</c> column at <paramref name="ordinal"/>.</summary>
    public KqlLong Long(int ordinal) => Get<KqlLong>(ordinal);

    /// <summary>The <c>real</c> column at <paramref name="ordinal"/>.</summary>
    public KqlReal Real(int ordinal) => Get<KqlReal>(ordinal);

    /// <summary>The <c>decimal</c> column at <paramref name="ordinal"/>.</summary>
    public KqlDecimal Decimal(int ordinal) => Get<KqlDecimal>(ordinal);

    /// <summary>The <c>bool</c> column at <paramref name="ordinal"/>.</summary>
    public KqlBool Bool(int ordinal) => Get<KqlBool>(ordinal);

    /// <summary>The <c>datetime</c> column at <paramref name="ordinal"/>.</summary>
    public KqlDateTime DateTime(int ordinal) => Get<KqlDateTime>(ordinal);

    /// <summary>The <c>timespan</c> column at <paramref name="ordinal"/>.</summary>
    public KqlTimeSpan TimeSpan(int ordinal) => Get<KqlTimeSpan>(ordinal);

    /// <summary>The <c>guid</c> column at <paramref name="ordinal"/>.</summary>
    public KqlGuid Guid(int ordinal) => Get<KqlGuid>(ordinal);

    /// <summary>The <c>dynamic</c> column at <paramref name="ordinal"/>.</summary>
    public KqlDynamic Dynamic(int ordinal) => Get<KqlDynamic>(ordinal);

    private T Get<T>(int ordinal)
        where T : KqlExpression
    {
        if ((uint)ordinal >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"Table '{_schema.TableName}' has {_columns.Length} columns.");
        }

        return _columns[ordinal] as T
            ?? throw new InvalidOperationException($"Column '{_schema.Columns[ordinal].Name}' of table '{_schema.TableName}' is a {_schema.Columns[ordinal].KqlTypeName}, not a {typeof(T).Name}.");
    }
}
