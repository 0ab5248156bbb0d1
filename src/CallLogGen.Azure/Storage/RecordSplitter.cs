using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallLogGen.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// Splits a blob's bytes into records before the generated readers see them, so that each record's place in the
/// blob is known (for the checkpoint and for error messages) and only whole records are read. It understands
/// both shapes Azure writes: one JSON record per line (since November 2018), and <c>{"records":[...]}</c>
/// documents (before, and in some clouds), even several in one blob. A line is a record once its newline is
/// written, or, at the end of the blob, once it is a complete JSON value: a half-written last line of a blob
/// that is still open is left for the next read. Memory is bounded by the largest record, not the blob.
/// </summary>
internal sealed class RecordSplitter : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private readonly Stream _input;
    private readonly bool _blobClosed;
    private readonly bool _hash;
    private readonly JsonReaderOptions _readerOptions;
    private readonly Action<int> _bytesRead;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _lines;
    private long _recordIndex;
    private bool _eof;
    private Mode _mode;
    private bool _expectComma;
    private int _skip;
    private ResumePoint _document;
    private int _documentRecords;

    /// <param name="input">The blob's bytes from <paramref name="from"/>'s length on.</param>
    /// <param name="from">Where reading resumes; a document's records already read there are skipped.</param>
    /// <param name="recordIndex">The index of the first record at <paramref name="from"/>.</param>
    /// <param name="blobClosed">Whether the blob can still grow: if not, a last line that is not complete JSON is reported, not left for later.</param>
    /// <param name="hash">Whether to hash each record's bytes (to drop duplicates).</param>
    /// <param name="maxDepth">The deepest nesting accepted, as the readers' own limit.</param>
    /// <param name="bytesRead">Told of every block of bytes read from <paramref name="input"/>.</param>
    public RecordSplitter(Stream input, ResumePoint from, long recordIndex, bool blobClosed, bool hash, int maxDepth, Action<int> bytesRead)
    {
        _input = input;
        _blobClosed = blobClosed;
        _hash = hash;
        _readerOptions = new JsonReaderOptions { MaxDepth = maxDepth };
        _bytesRead = bytesRead;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _bufferOffset = from.Length;
        _lines = from.Lines;
        _skip = from.RecordsPastLength;
        _recordIndex = recordIndex;
        Resume = from;
    }

    private enum Mode
    {
        TopLevel,
        RecordsArray,
        Array,
        AfterRecordsArray,
        Stopped,
    }

    private enum ProbeResult
    {
        Complete,
        Incomplete,
        Malformed,
    }

    /// <summary>The record found by the last <see cref="SplitStep.Record"/> step.</summary>
    public RecordChunk Current;

    /// <summary>The record's bytes, valid until the next call of <see cref="NextAsync"/>.</summary>
    public ArraySegment<byte> CurrentBytes { get; private set; }

    /// <summary>What the last <see cref="SplitStep.Problem"/> step found, located in the blob.</summary>
    public LogJsonException? Problem { get; private set; }

    /// <summary>Where reading resumes after everything consumed so far.</summary>
    public ResumePoint Resume { get; private set; }

    public async ValueTask<SplitStep> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TrySplit(out var step))
            {
                // Where reading resumes once this step is taken: after the line, or at the document's start.
                Resume = _mode == Mode.TopLevel
                    ? new ResumePoint(_bufferOffset + _start, _lines, 0)
                    : new ResumePoint(_document.Length, _document.Lines, _documentRecords);
                Current.Resume = Resume;
                return step;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Takes the next step from the bytes in the buffer; false when more input is needed (never at the end of the input).</summary>
    private bool TrySplit(out SplitStep step)
    {
        while (true)
        {
            SkipWhitespace();
            step = SplitStep.End;
            if (_start == _end)
            {
                if (!_eof)
                {
                    return false;
                }

                if (_mode is Mode.RecordsArray or Mode.Array or Mode.AfterRecordsArray && _blobClosed)
                {
                    _mode = Mode.Stopped;
                    step = Fail(_start, "the blob ends inside a records array", countsAsRecord: false);
                }

                return true;
            }

            var next = _buffer[_start];
            switch (_mode)
            {
                case Mode.Stopped:
                    return true;
                case Mode.AfterRecordsArray:
                    if (next != (byte)'}')
                    {
                        _mode = Mode.Stopped;
                        step = Fail(_start, "expected the end of the export object after the records array", countsAsRecord: false);
                        return true;
                    }

                    _start++;
                    _mode = Mode.TopLevel;
                    continue;
                case Mode.RecordsArray:
                case Mode.Array:
                    if (next == (byte)']')
                    {
                        _start++;
                        _mode = _mode == Mode.RecordsArray ? Mode.AfterRecordsArray : Mode.TopLevel;
                        continue;
                    }

                    if (_expectComma)
                    {
                        if (next != (byte)',')
                        {
                            _mode = Mode.Stopped;
                            step = Fail(_start, "expected ',' or ']' between records", countsAsRecord: false);
                            return true;
                        }

                        _start++;
                        _expectComma = false;
                        continue;
                    }

                    if (!TryElement(out step, out var skipped))
                    {
                        return false;
                    }

                    if (skipped)
                    {
                        continue;
                    }

                    return true;
                default:
                    if (next == (byte)'[')
                    {
                        StartDocument(Mode.Array, 1);
                        continue;
                    }

                    if (next == (byte)'{')
                    {
                        var opens = OpensRecordsDocument(out var prefixLength);
                        if (opens is null)
                        {
                            return false;
                        }

                        if (opens.Value)
                        {
                            StartDocument(Mode.RecordsArray, prefixLength);
                            continue;
                        }
                    }

                    return TryLine(out step);
            }
        }
    }

    private void StartDocument(Mode mode, int prefixLength)
    {
        _document = new ResumePoint(_bufferOffset + _start, _lines, 0);
        _documentRecords = 0;
        _lines += CountLines(_start, prefixLength);
        _start += prefixLength;
        _mode = mode;
        _expectComma = false;
    }

    /// <summary>Whether the object at <see cref="_start"/> opens a <c>{"records":[</c> document; null when more input is needed to tell.</summary>
    private bool? OpensRecordsDocument(out int prefixLength)
    {
        prefixLength = 0;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, new JsonReaderState(_readerOptions));
        try
        {
            if (!reader.Read() || !reader.Read())
            {
                return _eof ? false : null;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("records"u8))
            {
                return false;
            }

            if (!reader.Read())
            {
                return _eof ? false : null;
            }

            prefixLength = (int)reader.BytesConsumed;
            return reader.TokenType == JsonTokenType.StartArray;
        }
        catch (JsonException)
        {
            // Not JSON: the line is reported as such.
            return false;
        }
    }

    /// <summary>One line, one record: complete once its newline is there (or, at the end of the blob, once it is a whole JSON value).</summary>
    private bool TryLine(out SplitStep step)
    {
        step = SplitStep.End;
        var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
        if (newline < 0 && !_eof)
        {
            return false;
        }

        var lineEnd = newline < 0 ? _end : newline;
        var result = Probe(_buffer.AsSpan(_start, lineEnd - _start), isFinal: newline >= 0, out var consumed, out var time, out var error);
        if (result == ProbeResult.Complete && !IsWhitespace(_start + consumed, lineEnd))
        {
            result = ProbeResult.Malformed;
            error = null;
        }

        if (newline < 0 && result != ProbeResult.Complete)
        {
            // A half-written last line: not a record until it is complete, unless the blob can no longer grow.
            if (!_blobClosed)
            {
                return true;
            }

            step = Fail(_start, "the blob ends inside a record (its last line is not complete JSON)", countsAsRecord: true);
            _start = _end;
            return true;
        }

        if (result == ProbeResult.Complete)
        {
            step = Emit(consumed, time);
            _start = newline < 0 ? _start + consumed : newline + 1;
            _lines += newline < 0 ? 0 : 1;
            return true;
        }

        step = error is null
            ? Fail(_start + consumed, "more than one JSON value on the line", countsAsRecord: true)
            : Fail(_start + OffsetOf(_start, error), NotJson(error), countsAsRecord: true, error);
        _start = newline + 1;
        _lines++;
        return true;
    }

    /// <summary>One record of a <c>{"records":[...]}</c> document or array; false when more input is needed.</summary>
    private bool TryElement(out SplitStep step, out bool skipped)
    {
        step = SplitStep.End;
        skipped = false;
        var result = Probe(_buffer.AsSpan(_start, _end - _start), isFinal: false, out var consumed, out var time, out var error);
        if (result == ProbeResult.Incomplete)
        {
            if (!_eof)
            {
                return false;
            }

            if (_blobClosed)
            {
                _mode = Mode.Stopped;
                step = Fail(_start, "the blob ends inside a records array", countsAsRecord: false);
            }

            return true;
        }

        if (result == ProbeResult.Malformed)
        {
            // Nothing after malformed JSON inside a document can be trusted.
            _mode = Mode.Stopped;
            _documentRecords++;
            step = Fail(_start + OffsetOf(_start, error!), NotJson(error!), countsAsRecord: true, error);
            return true;
        }

        _expectComma = true;
        _documentRecords++;
        if (_skip > 0)
        {
            // Delivered by an earlier read: a document is read again from its start.
            _skip--;
            _recordIndex++;
            Advance(consumed);
            skipped = true;
            return true;
        }

        step = Emit(consumed, time);
        Advance(consumed);
        return true;
    }

    private void Advance(int length)
    {
        _lines += CountLines(_start, length);
        _start += length;
    }

    private SplitStep Emit(int length, DateTimeOffset? time)
    {
        Current = new RecordChunk
        {
            BytePosition = _bufferOffset + _start,
            Line = _lines + 1,
            RecordIndex = _recordIndex++,
            Time = time,
        };
        CurrentBytes = new ArraySegment<byte>(_buffer, _start, length);
        if (_hash)
        {
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(CurrentBytes.AsSpan(), hash);
            Current.Hash = (BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(8)));
        }

        return SplitStep.Record;
    }

    /// <summary>Reports bytes that are no record; <paramref name="countsAsRecord"/> when they stand where a record should (a bad line).</summary>
    private SplitStep Fail(int at, string problem, bool countsAsRecord, Exception? inner = null)
    {
        var line = _lines + CountLines(_start, at - _start) + 1;
        Problem = new LogJsonException(problem, _bufferOffset + at, line, countsAsRecord ? _recordIndex++ : -1, null, inner);
        return SplitStep.Problem;
    }

    /// <summary>
    /// Reads one JSON value: whether it is complete, how long it is, and its top-level <c>time</c> or
    /// <c>TimeGenerated</c> (what the range filters on), in one pass.
    /// </summary>
    private ProbeResult Probe(ReadOnlySpan<byte> input, bool isFinal, out int consumed, out DateTimeOffset? time, out JsonException? error)
    {
        consumed = 0;
        time = null;
        error = null;
        var reader = new Utf8JsonReader(input, isFinal, new JsonReaderState(_readerOptions));
        try
        {
            if (!reader.Read())
            {
                return ProbeResult.Incomplete;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Not a record; the generated reader reports it as such.
                if (!reader.TrySkip())
                {
                    return ProbeResult.Incomplete;
                }

                consumed = (int)reader.BytesConsumed;
                return ProbeResult.Complete;
            }

            while (true)
            {
                if (!reader.Read())
                {
                    return ProbeResult.Incomplete;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    consumed = (int)reader.BytesConsumed;
                    return ProbeResult.Complete;
                }

                var isTime = IsTimeField(ref reader);
                if (!reader.Read())
                {
                    return ProbeResult.Incomplete;
                }

                if (isTime && time is null && reader.TokenType == JsonTokenType.String)
                {
                    time = ReadTime(ref reader);
                }
                else if (!reader.TrySkip())
                {
                    return ProbeResult.Incomplete;
                }
            }
        }
        catch (JsonException e)
        {
            error = e;
            return ProbeResult.Malformed;
        }
    }

    private static bool IsTimeField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            var name = reader.GetString();
            return string.Equals(name, "time", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "TimeGenerated", StringComparison.OrdinalIgnoreCase);
        }

        return EqualsIgnoreCase(reader.ValueSpan, "time"u8) || EqualsIgnoreCase(reader.ValueSpan, "timegenerated"u8);
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lowerCase)
    {
        if (name.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if ((c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c + 32) : c) != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A time as the readers take it: ISO 8601, UTC where no offset is given; null where it is no time.</summary>
    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length > 0 && reader.ValueSpan[reader.ValueSpan.Length - 1] is (byte)'Z' or (byte)'z'
            && reader.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>
    /// Makes room (dropping what was consumed, doubling the buffer when one record fills it) and reads until the
    /// buffer is full or the blob ends: a record split over many small network reads is looked at again once per
    /// buffer, not once per read.
    /// </summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        while (_end < _buffer.Length)
        {
            var read = await _input.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            _end += read;
            _bytesRead(read);
        }
    }

    private void SkipWhitespace()
    {
        while (_start < _end)
        {
            var c = _buffer[_start];
            if (c == (byte)'\n')
            {
                _lines++;
            }
            else if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r') && !(c == 0xEF && _bufferOffset + _start == 0 && IsByteOrderMark()))
            {
                return;
            }

            _start += c == 0xEF ? 3 : 1;
        }
    }

    private bool IsByteOrderMark() => _end - _start >= 3 && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF;

    private bool IsWhitespace(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private long CountLines(int from, int length) => AzureLogs.CountLines(_buffer.AsSpan(from, length));

    /// <summary>The offset from <paramref name="from"/> that a reader's exception points at (it counts lines and bytes in the line).</summary>
    private int OffsetOf(int from, JsonException error)
    {
        var offset = from;
        for (var line = 0L; line < (error.LineNumber ?? 0) && offset < _end; line++)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', offset, _end - offset);
            if (newline < 0)
            {
                break;
            }

            offset = newline + 1;
        }

        return (int)Math.Min(_end, offset + (error.BytePositionInLine ?? 0)) - from;
    }

    /// <summary>System.Text.Json's reason, without its own location (the exception's position says where).</summary>
    private static string NotJson(JsonException error)
    {
        var message = error.Message;
        var location = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "not valid JSON: " + (location < 0 ? message : message.Substring(0, location));
    }
}
