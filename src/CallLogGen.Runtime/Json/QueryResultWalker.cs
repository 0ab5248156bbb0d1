using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>A result column as the response declares it: its name and its KQL type name.</summary>
internal readonly struct DeclaredColumn
{
    public DeclaredColumn(string name, string? type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public string? Type { get; }
}

/// <summary>What a query-result reader does with a table: bind its columns once, then read each row.</summary>
internal interface IQueryResultSink
{
    /// <summary>Binds the declared columns; <paramref name="offset"/> is where the columns array starts, for errors.</summary>
    void Bind(IReadOnlyList<DeclaredColumn> columns, long offset);

    /// <summary>Reads the cell at <paramref name="position"/> of the current row, the reader on its first token.</summary>
    void ReadCell(ref Utf8JsonReader reader, int position);

    void StartRow();

    /// <summary>Ends the row that started at <paramref name="offset"/>.</summary>
    void EndRow(long offset);
}

/// <summary>
/// Walks a Log Analytics query API response, <c>{"tables":[{"name","columns","rows"}]}</c>: picks the table,
/// hands its columns to the sink once, then each row's cells by position, checking each row's length.
/// Errors are <see cref="LogJsonException"/>s with the byte, line, row and column.
/// </summary>
internal static class QueryResultWalker
{
    public static void Read(ReadOnlySpan<byte> utf8Json, string? tableName, LogReadOptions options, IQueryResultSink sink)
    {
        var reader = new Utf8JsonReader(utf8Json, isFinalBlock: true, new JsonReaderState(new JsonReaderOptions { MaxDepth = options.MaxDepth }));
        var row = -1L;
        try
        {
            ReadTables(ref reader, tableName, sink, ref row);
        }
        catch (RecordFault fault)
        {
            throw Locate(utf8Json, fault.Offset, fault.Problem, row, fault.Column, fault.InnerException);
        }
        catch (JsonException e) when (e is not LogJsonException)
        {
            var error = JsonSyntax.FindError(utf8Json, isFinal: true, options.MaxDepth);
            throw error is null
                ? Locate(utf8Json, reader.TokenStartIndex, "the JSON is not valid here", row, null, null)
                : Locate(utf8Json, error.Offset, error.Problem ?? "the input ends inside " + Inside(error), row, null, null);
        }
        catch (FormatException e)
        {
            throw Locate(utf8Json, reader.TokenStartIndex, e.Message, row, null, e);
        }
    }

    /// <summary>What a response that ends too early ends inside: <c>a string in row 3</c>, <c>the rows array after row 2</c>.</summary>
    private static string Inside(JsonSyntaxError error)
    {
        // {"tables":[{"rows":[[...]]}]}: the rows array is the fourth value open, a row the fifth.
        var open = error.Open;
        var inRows = open.Count >= 4 && open[1].Key == "tables" && open[3].Key == "rows" && open[3].IsArray;
        if (inRows && open.Count >= 5)
        {
            var where = "row " + (open[3].Items + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var inner = error.Innermost(skip: 5);
            return inner is null ? where : inner + " in " + where;
        }

        if (inRows && error.OpenToken is null)
        {
            return "the rows array" + (open[3].Items == 0 ? ", before any row" : " after row " + open[3].Items.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (open.Count >= 4 && open[3].Key == "columns" && open[3].IsArray)
        {
            return "the columns array";
        }

        return error.Innermost(skip: 1) is { } innermost ? innermost + " of the query result" : "the query result";
    }

    private static LogJsonException Locate(ReadOnlySpan<byte> input, long offset, string problem, long row, string? column, Exception? inner)
    {
        offset = Math.Min(Math.Max(offset, 0), input.Length);
        return new LogJsonException(problem, offset, JsonTokens.CountLines(input.Slice(0, (int)offset)) + 1, row, column, "row", inner);
    }

    private static void ReadTables(ref Utf8JsonReader reader, string? tableName, IQueryResultSink sink, ref long row)
    {
        JsonTokens.Expect(ref reader, JsonTokenType.StartObject, "a query result object");
        var found = false;
        while (JsonTokens.Next(ref reader) != JsonTokenType.EndObject)
        {
            if (!reader.ValueTextEquals("tables"u8))
            {
                JsonTokens.Next(ref reader);
                reader.Skip();
                continue;
            }

            JsonTokens.Expect(ref reader, JsonTokenType.StartArray, "the tables array");
            while (JsonTokens.Next(ref reader) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new RecordFault("expected a table object, found " + JsonTokens.Describe(reader.TokenType), reader.TokenStartIndex, null);
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
                ReadTable(ref reader, sink, ref row);
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
                JsonTokens.Next(ref reader);
                return reader.TokenType == JsonTokenType.String ? CellParser.GetString(ref reader) : null;
            }

            JsonTokens.Next(ref reader);
            reader.Skip();
        }

        return null;
    }

    private static void ReadTable(ref Utf8JsonReader reader, IQueryResultSink sink, ref long row)
    {
        var tableStart = reader.TokenStartIndex;
        var columnCount = -1;
        while (JsonTokens.Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("columns"u8))
            {
                var start = reader.TokenStartIndex;
                if (columnCount >= 0)
                {
                    throw new RecordFault("the table has a second columns array", start, null);
                }

                var columns = ReadColumns(ref reader);
                sink.Bind(columns, start);
                columnCount = columns.Count;
            }
            else if (reader.ValueTextEquals("rows"u8))
            {
                if (columnCount < 0)
                {
                    throw new RecordFault("the table's rows come before its columns, so they cannot be bound", reader.TokenStartIndex, null);
                }

                ReadRows(ref reader, sink, columnCount, ref row);
            }
            else
            {
                JsonTokens.Next(ref reader);
                reader.Skip();
            }
        }

        if (columnCount < 0)
        {
            throw new RecordFault("the table has no columns array", tableStart, null);
        }
    }

    private static List<DeclaredColumn> ReadColumns(ref Utf8JsonReader reader)
    {
        JsonTokens.Expect(ref reader, JsonTokenType.StartArray, "the columns array");
        var columns = new List<DeclaredColumn>();
        while (JsonTokens.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RecordFault("expected a column object, found " + JsonTokens.Describe(reader.TokenType), reader.TokenStartIndex, null);
            }

            string? name = null;
            string? type = null;
            while (JsonTokens.Next(ref reader) != JsonTokenType.EndObject)
            {
                var isName = reader.ValueTextEquals("name"u8);
                var isType = reader.ValueTextEquals("type"u8) || reader.ValueTextEquals("ColumnType"u8);
                JsonTokens.Next(ref reader);
                if ((isName || isType) && reader.TokenType == JsonTokenType.String)
                {
                    var text = CellParser.GetString(ref reader);
                    if (isName)
                    {
                        name = text;
                    }
                    else
                    {
                        type = text;
                    }
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

            columns.Add(new DeclaredColumn(name, type));
        }

        return columns;
    }

    private static void ReadRows(ref Utf8JsonReader reader, IQueryResultSink sink, int columnCount, ref long row)
    {
        JsonTokens.Expect(ref reader, JsonTokenType.StartArray, "the rows array");
        var index = 0L;
        while (JsonTokens.Next(ref reader) != JsonTokenType.EndArray)
        {
            row = index;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new RecordFault("expected a row (an array), found " + JsonTokens.Describe(reader.TokenType), reader.TokenStartIndex, null);
            }

            var rowStart = reader.TokenStartIndex;
            sink.StartRow();
            var position = 0;
            while (JsonTokens.Next(ref reader) != JsonTokenType.EndArray)
            {
                if (position >= columnCount)
                {
                    throw new RecordFault("the row has more cells than the table has columns (" + columnCount + ")", reader.TokenStartIndex, null);
                }

                sink.ReadCell(ref reader, position);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                position++;
            }

            if (position != columnCount)
            {
                throw new RecordFault("the row has " + position + " cells; the table has " + columnCount + " columns", rowStart, null);
            }

            sink.EndRow(rowStart);
            index++;
            row = -1;
        }

        row = -1;
    }
}
