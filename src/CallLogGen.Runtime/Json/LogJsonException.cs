using System;
using System.Globalization;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>
/// Log JSON that cannot be read as its table says: malformed JSON, a value of the wrong type, a missing
/// required column. It names where: the byte offset from the start of the input, the line, the record
/// and the column, so that a bad record in a multi-gigabyte export can be found.
/// </summary>
public sealed class LogJsonException : JsonException
{
    /// <summary>Creates the exception; <paramref name="line"/> is one-based, <paramref name="recordIndex"/> zero-based (-1 outside any record).</summary>
    public LogJsonException(string problem, long bytePosition, long line, long recordIndex, string? column, Exception? innerException = null)
        : base(Describe(problem, bytePosition, line, recordIndex, column), path: null, lineNumber: line - 1, bytePositionInLine: null, innerException)
    {
        Problem = problem;
        BytePosition = bytePosition;
        Line = line;
        RecordIndex = recordIndex;
        Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The offset, in bytes from the start of the input, of the token at fault.</summary>
    public long BytePosition { get; }

    /// <summary>The one-based line of the token at fault.</summary>
    public long Line { get; }

    /// <summary>The zero-based index of the record (the row, for a query result); -1 where the fault is outside any record.</summary>
    public long RecordIndex { get; }

    /// <summary>The column whose value is at fault, where one is.</summary>
    public string? Column { get; }

    private static string Describe(string problem, long bytePosition, long line, long recordIndex, string? column)
    {
        var where = "line " + line.ToString(CultureInfo.InvariantCulture) + ", byte " + bytePosition.ToString(CultureInfo.InvariantCulture);
        if (recordIndex >= 0)
        {
            where += ", record " + recordIndex.ToString(CultureInfo.InvariantCulture);
        }

        if (column is not null)
        {
            where += ", column '" + column + "'";
        }

        return where + ": " + problem;
    }
}
