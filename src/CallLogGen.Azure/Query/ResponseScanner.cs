using System;
using System.Collections.Generic;
using System.Text.Json;
using CallLogGen.Json;

namespace CallLogGen.Azure.Query;

/// <summary>
/// Walks a query API response, <c>{"tables":[{"name","columns","rows"}], "error"?, "statistics"?, ...}</c>, in any
/// order of its properties and across any buffer boundaries: keeps the error and statistics, the first table's
/// columns as raw JSON, and, when streaming, each complete row's raw JSON (the typed reading is the runtime's).
/// Feed it the unconsumed bytes with <see cref="Scan"/> until <see cref="IsComplete"/>.
/// </summary>
internal sealed class ResponseScanner
{
    private enum Stage
    {
        Start,
        Top,
        Tables,
        Table,
        Rows,
        End,
    }

    private readonly RowBatch? _rows;
    private JsonReaderState _state;
    private Stage _stage;
    private bool _tableSeen;
    private long _line = 1;

    /// <param name="rows">Where complete rows go; null to skip rows (the caller reads the buffered body itself).</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    public ResponseScanner(RowBatch? rows, int maxDepth)
    {
        _rows = rows;
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth });
    }

    /// <summary>The <c>error</c> object of the response, if it has one.</summary>
    public LogAnalyticsError? Error { get; private set; }

    /// <summary>The <c>statistics</c> object of the response, if it has one.</summary>
    public JsonElement? Statistics { get; private set; }

    /// <summary>True when the response has a table (a partial failure may have none).</summary>
    public bool HasTable => _tableSeen;

    /// <summary>The first table's <c>columns</c> array as it arrived.</summary>
    public byte[]? ColumnsJson { get; private set; }

    /// <summary>True once the response's closing brace was read.</summary>
    public bool IsComplete => _stage == Stage.End;

    /// <summary>Where the unconsumed bytes start, from the start of the response.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// Reads as far as <paramref name="data"/> allows and returns how many bytes it consumed; the caller keeps the
    /// rest and passes it again, with more, next time. <paramref name="isFinal"/>: no more bytes will come.
    /// </summary>
    /// <exception cref="LogJsonException">The response is not a query result, or ends early.</exception>
    public int Scan(ReadOnlySpan<byte> data, bool isFinal)
    {
        // Never a final block for the reader: the end of the data is this scanner's to report ("ends inside the rows").
        var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
        var committed = 0;
        var lineCountedTo = 0;
        var line = _line;
        try
        {
            while (_stage != Stage.End && Step(ref reader, data, ref line, ref lineCountedTo))
            {
                committed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            if (_stage == Stage.End && isFinal && TrailingToken(ref reader))
            {
                throw Fault("the response goes on after its closing brace", reader.TokenStartIndex, data, line, lineCountedTo);
            }
        }
        catch (JsonException e) when (e is not LogJsonException)
        {
            throw Fault("not valid JSON: " + e.Message, reader.BytesConsumed, data, line, lineCountedTo, e);
        }

        if (_stage != Stage.End && isFinal && !(_stage == Stage.Rows && _rows!.IsFull))
        {
            throw Fault("the response ends " + _stage switch
            {
                Stage.Start => "before it starts (it is empty)",
                Stage.Rows => "inside the rows array",
                Stage.Table => "inside a table",
                Stage.Tables => "inside the tables array",
                _ => "before its closing brace",
            }, data.Length, data, line, lineCountedTo);
        }

        _line = line + Newlines(data.Slice(lineCountedTo, Math.Max(0, committed - lineCountedTo)));
        Offset += committed;
        return committed;
    }

    private static bool TrailingToken(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>Reads one unit (a token, or a whole value that is kept or skipped); false when the data ends first.</summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, ref long line, ref int lineCountedTo)
    {
        switch (_stage)
        {
            case Stage.Start:
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Fault("expected a query result object, found " + reader.TokenType, reader.TokenStartIndex, data, line, lineCountedTo);
                }

                _stage = Stage.Top;
                return true;

            case Stage.Top:
                if (!NextItem(ref reader, JsonTokenType.EndObject, Stage.End, out var closedEnd))
                {
                    return false;
                }

                if (closedEnd)
                {
                    return true;
                }

                if (reader.ValueTextEquals("tables"u8))
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw Fault("expected the tables array, found " + reader.TokenType, reader.TokenStartIndex, data, line, lineCountedTo);
                    }

                    _stage = Stage.Tables;
                    return true;
                }

                var isError = reader.ValueTextEquals("error"u8);
                var isStatistics = reader.ValueTextEquals("statistics"u8);
                if (!TryValue(ref reader, data, out var value))
                {
                    return false;
                }

                if (isError && !value.IsEmpty)
                {
                    using var document = JsonDocument.Parse(value.ToArray());
                    Error = LogAnalyticsError.FromJson(document.RootElement);
                }
                else if (isStatistics && !value.IsEmpty)
                {
                    using var document = JsonDocument.Parse(value.ToArray());
                    Statistics = document.RootElement.Clone();
                }

                return true;

            case Stage.Tables:
                if (!NextItem(ref reader, JsonTokenType.EndArray, Stage.Top, out var closedTop))
                {
                    return false;
                }

                if (closedTop)
                {
                    return true;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Fault("expected a table object, found " + reader.TokenType, reader.TokenStartIndex, data, line, lineCountedTo);
                }

                if (_tableSeen)
                {
                    // Only the first table (PrimaryResult) is read, as the runtime's readers do; others are skipped whole.
                    return reader.TrySkip();
                }

                _tableSeen = true;
                _stage = Stage.Table;
                return true;

            case Stage.Table:
                if (!NextItem(ref reader, JsonTokenType.EndObject, Stage.Tables, out var closedTables))
                {
                    return false;
                }

                if (closedTables)
                {
                    return true;
                }

                if (reader.ValueTextEquals("rows"u8) && _rows is not null)
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw Fault("expected the rows array, found " + reader.TokenType, reader.TokenStartIndex, data, line, lineCountedTo);
                    }

                    if (ColumnsJson is null)
                    {
                        throw Fault("the table's rows come before its columns, so they cannot be bound", reader.TokenStartIndex, data, line, lineCountedTo);
                    }

                    _stage = Stage.Rows;
                    return true;
                }

                var isColumns = reader.ValueTextEquals("columns"u8);
                var columnsStart = Offset + reader.BytesConsumed;
                if (!TryValue(ref reader, data, out var tableValue))
                {
                    return false;
                }

                if (isColumns)
                {
                    ColumnsJson = tableValue.ToArray();
                    _rows?.SetColumns(ColumnsJson, columnsStart);
                }

                return true;

            case Stage.Rows:
                if (_rows!.IsFull)
                {
                    return false; // the caller reads this batch, then scans on: not the end of the data
                }

                if (!NextItem(ref reader, JsonTokenType.EndArray, Stage.Table, out var closedTable))
                {
                    return false;
                }

                if (closedTable)
                {
                    return true;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Fault("expected a row (an array), found " + reader.TokenType, reader.TokenStartIndex, data, line, lineCountedTo);
                }

                var rowStart = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                line += Newlines(data.Slice(lineCountedTo, rowStart - lineCountedTo));
                lineCountedTo = rowStart;
                _rows.Add(data.Slice(rowStart, (int)reader.BytesConsumed - rowStart), Offset + rowStart, line);
                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// Reads the next token of an object or array: false when the data ends first. At the container's
    /// <paramref name="end"/> token it moves to <paramref name="after"/> and says so in <paramref name="closed"/>.
    /// </summary>
    private bool NextItem(ref Utf8JsonReader reader, JsonTokenType end, Stage after, out bool closed)
    {
        closed = false;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == end)
        {
            _stage = after;
            closed = true;
        }

        return true;
    }

    /// <summary>Reads a property's whole value; the reader is on the property name.</summary>
    private static bool TryValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!reader.Read())
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        value = data.Slice(start, (int)reader.BytesConsumed - start);
        return true;
    }

    private LogJsonException Fault(string problem, long index, ReadOnlySpan<byte> data, long line, int lineCountedTo, Exception? inner = null)
    {
        var at = (int)Math.Min(Math.Max(index, lineCountedTo), data.Length);
        var faultLine = line + Newlines(data.Slice(lineCountedTo, at - lineCountedTo));
        return new LogJsonException(problem, Offset + at, faultLine, _stage == Stage.Rows ? _rows?.NextRowIndex ?? -1 : -1, null, inner);
    }

    internal static long Newlines(ReadOnlySpan<byte> data)
    {
        long count = 0;
        int next;
        while ((next = data.IndexOf((byte)'\n')) >= 0)
        {
            count++;
            data = data.Slice(next + 1);
        }

        return count;
    }
}
