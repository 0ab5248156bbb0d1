using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CallLogGen.Json;

public abstract partial class LogRecordJson<T>
{
    /// <summary>
    /// Reads a Log Analytics query API result, <c>{"tables":[{"name","columns","rows"}]}</c>, into records:
    /// result columns are bound to the table's columns once, by name; each row is then read by position.
    /// A result column the table lacks is kept in the record's <see cref="UnmappedFields"/>; a missing optional
    /// column leaves its property unset; a missing required column is an error naming it.
    /// </summary>
    /// <param name="utf8Json">The response body.</param>
    /// <param name="tableName">The result table to read; by default the first (the API puts <c>PrimaryResult</c> first).</param>
    /// <param name="options">How to treat values that do not fit.</param>
    public List<T> ReadQueryResult(ReadOnlySpan<byte> utf8Json, string? tableName = null, LogReadOptions? options = null)
    {
        var sink = new ModelSink(this, CreateState(options ?? LogReadOptions.Default));
        QueryResultWalker.Read(utf8Json, tableName, sink.State.Options, sink);
        return sink.Records;
    }

    /// <summary>
    /// Reads the result of <paramref name="query"/> (built with the typed query builder) into records. Before
    /// any byte is read it checks that the query returns every required column of the model, naming those it
    /// drops: the CLG2003 analyzer reports the same at build time where it can follow the query.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query does not return a required column of the model.</exception>
    public List<T> ReadQueryResult(Kql.IKqlQuery query, ReadOnlySpan<byte> utf8Json, LogReadOptions? options = null)
    {
        RequireResultColumns(query);
        return ReadQueryResult(utf8Json, tableName: null, options);
    }

    /// <summary>Checks that <paramref name="query"/> returns every required column of the model, by name and type.</summary>
    /// <exception cref="InvalidOperationException">It does not; the message names each column.</exception>
    public void RequireResultColumns(Kql.IKqlQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (!query.IsShapeKnown)
        {
            return; // After raw KQL the builder cannot know the columns; the reader still checks the response's.
        }

        var missing = new List<string>();
        for (var i = 0; i < Types.Length; i++)
        {
            if (!Required[i])
            {
                continue;
            }

            var name = Schema.Columns[i].Name;
            var returned = false;
            foreach (var column in query.ResultColumns)
            {
                returned |= string.Equals(column.Name, name, StringComparison.Ordinal) && column.Type == Types[i];
            }

            if (!returned)
            {
                missing.Add(name + ":" + KqlTypeNames.Of(Types[i]));
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The query's result cannot be read into " + typeof(T).Name + ": it does not return the required column"
                + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing) + ". Keep "
                + (missing.Count > 1 ? "them" : "it") + " in the query's project or summarize, or read a result of another shape with KqlResultTable.Read(query, body).");
        }
    }

    /// <summary>Reads a query API result from a string; see <see cref="ReadQueryResult(ReadOnlySpan{byte}, string?, LogReadOptions?)"/>.</summary>
    public List<T> ReadQueryResult(string json, string? tableName = null, LogReadOptions? options = null)
        => ReadQueryResult(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), tableName, options);

    /// <summary>
    /// Reads a query API result from a stream. The service caps a result's size, so the body is read
    /// whole and then parsed; exports, which have no cap, stream with <see cref="ReadExportAsync"/>.
    /// </summary>
    public async Task<List<T>> ReadQueryResultAsync(Stream utf8Json, string? tableName = null, LogReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return ReadQueryResult(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), tableName, options);
    }

    /// <summary>Reads a query result's rows into models: result columns bound to the table's by name, once.</summary>
    private sealed class ModelSink : IQueryResultSink
    {
        private readonly LogRecordJson<T> _json;
        private int[] _ordinals = Array.Empty<int>();
        private string[] _names = Array.Empty<string>();
        private KqlType?[] _declared = Array.Empty<KqlType?>();
        private T _record = null!;
        private UnmappedFields? _unmapped;
        private CellValue _cell;

        public ModelSink(LogRecordJson<T> json, ReadState state)
        {
            _json = json;
            State = state;
        }

        public ReadState State { get; }

        public List<T> Records { get; } = new();

        public void Bind(IReadOnlyList<DeclaredColumn> columns, long offset)
        {
            var types = _json.Types;
            _ordinals = new int[columns.Count];
            _names = new string[columns.Count];
            _declared = new KqlType?[columns.Count];
            var bound = new bool[types.Length];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = _json.QueryTable.Find(System.Text.Encoding.UTF8.GetBytes(columns[i].Name));
                if (column >= 0 && bound[column])
                {
                    column = -1; // A second column of the same name (in another case) is kept, not merged.
                }

                if (column >= 0)
                {
                    bound[column] = true;
                }

                _ordinals[i] = column;
                _names[i] = columns[i].Name;
                _declared[i] = KqlResultTable.ParseType(columns[i].Type);
            }

            var missing = new List<string>();
            for (var i = 0; i < types.Length; i++)
            {
                if (_json.Required[i] && !bound[i])
                {
                    missing.Add(_json.Schema.Columns[i].Name);
                }
            }

            if (missing.Count > 0)
            {
                throw new RecordFault("the result lacks the required column" + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing), offset, missing[0]);
            }
        }

        public void StartRow()
        {
            State.StartRecord();
            _record = _json.CreateRecord();
            _unmapped = null;
        }

        public void ReadCell(ref Utf8JsonReader reader, int position)
        {
            var column = _ordinals[position];
            var name = _names[position];
            if (column < 0)
            {
                // A column the table lacks keeps its declared type, and a dynamic one its decoded JSON, so that it writes back as it came.
                var declared = _declared[position];
                JsonElement value;
                if (declared == KqlType.Dynamic && reader.TokenType == JsonTokenType.String)
                {
                    _cell.Clear();
                    CellParser.Read(ref reader, KqlType.Dynamic, ref _cell, null, decodeJsonStrings: true, out _);
                    value = _cell.Dynamic!.Value;
                }
                else
                {
                    value = CellParser.ParseValue(ref reader);
                }

                (_unmapped ??= new UnmappedFields()).Append(new UnmappedField(name, value, null, declared, column: -1));
                return;
            }

            var status = _json.ReadCell(ref reader, State, _record, column, name, decodeJsonStrings: true, ref _cell);
            if (status is CellStatus.Untyped or CellStatus.Empty)
            {
                (_unmapped ??= new UnmappedFields()).Append(new UnmappedField(name, CellParser.ParseValue(ref reader), null, _declared[position], column));
            }
        }

        public void EndRow(long offset)
        {
            _json.CheckRequired(State, offset);
            if (_unmapped is not null)
            {
                _json.SetUnmapped(_record, _unmapped);
            }

            Records.Add(_record);
        }
    }
}
