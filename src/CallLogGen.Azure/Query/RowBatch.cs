using System;
using System.Collections.Generic;
using System.Text;
using CallLogGen.Json;

namespace CallLogGen.Azure.Query;

/// <summary>Reads a small query result document (one table) into rows with the runtime's readers.</summary>
internal delegate IReadOnlyList<TRow> RowBatchReader<TRow>(ReadOnlySpan<byte> document);

/// <summary>
/// Rows of a streamed response, copied as they arrived into a one-table query result document
/// (<c>{"tables":[{"name":"PrimaryResult","columns":[...],"rows":[...]}]}</c>) that the runtime's buffered readers
/// read; the columns are bound once per batch. Problems found reading a batch are moved back to where they are in
/// the response: byte, line and row.
/// </summary>
internal sealed class RowBatch
{
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":");
    private static readonly byte[] RowsStart = Encoding.UTF8.GetBytes(",\"rows\":[");
    private static readonly byte[] Suffix = Encoding.UTF8.GetBytes("]}]}");

    private readonly int _capacity;
    private readonly List<RowPlace> _places = new();
    private byte[] _document = new byte[4096];
    private int _length;
    private int _rowsStart;
    private long _columnsOffset;
    private int _columnsStart;

    /// <param name="capacity">Bytes of rows after which the batch counts as full (it may hold one larger row).</param>
    public RowBatch(int capacity) => _capacity = capacity;

    /// <summary>The index, in the response, of the next row to be added.</summary>
    public long NextRowIndex { get; private set; }

    /// <summary>Rows waiting to be read.</summary>
    public int Count => _places.Count;

    public bool IsFull => _length - _rowsStart >= _capacity;

    public void SetColumns(byte[] columnsJson, long responseOffset)
    {
        _length = 0;
        Write(Prefix);
        _columnsStart = _length;
        _columnsOffset = responseOffset;
        Write(columnsJson);
        Write(RowsStart);
        _rowsStart = _length;
    }

    public void Add(ReadOnlySpan<byte> row, long responseOffset, long line)
    {
        if (_places.Count > 0)
        {
            Write(",");
        }

        _places.Add(new RowPlace(_length, responseOffset, line));
        Write(row);
    }

    /// <summary>Reads the rows added since the last call and empties the batch.</summary>
    public IReadOnlyList<TRow> Read<TRow>(RowBatchReader<TRow> reader)
    {
        Write(Suffix);
        try
        {
            return reader(new ReadOnlySpan<byte>(_document, 0, _length));
        }
        catch (LogJsonException e)
        {
            throw Relocate(e);
        }
        finally
        {
            NextRowIndex += _places.Count;
            _places.Clear();
            _length = _rowsStart;
        }
    }

    private LogJsonException Relocate(LogJsonException e)
    {
        var position = e.BytePosition;
        var index = _places.Count - 1;
        while (index >= 0 && _places[index].DocumentOffset > position)
        {
            index--;
        }

        long responsePosition, line;
        if (index < 0)
        {
            // Before the first row: the columns (a required column missing, a type that is no KQL type).
            responsePosition = _columnsOffset + Math.Max(0, position - _columnsStart);
            line = e.Line;
        }
        else
        {
            var place = _places[index];
            responsePosition = place.ResponseOffset + (position - place.DocumentOffset);
            var within = (int)Math.Min(Math.Max(0, position - place.DocumentOffset), _length - place.DocumentOffset);
            line = place.Line + ResponseScanner.Newlines(new ReadOnlySpan<byte>(_document, place.DocumentOffset, within));
        }

        var record = e.RecordIndex >= 0 ? NextRowIndex + e.RecordIndex : -1;
        return new LogJsonException(e.Problem, responsePosition, line, record, e.Column, e);
    }

    private void Write(string ascii)
    {
        Ensure(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            _document[_length++] = (byte)ascii[i];
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(new Span<byte>(_document, _length, bytes.Length));
        _length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _document.Length)
        {
            return;
        }

        var size = _document.Length;
        while (size < _length + more)
        {
            size *= 2;
        }

        Array.Resize(ref _document, size);
    }

    private readonly struct RowPlace
    {
        public RowPlace(int documentOffset, long responseOffset, long line)
        {
            DocumentOffset = documentOffset;
            ResponseOffset = responseOffset;
            Line = line;
        }

        public int DocumentOffset { get; }

        public long ResponseOffset { get; }

        public long Line { get; }
    }
}
