using System;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>What one read call keeps between records of one table: options, shared strings, scratch space.</summary>
internal sealed class ReadState
{
    public ReadState(LogReadOptions options, int columnCount, bool[] lowCardinality, bool readsOtherTables = false)
    {
        Options = options;
        ReadsOtherTables = readsOtherTables || options.ReadOtherTableRecords;
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

    /// <summary>Whether records of another table are read too (asked for, or routed here by the mixed-category reader).</summary>
    public bool ReadsOtherTables { get; }

    /// <summary>The category of the record just found to belong to another table.</summary>
    public string? OtherCategory { get; set; }

    /// <summary>How many records of other tables this read has skipped.</summary>
    public long OtherTableRecords { get; set; }

    public JsonReaderOptions ReaderOptions { get; }

    /// <summary>Per column of the record being read: 0 not seen, <see cref="Valued"/>, or <see cref="NullValued"/>.</summary>
    public byte[] Found { get; }

    public StringPool?[] Pools { get; }

    /// <summary>The names of fields no column takes (<c>location</c>, <c>category</c>), shared between records.</summary>
    public StringPool Names { get; } = new();

    /// <summary>The short values of fields no column takes, shared between records.</summary>
    public RawValuePool RawValues { get; } = new();

    public const byte Valued = 1;
    public const byte NullValued = 2;

    /// <summary>Whether the record being read had its <c>category</c> (a string), which decides its table; a second one is kept.</summary>
    public bool CategorySeen { get; set; }

    /// <summary>
    /// Which of the table's route resource types the record's <c>resourceId</c> is of (see
    /// <see cref="LogRecordJson.ResourceTypeMask"/>); null until the record's resource id is read.
    /// </summary>
    public ulong? ResourceTypeMask { get; set; }

    /// <summary>The record's category, where it is the table's but the resource type that decides is not read yet.</summary>
    public string? PendingRouteCategory { get; set; }

    /// <summary>Per key position in a record, the name-table entry the previous record had there (see <see cref="ColumnNameTable"/>).</summary>
    public int[] KeyHints { get; } = NewHints();

    /// <summary>The position of the next key in the record being read.</summary>
    public int KeyPosition { get; set; }

    public void StartRecord()
    {
        Array.Clear(Found, 0, Found.Length);
        CategorySeen = false;
        ResourceTypeMask = null;
        PendingRouteCategory = null;
        KeyPosition = 0;
    }

    private static int[] NewHints()
    {
        var hints = new int[64];
        for (var i = 0; i < hints.Length; i++)
        {
            hints[i] = -1;
        }

        return hints;
    }
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
