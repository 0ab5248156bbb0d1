using System;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>What one read call keeps between records of one table: options, shared strings, scratch space.</summary>
internal sealed class ReadState
{
    public ReadState(LogReadOptions options, int columnCount, bool[] lowCardinality)
    {
        Options = options;
        ReaderOptions = new JsonReaderOptions { MaxDepth = options.MaxDepth };
        Found = new byte[columnCount];
        Pools = new StringPool?[columnCount];
        for (var i = 0; i < columnCount; i++)
        {
            if (lowCardinality[i])
            {
                Pools[i] = new StringPool();
            }
        }
    }

    public LogReadOptions Options { get; }

    public JsonReaderOptions ReaderOptions { get; }

    /// <summary>Per column of the record being read: 0 not seen, <see cref="Valued"/>, or <see cref="NullValued"/>.</summary>
    public byte[] Found { get; }

    public StringPool?[] Pools { get; }

    public const byte Valued = 1;
    public const byte NullValued = 2;

    public void StartRecord() => Array.Clear(Found, 0, Found.Length);
}

/// <summary>
/// A record that cannot be read, found deep inside a record parser; the loop around it, which knows
/// the input's bytes, turns it into a <see cref="LogJsonException"/> with line and byte position.
/// </summary>
internal sealed class RecordFault : Exception
{
    public RecordFault(string problem, long offset, string? column, Exception? inner = null)
        : base(problem, inner)
    {
        Problem = problem;
        Offset = offset;
        Column = column;
    }

    public string Problem { get; }

    /// <summary>The offset of the token at fault, from the start of the reader's input.</summary>
    public long Offset { get; }

    public string? Column { get; }
}
