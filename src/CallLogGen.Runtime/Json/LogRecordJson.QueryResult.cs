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
        var state = CreateState(options ?? LogReadOptions.Default);
        var records = new List<T>();
        var reader = new Utf8JsonReader(utf8Json, isFinalBlock: true, new JsonReaderState(state.ReaderOptions));
        var row = -1L;
        try
        {
            ReadQueryResult(ref reader, tableName, state, records, ref row);
        }
        catch (RecordFault fault)
        {
            throw Locate(utf8Json, fault.Offset, fault.Problem, row, fault.Column, fault);
        }
        catch (JsonException e) when (e is not LogJsonException)
        {
            throw Locate(utf8Json, reader.TokenStartIndex, "not valid JSON: " + e.Message, row, null, e);
        }

        return records;
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

    private void ReadQueryResult(ref Utf8JsonReader reader, string? tableName, ReadState state, List<T> records, ref long row)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a query result object");
        var found = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (!reader.ValueTextEquals("tables"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray, "the tables array");
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new RecordFault("expected a table object, found " + reader.TokenType, reader.TokenStartIndex, null);
                }

                // Only the wanted table is read; the others are skipped whole.
                var table = reader;
                var wanted = !found && (tableName is null || string.Equals(PeekTableName(ref table), tableName, StringComparison.Ordinal));
                if (!wanted)
                {
                    reader.Skip();
                    continue;
                }

                found = true;
                ReadTable(ref reader, state, records, ref row);
            }
        }

        if (!found)
        {
            throw new RecordFault(tableName is null ? "the result has no table" : "the result has no table named '" + tableName + "'", 0, null);
        }
    }

    private static string? PeekTableName(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Read();
            reader.Skip();
        }

        return null;
    }

    private void ReadTable(ref Utf8JsonReader reader, ReadState state, List<T> records, ref long row)
    {
        int[]? ordinals = null;
        string[]? names = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("columns"u8))
            {
                (ordinals, names) = BindColumns(ref reader);
            }
            else if (reader.ValueTextEquals("rows"u8))
            {
                if (ordinals is null)
                {
                    throw new RecordFault("the table's rows come before its columns, so they cannot be bound", reader.TokenStartIndex, null);
                }

                ReadRows(ref reader, state, ordinals, names!, records, ref row);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private (int[] Ordinals, string[] Names) BindColumns(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartArray, "the columns array");
        var ordinals = new List<int>();
        var names = new List<string>();
        var bound = new bool[Types.Length];
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RecordFault("expected a column object, found " + reader.TokenType, reader.TokenStartIndex, null);
            }

            string? name = null;
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                var isName = reader.ValueTextEquals("name"u8);
                reader.Read();
                if (isName && reader.TokenType == JsonTokenType.String)
                {
                    name = CellParser.GetString(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (name is null)
            {
                throw new RecordFault("a result column has no name", reader.TokenStartIndex, null);
            }

            var column = QueryTable.Find(System.Text.Encoding.UTF8.GetBytes(name));
            if (column >= 0 && bound[column])
            {
                column = -1;
            }

            if (column >= 0)
            {
                bound[column] = true;
            }

            ordinals.Add(column);
            names.Add(name);
        }

        var missing = new List<string>();
        for (var i = 0; i < Types.Length; i++)
        {
            if (Required[i] && !bound[i])
            {
                missing.Add(Schema.Columns[i].Name);
            }
        }

        if (missing.Count > 0)
        {
            throw new RecordFault("the result lacks the required column" + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing), start, missing[0]);
        }

        return (ordinals.ToArray(), names.ToArray());
    }

    private void ReadRows(ref Utf8JsonReader reader, ReadState state, int[] ordinals, string[] names, List<T> records, ref long row)
    {
        Expect(ref reader, JsonTokenType.StartArray, "the rows array");
        var cell = default(CellValue);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            row = records.Count;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new RecordFault("expected a row (an array), found " + reader.TokenType, reader.TokenStartIndex, null);
            }

            var rowStart = reader.TokenStartIndex;
            state.StartRecord();
            var record = CreateRecord();
            UnmappedFields? unmapped = null;
            var position = 0;
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                if (position >= ordinals.Length)
                {
                    throw new RecordFault("the row has more cells than the table has columns (" + ordinals.Length + ")", reader.TokenStartIndex, null);
                }

                ReadQueryCell(ref reader, state, record, ordinals[position], names[position], ref unmapped, ref cell);
                position++;
            }

            if (position != ordinals.Length)
            {
                throw new RecordFault("the row has " + position + " cells; the table has " + ordinals.Length + " columns", rowStart, null);
            }

            CheckRequired(state, rowStart);
            if (unmapped is not null)
            {
                SetUnmapped(record, unmapped);
            }

            records.Add(record);
        }

        row = -1;
    }

    private void ReadQueryCell(ref Utf8JsonReader reader, ReadState state, T record, int column, string name, ref UnmappedFields? unmapped, ref CellValue cell)
    {
        var tokenStart = reader.TokenStartIndex;
        if (column < 0)
        {
            (unmapped ??= new UnmappedFields()).Add(name, JsonElement.ParseValue(ref reader));
            return;
        }

        cell.Clear();
        CellStatus status;
        string? problem;
        try
        {
            status = CellParser.Read(ref reader, Types[column], ref cell, state.Pools[column], decodeJsonStrings: true, out problem);
        }
        catch (FormatException e)
        {
            throw new RecordFault(e.Message, tokenStart, name, e);
        }

        switch (status)
        {
            case CellStatus.Typed:
                SetCell(record, column, in cell);
                state.Found[column] = ReadState.Valued;
                break;
            case CellStatus.Null:
            case CellStatus.Empty:
                state.Found[column] = ReadState.NullValued;
                break;
            default:
                if (!state.Options.KeepUntypedValues)
                {
                    throw new RecordFault(problem!, tokenStart, name);
                }

                state.Found[column] = ReadState.NullValued;
                (unmapped ??= new UnmappedFields()).Add(name, JsonElement.ParseValue(ref reader));
                break;
        }

        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && Types[column] != KqlType.Dynamic)
        {
            reader.Skip();
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new RecordFault("the input ends too early", reader.BytesConsumed, null);
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (Next(ref reader) != token)
        {
            throw new RecordFault("expected " + what + ", found " + reader.TokenType, reader.TokenStartIndex, null);
        }
    }

    private static LogJsonException Locate(ReadOnlySpan<byte> input, long offset, string problem, long row, string? column, Exception inner)
    {
        offset = Math.Min(Math.Max(offset, 0), input.Length);
        long line = 1;
        foreach (var b in input.Slice(0, (int)offset))
        {
            if (b == (byte)'\n')
            {
                line++;
            }
        }

        return new LogJsonException(problem, offset, line, row, column, inner);
    }
}
