using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using CallLogGen.Kql;

namespace CallLogGen.Json;

/// <summary>
/// A query result whose shape is not a table's model (a <c>summarize</c>, a <c>project</c> with computed
/// columns), read with the same typed columns the query was built from: <c>row.Get(failures)</c> is a
/// <c>long?</c> because <c>failures</c> is a <see cref="KqlLong"/>. Reading checks that the response has every
/// column the query returns, with its type.
/// </summary>
public sealed class KqlResultTable : IReadOnlyList<KqlResultRow>
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly List<CellValue[]> _rows;

    private KqlResultTable(IReadOnlyList<KqlResultColumn> columns, Dictionary<string, int> ordinals, List<CellValue[]> rows)
    {
        Columns = columns;
        _ordinals = ordinals;
        _rows = rows;
    }

    /// <summary>The columns as the response declares them.</summary>
    public IReadOnlyList<KqlResultColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>The row at <paramref name="index"/>.</summary>
    public KqlResultRow this[int index] => new(this, _rows[index]);

    /// <summary>Reads the result of <paramref name="query"/>, checking the response has every column the query returns.</summary>
    /// <exception cref="LogJsonException">The response is not a query result, lacks one of the query's columns, or has a cell of the wrong type.</exception>
    public static KqlResultTable Read(IKqlQuery query, ReadOnlySpan<byte> utf8Json, LogReadOptions? options = null)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return Read(utf8Json, query.IsShapeKnown ? query.ResultColumns : null, options);
    }

    /// <summary>Reads a query API result's first table, whatever its columns.</summary>
    public static KqlResultTable Read(ReadOnlySpan<byte> utf8Json, LogReadOptions? options = null) => Read(utf8Json, null, options);

    private static KqlResultTable Read(ReadOnlySpan<byte> utf8Json, IReadOnlyList<KqlResultColumn>? expected, LogReadOptions? options)
    {
        options ??= LogReadOptions.Default;
        var sink = new Sink(expected, options);
        QueryResultWalker.Read(utf8Json, null, options, sink);
        return new KqlResultTable(sink.Columns, sink.Ordinals, sink.Rows);
    }

    internal bool TryGetCell(CellValue[] row, KqlExpression column, KqlType type, out CellValue cell)
    {
        if (column.Node is not ColumnNode node)
        {
            throw new ArgumentException("Only a column (a table's column or a named result column such as KqlLong.Column(\"Failures\")) names a cell of a result.", nameof(column));
        }

        if (!_ordinals.TryGetValue(node.Name, out var ordinal))
        {
            throw new ArgumentException("The result has no column '" + node.Name + "'; it has " + string.Join(", ", Columns) + ".", nameof(column));
        }

        if (Columns[ordinal].Type != type)
        {
            throw new ArgumentException("The result's column '" + node.Name + "' is " + KqlTypeNames.Of(Columns[ordinal].Type) + ", not " + KqlTypeNames.Of(type) + ".", nameof(column));
        }

        cell = row[ordinal];
        return cell.HasValue;
    }

    /// <inheritdoc/>
    public IEnumerator<KqlResultRow> GetEnumerator()
    {
        foreach (var row in _rows)
        {
            yield return new KqlResultRow(this, row);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The KQL type a query API column type name stands for.</summary>
    internal static KqlType? ParseType(string? name) => name?.ToLowerInvariant() switch
    {
        "string" => KqlType.String,
        "int" or "int32" => KqlType.Int,
        "long" or "int64" => KqlType.Long,
        "real" or "double" => KqlType.Real,
        "decimal" => KqlType.Decimal,
        "bool" or "boolean" => KqlType.Bool,
        "datetime" or "date" => KqlType.DateTime,
        "timespan" or "time" => KqlType.TimeSpan,
        "guid" or "uniqueid" => KqlType.Guid,
        "dynamic" or "object" => KqlType.Dynamic,
        _ => null,
    };

    private sealed class Sink : IQueryResultSink
    {
        private readonly IReadOnlyList<KqlResultColumn>? _expected;
        private readonly LogReadOptions _options;
        private KqlType[] _types = Array.Empty<KqlType>();
        private CellValue[] _row = Array.Empty<CellValue>();

        public Sink(IReadOnlyList<KqlResultColumn>? expected, LogReadOptions options)
        {
            _expected = expected;
            _options = options;
        }

        public List<KqlResultColumn> Columns { get; } = new();

        public Dictionary<string, int> Ordinals { get; } = new(StringComparer.Ordinal);

        public List<CellValue[]> Rows { get; } = new();

        public void Bind(IReadOnlyList<DeclaredColumn> columns, long offset)
        {
            _types = new KqlType[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var type = ParseType(columns[i].Type)
                    ?? throw new RecordFault("the result column '" + columns[i].Name + "' has the type '" + columns[i].Type + "', which is no KQL type", offset, columns[i].Name);
                _types[i] = type;
                Columns.Add(new KqlResultColumn(columns[i].Name, type));
                if (!Ordinals.ContainsKey(columns[i].Name))
                {
                    Ordinals.Add(columns[i].Name, i);
                }
            }

            foreach (var column in _expected ?? Array.Empty<KqlResultColumn>())
            {
                if (!Ordinals.TryGetValue(column.Name, out var ordinal))
                {
                    throw new RecordFault("the result lacks the query's column " + column, offset, column.Name);
                }

                if (_types[ordinal] != column.Type)
                {
                    throw new RecordFault("the result's column " + Columns[ordinal] + " is not the query's " + column, offset, column.Name);
                }
            }
        }

        public void StartRow() => _row = new CellValue[_types.Length];

        public void ReadCell(ref Utf8JsonReader reader, int position)
        {
            var tokenStart = reader.TokenStartIndex;
            var status = CellParser.Read(ref reader, _types[position], ref _row[position], null, decodeJsonStrings: true, out var problem);
            if (status == CellStatus.Untyped)
            {
                // No model to keep an untyped value beside: the row cannot be read, whatever the options.
                _options.OnTypeMismatch?.Invoke(new TypeMismatch(Columns[position].Name, _types[position], CellParser.KindOf(reader.TokenType), problem!, kept: false));
                throw new RecordFault(problem!, tokenStart, Columns[position].Name);
            }
        }

        public void EndRow(long offset) => Rows.Add(_row);
    }
}

/// <summary>One row of a <see cref="KqlResultTable"/>: its cells, read by the typed columns a query was built from.</summary>
public readonly struct KqlResultRow
{
    private readonly KqlResultTable _table;
    private readonly CellValue[] _cells;

    internal KqlResultRow(KqlResultTable table, CellValue[] cells)
    {
        _table = table;
        _cells = cells;
    }

    /// <summary>A string cell; null where the cell is null.</summary>
    public string? Get(KqlString column) => _table.TryGetCell(_cells, column, KqlType.String, out var cell) ? cell.String : null;

    /// <summary>An int cell.</summary>
    public int? Get(KqlInt column) => _table.TryGetCell(_cells, column, KqlType.Int, out var cell) ? cell.Int : null;

    /// <summary>A long cell.</summary>
    public long? Get(KqlLong column) => _table.TryGetCell(_cells, column, KqlType.Long, out var cell) ? cell.Long : null;

    /// <summary>A real cell.</summary>
    public double? Get(KqlReal column) => _table.TryGetCell(_cells, column, KqlType.Real, out var cell) ? cell.Real : null;

    /// <summary>A decimal cell.</summary>
    public decimal? Get(KqlDecimal column) => _table.TryGetCell(_cells, column, KqlType.Decimal, out var cell) ? cell.Decimal : null;

    /// <summary>A bool cell.</summary>
    public bool? Get(KqlBool column) => _table.TryGetCell(_cells, column, KqlType.Bool, out var cell) ? cell.Bool : null;

    /// <summary>A datetime cell.</summary>
    public DateTimeOffset? Get(KqlDateTime column) => _table.TryGetCell(_cells, column, KqlType.DateTime, out var cell) ? cell.DateTime : null;

    /// <summary>A timespan cell.</summary>
    public TimeSpan? Get(KqlTimeSpan column) => _table.TryGetCell(_cells, column, KqlType.TimeSpan, out var cell) ? cell.TimeSpan : null;

    /// <summary>A guid cell.</summary>
    public Guid? Get(KqlGuid column) => _table.TryGetCell(_cells, column, KqlType.Guid, out var cell) ? cell.Guid : null;

    /// <summary>A dynamic cell, as the response sent it (JSON text decoded).</summary>
    public JsonElement? Get(KqlDynamic column) => _table.TryGetCell(_cells, column, KqlType.Dynamic, out var cell) ? cell.Dynamic : null;
}
