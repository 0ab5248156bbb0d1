using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;

namespace CallLogGen.Json;

/// <summary>Reads one record of some kind from a reader placed before it (over <c>input</c>, which starts at the record).</summary>
internal interface IRecordSource<TRecord>
{
    RecordRead TryRead(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out TRecord record);
}

/// <summary>
/// The loop over an export's records, whatever its shape: <c>{"records":[...]}</c>, a JSON array, or
/// records one after another (one per line). It works on a window of the input: in memory the window is
/// the whole input; over a stream it is a buffer that slides, so memory is bounded by the largest record.
/// </summary>
internal static class ExportReader
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>The largest array .NET makes (Array.MaxLength, which netstandard2.0 lacks): the most one record may take.</summary>
    private const int MaxBufferSize = 0x7FFFFFC7;

    public static void ReadAll<TRecord>(IRecordSource<TRecord> source, ReadState state, ReadOnlySpan<byte> input, List<TRecord> records)
    {
        var cursor = new ExportCursor();
        while (true)
        {
            var step = cursor.Next(source, state, input, isFinal: true, out var record);
            if (step == ExportStep.End)
            {
                return;
            }

            if (step == ExportStep.Record)
            {
                records.Add(record);
            }
        }
    }

    public static async IAsyncEnumerable<TRecord> ReadAsync<TRecord>(
        IRecordSource<TRecord> source,
        ReadState state,
        Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var window = new StreamWindow();
        while (true)
        {
            // Checked per record too: records already in the buffer come without a read that would notice.
            cancellationToken.ThrowIfCancellationRequested();
            var step = window.Cursor.Next(source, state, window.Span, window.IsFinal, out var record);
            if (step == ExportStep.Record)
            {
                yield return record;
            }
            else if (step == ExportStep.End)
            {
                yield break;
            }
            else if (step == ExportStep.NeedMoreInput)
            {
                window.MakeRoom();
                window.Filled(await stream.ReadAsync(window.Buffer, window.Length, window.Free, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    public static IEnumerable<TRecord> Read<TRecord>(IRecordSource<TRecord> source, ReadState state, Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var window = new StreamWindow();
        while (true)
        {
            var step = window.Cursor.Next(source, state, window.Span, window.IsFinal, out var record);
            if (step == ExportStep.Record)
            {
                yield return record;
            }
            else if (step == ExportStep.End)
            {
                yield break;
            }
            else if (step == ExportStep.NeedMoreInput)
            {
                window.MakeRoom();
                window.Filled(stream.Read(window.Buffer, window.Length, window.Free));
            }
        }
    }

    /// <summary>
    /// The part of a stream in memory: a pooled buffer whose read part is dropped (its lines counted) before
    /// each refill, and which doubles when one record does not fit. The sync and async loops share it.
    /// </summary>
    private sealed class StreamWindow : IDisposable
    {
        public StreamWindow()
        {
            Buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        }

        public ExportCursor Cursor { get; } = new();

        public byte[] Buffer { get; private set; }

        public int Length { get; private set; }

        public int Free => Buffer.Length - Length;

        public bool IsFinal { get; private set; }

        public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

        /// <summary>
        /// Makes room for more: reads go on into the buffer's free end while a quarter of it is free; only then is the
        /// read part dropped (its lines counted) and the rest moved to the front, and the buffer doubled where that
        /// rest still fills three quarters of it. Moving less often keeps small reads from copying a cut-off record
        /// again and again (which would cost time quadratic in its size).
        /// </summary>
        public void MakeRoom()
        {
            if (Free >= Buffer.Length / 4)
            {
                return;
            }

            var kept = Cursor.Discard(Span);
            if (kept > 0 && Cursor.Position > 0)
            {
                System.Buffer.BlockCopy(Buffer, Cursor.Position, Buffer, 0, kept);
            }

            Cursor.Rebase();
            Length = kept;
            if (Free >= Buffer.Length / 4)
            {
                return;
            }

            if (Buffer.Length >= MaxBufferSize)
            {
                if (Free == 0)
                {
                    throw Cursor.RecordTooLarge(Span);
                }

                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Buffer.Length * 2L, MaxBufferSize));
            System.Buffer.BlockCopy(Buffer, 0, larger, 0, Length);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = larger;
        }

        /// <summary>Takes what a read put after <see cref="Length"/>; nothing read means the stream ended.</summary>
        public void Filled(int read)
        {
            IsFinal |= read == 0;
            Length += read;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}

internal enum ExportStep
{
    Record,
    Skipped,
    NeedMoreInput,
    End,
}

/// <summary>
/// Where the export loop is: the shape found, the position in the window, what came before the window, and the
/// record it waits on. Over a stream a record that the window cuts off is read again from its start once more input
/// has come; so that a large record over small reads costs linear time, not quadratic, the wait is a resumable scan
/// (a <see cref="Utf8JsonReader"/> carried over from window to window) that the record's read follows only once the
/// record is whole.
/// </summary>
internal sealed class ExportCursor
{
    private static readonly byte[] ByteOrderMark = { 0xEF, 0xBB, 0xBF };

    private enum Shape
    {
        Unknown,
        RecordsProperty,
        Array,
        Sequence,
        Done,
    }

    private Shape _shape;
    private bool _expectComma;
    private bool _afterComma;
    private long _windowStart;
    private long _linesBeforeWindow;
    private long _recordIndex;
    private int _countedTo;
    private long _countedLines;

    // The record whose end is not in the window yet: where it starts (from the start of the input), and the scan towards its end.
    private long _pendingStart = -1;
    private JsonReaderState _scanState;
    private int _scanned;
    private bool _scanDone;

    // A bad line of one-record-per-line input, waiting for its end so that reading can resume after it.
    private LogJsonException? _skipping;
    private long _searchedTo;

    /// <summary>The position in the current window up to which the input is read.</summary>
    public int Position { get; private set; }

    /// <summary>Counts the lines in the read part of the window before it is dropped; returns how many bytes remain.</summary>
    public int Discard(ReadOnlySpan<byte> window)
    {
        _linesBeforeWindow += LineBreaksBefore(window, Position);
        _windowStart += Position;
        _countedTo = 0;
        _countedLines = 0;
        return window.Length - Position;
    }

    /// <summary>The window now starts where <see cref="Position"/> was.</summary>
    public void Rebase() => Position = 0;

    /// <summary>The error for a record too large for any buffer.</summary>
    public LogJsonException RecordTooLarge(ReadOnlySpan<byte> window)
        => Fail(window, Position, "a record is larger than 2 GB, the most one buffer holds", _recordIndex);

    public ExportStep Next<TRecord>(IRecordSource<TRecord> source, ReadState state, ReadOnlySpan<byte> window, bool isFinal, out TRecord record)
    {
        record = default!;
        if (_windowStart == 0 && Position == 0 && window.Length > 0 && window[0] == ByteOrderMark[0])
        {
            var seen = Math.Min(window.Length, ByteOrderMark.Length);
            if (window.Slice(0, seen).SequenceEqual(ByteOrderMark.AsSpan(0, seen)))
            {
                if (seen == ByteOrderMark.Length)
                {
                    Position = seen;
                }
                else if (!isFinal)
                {
                    return ExportStep.NeedMoreInput;
                }
            }
        }

        while (true)
        {
            var position = SkipWhitespace(window, Position);
            if (position == window.Length)
            {
                Position = position;
                if (!isFinal)
                {
                    return ExportStep.NeedMoreInput;
                }

                return _shape switch
                {
                    Shape.Unknown => throw Fail(window, position, "the input is empty: no JSON value", -1),
                    Shape.RecordsProperty => throw Fail(window, position, EndsInsideRecords("the records array"), -1),
                    Shape.Array => throw Fail(window, position, EndsInsideRecords("the array of records"), -1),
                    _ => ExportStep.End,
                };
            }

            var next = window[position];
            switch (_shape)
            {
                case Shape.Unknown:
                    if (!TryFindShape(window, position, isFinal, state))
                    {
                        Position = position;
                        return ExportStep.NeedMoreInput;
                    }

                    continue;
                case Shape.Done:
                    throw Fail(window, position, "unexpected content after the end of the export", -1);
                case Shape.RecordsProperty:
                case Shape.Array:
                    if (next == (byte)']')
                    {
                        if (_afterComma)
                        {
                            throw Fail(window, position, "a comma before ']' (a trailing comma is not JSON)", -1);
                        }

                        if (_shape == Shape.Array)
                        {
                            Position = position + 1;
                            _shape = Shape.Done;
                            continue;
                        }

                        var close = SkipWhitespace(window, position + 1);
                        if (close == window.Length && !isFinal)
                        {
                            Position = position;
                            return ExportStep.NeedMoreInput;
                        }

                        if (close == window.Length)
                        {
                            throw Fail(window, close, "the input ends after the records array, before the '}' that closes the export object", -1);
                        }

                        if (window[close] != (byte)'}')
                        {
                            throw Fail(window, close, "unexpected " + Describe(window[close]) + " after the records array, where the '}' that closes the export object should be (an export object holds only its records)", -1);
                        }

                        Position = close + 1;
                        _shape = Shape.Done;
                        continue;
                    }

                    if (_expectComma)
                    {
                        if (next != (byte)',')
                        {
                            throw Fail(window, position, "unexpected " + Describe(next) + " after record " + Number(_recordIndex) + ", where ',' or ']' should be", -1);
                        }

                        Position = position + 1;
                        _expectComma = false;
                        _afterComma = true;
                        continue;
                    }

                    break;
            }

            var step = ReadRecord(source, state, window, position, isFinal, out record);
            if (step is ExportStep.Record or ExportStep.Skipped)
            {
                _expectComma = _shape != Shape.Sequence;
            }

            return step;
        }
    }

    private ExportStep ReadRecord<TRecord>(IRecordSource<TRecord> source, ReadState state, ReadOnlySpan<byte> window, int position, bool isFinal, out TRecord record)
    {
        record = default!;
        var slice = window.Slice(position);
        if (_pendingStart == _windowStart + position)
        {
            if (_skipping is not null)
            {
                return SkipLine(state, window, position, isFinal);
            }

            if (!isFinal && !ScanToEnd(slice))
            {
                Position = position;
                return ExportStep.NeedMoreInput;
            }
        }

        var reader = new Utf8JsonReader(slice, isFinal, new JsonReaderState(state.ReaderOptions));
        LogJsonException problem;
        RecordRead read;
        try
        {
            read = source.TryRead(ref reader, state, slice, out record);
            if (read == RecordRead.NeedMoreInput && !isFinal)
            {
                return Wait(state, position);
            }

            problem = read == RecordRead.NeedMoreInput ? SyntaxProblem(window, position, isFinal, state, null) : null!;
        }
        catch (RecordFault fault)
        {
            read = RecordRead.NeedMoreInput;
            problem = Fail(window, position + (int)fault.Offset, fault.Problem, _recordIndex, fault.Column, fault.InnerException);
        }
        catch (JsonException e)
        {
            read = RecordRead.NeedMoreInput;
            problem = SyntaxProblem(window, position, isFinal, state, e);
        }

        // The caller's callbacks run outside the try: what they throw is theirs, not a fault of the input.
        switch (read)
        {
            case RecordRead.Read:
                Done(position + (int)reader.BytesConsumed);
                return ExportStep.Record;
            case RecordRead.OtherTable:
                var end = position + (int)reader.BytesConsumed;
                ReportOtherTable(state, window, position);
                Done(end);
                return ExportStep.Skipped;
            default:
                record = default!;
                return Recover(state, window, position, isFinal, problem);
        }
    }

    /// <summary>The record at <paramref name="position"/> is cut off by the window's end: wait for more input, scanning towards its end.</summary>
    private ExportStep Wait(ReadState state, int position)
    {
        var start = _windowStart + position;
        if (_pendingStart != start)
        {
            _pendingStart = start;
            _scanState = new JsonReaderState(state.ReaderOptions);
            _scanned = 0;
            _scanDone = false;
            _skipping = null;
        }

        Position = position;
        return ExportStep.NeedMoreInput;
    }

    /// <summary>Carries the scan of the waiting record on over what came since; true once the record is whole (or its JSON is bad, which the read then reports).</summary>
    private bool ScanToEnd(ReadOnlySpan<byte> record)
    {
        if (_scanDone)
        {
            return true;
        }

        var reader = new Utf8JsonReader(record.Slice(_scanned), isFinalBlock: false, _scanState);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    _scanDone = true;
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            _scanDone = true;
            return true;
        }

        _scanned += (int)reader.BytesConsumed;
        _scanState = reader.CurrentState;
        return false;
    }

    private void Done(int end)
    {
        Position = end;
        _recordIndex++;
        _afterComma = false;
        _pendingStart = -1;
        _skipping = null;
    }

    private void ReportOtherTable(ReadState state, ReadOnlySpan<byte> window, int position)
    {
        state.OtherTableRecords++;
        if (state.Options.OnOtherTableRecord is { } report)
        {
            var line = _linesBeforeWindow + LineBreaksBefore(window, position) + 1;
            report(new OtherTableRecord(state.OtherCategory!, _windowStart + position, line, _recordIndex, state.OtherTableRecords));
        }
    }

    /// <summary>After a bad record: stop, or, where the caller asked, report it and go on with the next.</summary>
    private ExportStep Recover(ReadState state, ReadOnlySpan<byte> window, int position, bool isFinal, LogJsonException problem)
    {
        if (state.Options.OnInvalidRecord is not { } report)
        {
            throw problem;
        }

        var slice = window.Slice(position);
        var probe = new Utf8JsonReader(slice, isFinal, new JsonReaderState(state.ReaderOptions));
        var whole = false;
        try
        {
            whole = probe.Read() && probe.TrySkip();
            if (!whole && !isFinal)
            {
                return Wait(state, position);
            }
        }
        catch (JsonException)
        {
            // Not even JSON: only a line-by-line input lets reading resume.
        }

        if (whole)
        {
            report(problem);
            Done(position + (int)probe.BytesConsumed);
            return ExportStep.Skipped;
        }

        if (_shape != Shape.Sequence)
        {
            throw problem;
        }

        Wait(state, position);
        _skipping = problem;
        _searchedTo = problem.BytePosition;
        return SkipLine(state, window, position, isFinal);
    }

    /// <summary>Reports the bad line and resumes after its end, once the end is in the window.</summary>
    private ExportStep SkipLine(ReadState state, ReadOnlySpan<byte> window, int position, bool isFinal)
    {
        var from = (int)(_searchedTo - _windowStart);
        var newline = window.Slice(from).IndexOf((byte)'\n');
        if (newline < 0 && !isFinal)
        {
            _searchedTo = _windowStart + window.Length;
            Position = position;
            return ExportStep.NeedMoreInput;
        }

        state.Options.OnInvalidRecord!(_skipping!);
        Done(newline < 0 ? window.Length : from + newline + 1);
        return ExportStep.Skipped;
    }

    private bool TryFindShape(ReadOnlySpan<byte> window, int position, bool isFinal, ReadState state)
    {
        if (window[position] == (byte)'[')
        {
            _shape = Shape.Array;
            Position = position + 1;
            return true;
        }

        _shape = Shape.Sequence;
        Position = position;
        if (window[position] != (byte)'{')
        {
            return true;
        }

        var reader = new Utf8JsonReader(window.Slice(position), isFinal, new JsonReaderState(state.ReaderOptions));
        try
        {
            if (!reader.Read() || !reader.Read())
            {
                _shape = isFinal ? Shape.Sequence : Shape.Unknown;
                return isFinal;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("records"u8))
            {
                if (!reader.Read())
                {
                    _shape = isFinal ? Shape.Sequence : Shape.Unknown;
                    return isFinal;
                }

                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    _shape = Shape.RecordsProperty;
                    Position = position + (int)reader.BytesConsumed;
                }
            }
        }
        catch (JsonException)
        {
            // Left to the record reader, which reports it with its position.
        }

        return true;
    }

    /// <summary>The error for JSON the reader refused (or, with <paramref name="refused"/> null, that ends inside the record), in CallLogGen's words.</summary>
    private LogJsonException SyntaxProblem(ReadOnlySpan<byte> window, int position, bool isFinal, ReadState state, JsonException? refused)
    {
        var slice = window.Slice(position);
        var error = JsonSyntax.FindError(slice, isFinal, state.Options.MaxDepth);
        var record = "record " + Number(_recordIndex + 1);
        if (error is null)
        {
            // The reader and JsonSyntax disagree (a bug in one of them): name the reader's place, in plain words.
            var offset = refused is null ? slice.Length : OffsetOf(slice, refused);
            return Fail(window, position + offset, refused is null ? "the input ends inside " + record : "the JSON is not valid here", _recordIndex);
        }

        if (error.EndsEarly)
        {
            var inside = error.Innermost(skip: 1);
            return Fail(window, position + error.Offset, "the input ends inside " + (inside is null ? record : inside + " in " + record), _recordIndex);
        }

        return Fail(window, position + error.Offset, error.Problem!, _recordIndex);
    }

    private string EndsInsideRecords(string what)
        => "the input ends inside " + what + (_recordIndex == 0 ? ", before any record" : " after record " + Number(_recordIndex));

    private LogJsonException Fail(ReadOnlySpan<byte> window, int position, string problem, long recordIndex, string? column = null, Exception? inner = null)
    {
        position = Math.Min(Math.Max(position, 0), window.Length);
        var line = _linesBeforeWindow + LineBreaksBefore(window, position) + 1;
        return new LogJsonException(problem, _windowStart + position, line, recordIndex, column, inner);
    }

    /// <summary>The line breaks in the window before <paramref name="position"/>, counted on from the last call's position where it can.</summary>
    private long LineBreaksBefore(ReadOnlySpan<byte> window, int position)
    {
        if (position < _countedTo)
        {
            _countedTo = 0;
            _countedLines = 0;
        }

        _countedLines += JsonTokens.CountLines(window.Slice(_countedTo, position - _countedTo));
        _countedTo = position;
        return _countedLines;
    }

    /// <summary>The offset in <paramref name="slice"/> that the reader's exception points at (it counts lines and bytes in the line).</summary>
    private static int OffsetOf(ReadOnlySpan<byte> slice, JsonException e)
    {
        var offset = 0;
        for (var line = 0L; line < (e.LineNumber ?? 0) && offset < slice.Length; line++)
        {
            var newline = slice.Slice(offset).IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            offset += newline + 1;
        }

        return (int)Math.Min(slice.Length, offset + (e.BytePositionInLine ?? 0));
    }

    private static string Number(long count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(byte b)
        => b is > 0x20 and < 0x7F ? "character '" + (char)b + "'" : "byte 0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);

    private static int SkipWhitespace(ReadOnlySpan<byte> window, int position)
    {
        while (position < window.Length && window[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            position++;
        }

        return position;
    }
}
