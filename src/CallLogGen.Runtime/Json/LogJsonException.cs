using System;
using System.Globalization;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>
/// Log JSON that cannot be read as its table says: malformed JSON, a value of the wrong type, a missing
/// required column. It names where, once, counted as people count: the line and the record (or row) from 1,
/// the byte offset from the start of the input (in a stream too), and the column, so that a bad record in a
/// multi-gigabyte export can be found. The message is
/// <c>line 3, byte offset 95, record 2, column 'DurationMs': expected an int ..., found the string "slow"</c>.
/// </summary>
public sealed class LogJsonException : JsonException
{
    /// <summary>Creates the exception; <paramref name="line"/> is one-based, <paramref name="recordIndex"/> zero-based (-1 outside any record).</summary>
    public LogJsonException(string problem, long bytePosition, long line, long recordIndex, string? column, Exception? innerException = null)
        : this(problem, bytePosition, line, recordIndex, column, "record", innerException)
    {
    }

    /// <summary>As the public constructor; <paramref name="recordNoun"/> is what the message calls a record (<c>row</c> in a query result).</summary>
    internal LogJsonException(string problem, long bytePosition, long line, long recordIndex, string? column, string recordNoun, Exception? innerException)
        : base(Describe(problem, bytePosition, line, recordIndex, column, recordNoun), path: null, lineNumber: line - 1, bytePositionInLine: null, innerException)
    {
        Problem = problem;
        BytePosition = bytePosition;
        Line = line;
        RecordIndex = recordIndex;
        Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The offset of the token at fault, in bytes from the start of the input (0 for the first byte).</summary>
    public long BytePosition { get; }

    /// <summary>The one-based line of the token at fault.</summary>
    public long Line { get; }

    /// <summary>
    /// The zero-based index of the record (the row, for a query result): 0 for the first; -1 where the fault is
    /// outside any record. The message counts from 1: see <see cref="RecordNumber"/>.
    /// </summary>
    public long RecordIndex { get; }

    /// <summary>
    /// The one-based number of the record (the row, for a query result), as the message says it: 1 for the
    /// first, <see cref="RecordIndex"/> + 1; 0 where the fault is outside any record.
    /// </summary>
    public long RecordNumber => RecordIndex + 1;

    /// <summary>The column whose value is at fault, where one is.</summary>
    public string? Column { get; }

    private static string Describe(string problem, long bytePosition, long line, long recordIndex, string? column, string recordNoun)
    {
        var where = "line " + line.ToString(CultureInfo.InvariantCulture) + ", byte offset " + bytePosition.ToString(CultureInfo.InvariantCulture);
        if (recordIndex >= 0)
        {
            where += ", " + recordNoun + " " + (recordIndex + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (column is not null)
        {
            where += ", column '" + column + "'";
        }

        return where + ": " + problem;
    }
}
