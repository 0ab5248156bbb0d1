using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen;

/// <summary>
/// A log table as CallLogGen generated it: its Log Analytics name and its columns, in the order the
/// schema files list them. Every generated model exposes one as its static <c>Schema</c> property.
/// </summary>
public sealed class TableSchema
{
    private static readonly object NoTimeColumn = new();
    private readonly ColumnSchema[] _columns;
    private List<Kql.KqlResultColumn>? _queryColumns;
    private Kql.KqlColumnSet? _columnSet;
    private object? _timeColumn;

    /// <summary>Creates a table schema; generated code calls this once per table.</summary>
    public TableSchema(string tableName, string? category, ColumnSchema[] columns)
        : this(tableName, category, columns, null)
    {
    }

    /// <summary>Creates a table schema with the (resource type, category) pairs whose records land in it.</summary>
    /// <param name="tableName">The Log Analytics table name.</param>
    /// <param name="category">The table's main diagnostic category, where it has one.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="routes">Every (resource type, category) pair whose records land in the table; null or empty for <paramref name="category"/> from any resource type.</param>
    public TableSchema(string tableName, string? category, ColumnSchema[] columns, LogRoute[]? routes)
    {
        TableName = tableName ?? throw new ArgumentNullException(nameof(tableName));
        Category = category;
        _columns = columns ?? throw new ArgumentNullException(nameof(columns));
        Routes = routes is { Length: > 0 }
            ? routes
            : category is null ? Array.Empty<LogRoute>() : new[] { new LogRoute(null, category) };
    }

    /// <summary>
    /// Creates a table schema whose columns come from <paramref name="sourceFile"/> unless they name another file;
    /// generated code calls this once per table.
    /// </summary>
    /// <param name="tableName">The Log Analytics table name.</param>
    /// <param name="category">The table's main diagnostic category, where it has one.</param>
    /// <param name="sourceFile">The schema file that declares the table: the <see cref="ColumnSchema.SourceFile"/> of each column made without one.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="routes">Every (resource type, category) pair whose records land in the table; null or empty for <paramref name="category"/> from any resource type.</param>
    public TableSchema(string tableName, string? category, string sourceFile, ColumnSchema[] columns, LogRoute[]? routes = null)
        : this(tableName, category, columns, routes)
    {
        foreach (var column in _columns)
        {
            column.SetDefaultSourceFile(sourceFile ?? string.Empty);
        }
    }

    /// <summary>The table's name in Log Analytics, such as <c>ACSBillingUsage</c>.</summary>
    public string TableName { get; }

    /// <summary>The diagnostic-settings category whose records land in this table, where known (its main one, where several do).</summary>
    public string? Category { get; }

    /// <summary>
    /// Every (resource type, category) pair whose records land in this table, from the Azure Monitor table reference
    /// built into CallLogGen and the table options: how export readers tell this table's records from others'.
    /// </summary>
    public IReadOnlyList<LogRoute> Routes { get; }

    /// <summary>The columns, in the order the schema files list them.</summary>
    public IReadOnlyList<ColumnSchema> Columns => _columns;

    /// <summary>Finds a column by its KQL name (exact case, as KQL compares names).</summary>
    public ColumnSchema? FindColumn(string name)
    {
        foreach (var column in _columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The columns as a query over the table starts with them; made once, shared by every query (never changed).</summary>
    internal List<Kql.KqlResultColumn> QueryColumns
    {
        get
        {
            if (_queryColumns is null)
            {
                var columns = new List<Kql.KqlResultColumn>(_columns.Length);
                foreach (var column in _columns)
                {
                    columns.Add(new Kql.KqlResultColumn(column.Name, column.Type));
                }

                _queryColumns = columns;
            }

            return _queryColumns;
        }
    }

    /// <summary>The columns as typed expressions, made once, shared by every query's generated <c>KqlColumns</c>.</summary>
    internal Kql.KqlColumnSet ColumnSet
    {
        get
        {
            // Racing threads may each make one; every one is equivalent, and one reference write publishes it.
            return _columnSet ??= new Kql.KqlColumnSet(this);
        }
    }

    /// <summary>The table's <c>TimeGenerated</c> datetime column as an expression, made once; null where it has none.</summary>
    internal Kql.KqlDateTime? TimeColumn
    {
        get
        {
            // One reference write publishes the answer, "none" included, so threads racing here agree.
            if (_timeColumn is null)
            {
                var column = FindColumn("TimeGenerated");
                _timeColumn = column is { Type: KqlType.DateTime } ? Kql.KqlDateTime.Column(column.Name) : NoTimeColumn;
            }

            return _timeColumn as Kql.KqlDateTime;
        }
    }

    /// <summary>The table's schema in Kusto's CSL form: <c>(TimeGenerated:datetime, OperationName:string)</c>.</summary>
    public string ToCslSchema()
    {
        var builder = new StringBuilder("(");
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(KqlNames.Bracket(_columns[i].Name)).Append(':').Append(_columns[i].KqlTypeName);
        }

        return builder.Append(')').ToString();
    }

    /// <summary>The Azure Data Explorer command that creates this table: <c>.create table T (...)</c>.</summary>
    public string ToCreateTableCommand() => ".create table " + KqlNames.Bracket(TableName) + " " + ToCslSchema();

    /// <inheritdoc/>
    public override string ToString() => TableName + " " + ToCslSchema();
}
