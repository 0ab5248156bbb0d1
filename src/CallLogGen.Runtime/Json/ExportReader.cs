using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;

namespace CallLogGen.Json;

/// <summary>Reads one record of some kind from a reader placed before it (over <c>input</c>); false when the input ends first.</summary>
internal interface IRecordSource<TRecord>
{
    bool TryRead(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out TRecord record);
}

/// <summary>
/// The loop over an export's records, whatever its shape: <c>{"records":[...]}</c>, a JSON array, or
/// records one after another (one per line). It works on a window of the input: in memory the window is
/// the whole input; over a stream it is a buffer that slides, so memory is bounded by the largest record.
/// </summary>
internal static class ExportReader
{
    private const int InitialBufferSize = 64 * 1024;

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

        /// <summary>Drops what is read and makes room for more.</summary>
        public void MakeRoom()
        {
            var kept = Cursor.Discard(Span);
            if (kept > 0 && Cursor.Position > 0)
            {
                System.Buffer.BlockCopy(Buffer, Cursor.Position, Buffer, 0, kept);
            }

            Cursor.Rebase();
            Length = kept;
            if (Length == Buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Buffer.Length * 2);
                System.Buffer.BlockCopy(Buffer, 0, larger, 0, Length);
                ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = larger;
            }
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

/// <summary>Where the export loop is: the shape found, the position in the window, and what came before the window.</summary>
internal sealed class ExportCursor
{
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
    private long _windowStart;
    private long _linesBeforeWindow;
    private long _recordIndex;

    /// <summary>The position in the current window up to which the input is read.</summary>
    public int Position { get; private set; }

    /// <summary>Counts the lines in the read part of the window before it is dropped; returns how many bytes remain.</summary>
    public int Discard(ReadOnlySpan<byte> window)
    {
        _linesBeforeWindow += JsonTokens.CountLines(window.Slice(0, Position));
        _windowStart += Position;
        return window.Length - Position;
    }

    /// <summary>The window now starts where <see cref="Position"/> was.</summary>
    public void Rebase() => Position = 0;

    public ExportStep Next<TRecord>(IRecordSource<TRecord> source, ReadState state, ReadOnlySpan<byte> window, bool isFinal, out TRecord record)
    {
        record = default!;
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
                    Shape.RecordsProperty or Shape.Array => throw Fail(window, position, "the input ends before the records array is closed", -1),
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

                        if (close == window.Length || window[close] != (byte)'}')
                        {
                            throw Fail(window, close, "expected the end of the export object after the records array; other fields there are not read", -1);
                        }

                        Position = close + 1;
                        _shape = Shape.Done;
                        continue;
                    }

                    if (_expectComma)
                    {
                        if (next != (byte)',')
                        {
                            throw Fail(window, position, "expected ',' or ']' between records", _recordIndex);
                        }

                        Position = position + 1;
                        _expectComma = false;
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
        var slice = window.Slice(position);
        var reader = new Utf8JsonReader(slice, isFinal, new JsonReaderState(state.ReaderOptions));
        LogJsonException problem;
        try
        {
            if (source.TryRead(ref reader, state, slice, out record))
            {
                Position = position + (int)reader.BytesConsumed;
                _recordIndex++;
                return ExportStep.Record;
            }

            if (!isFinal)
            {
                Position = position;
                return ExportStep.NeedMoreInput;
            }

            problem = Fail(window, position + (int)reader.BytesConsumed, "the input ends inside the record", _recordIndex);
        }
        catch (RecordFault fault)
        {
            problem = Fail(window, position + (int)fault.Offset, fault.Problem, _recordIndex, fault.Column, fault);
        }
        catch (JsonException e)
        {
            problem = Fail(window, position + OffsetOf(slice, e), "not valid JSON: " + e.Message, _recordIndex, null, e);
        }

        record = default!;
        return Recover(state, window, position, isFinal, problem);
    }

    /// <summary>After a bad record: stop, or, where the caller asked, report it and go on with the next.</summary>
    private ExportStep Recover(ReadState state, ReadOnlySpan<byte> window, int position, bool isFinal, LogJsonException problem)
    {
        var report = state.Options.OnInvalidRecord;
        if (report is null)
        {
            throw problem;
        }

        var slice = window.Slice(position);
        var probe = new Utf8JsonReader(slice, isFinal, new JsonReaderState(state.ReaderOptions));
        try
        {
            if (probe.Read() && probe.TrySkip())
            {
                report(problem);
                Position = position + (int)probe.BytesConsumed;
                _recordIndex++;
                return ExportStep.Skipped;
            }

            if (!isFinal)
            {
                Position = position;
                return ExportStep.NeedMoreInput;
            }
        }
        catch (JsonException)
        {
            // Not even JSON: only a line-by-line input lets reading resume.
        }

        if (_shape != Shape.Sequence)
        {
            throw problem;
        }

        var errorAt = (int)(problem.BytePosition - _windowStart);
        var newline = window.Slice(errorAt).IndexOf((byte)'\n');
        if (newline < 0 && !isFinal)
        {
            Position = position;
            return ExportStep.NeedMoreInput;
        }

        report(problem);
        Position = newline < 0 ? window.Length : errorAt + newline + 1;
        _recordIndex++;
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

    private LogJsonException Fail(ReadOnlySpan<byte> window, int position, string problem, long recordIndex, string? column = null, Exception? inner = null)
    {
        position = Math.Min(Math.Max(position, 0), window.Length);
        var line = _linesBeforeWindow + JsonTokens.CountLines(window.Slice(0, position)) + 1;
        return new LogJsonException(problem, _windowStart + position, line, recordIndex, column, inner);
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

    private int SkipWhitespace(ReadOnlySpan<byte> window, int position)
    {
        if (_windowStart == 0 && position == 0 && window.Length >= 3 && window[0] == 0xEF && window[1] == 0xBB && window[2] == 0xBF)
        {
            position = 3;
        }

        while (position < window.Length && window[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            position++;
        }

        return position;
    }
}
