using System;

namespace CallLogGen.Json;

/// <summary>
/// Shares the strings of a low-cardinality column (operation names, levels, result types): a record
/// list of a million rows then holds a handful of strings, not a million copies, and the garbage
/// collector has that much less to do. Beyond <see cref="Capacity"/> distinct values it stops adding.
/// </summary>
internal sealed class StringPool
{
    private const int Capacity = 64;
    private readonly byte[][] _utf8 = new byte[Capacity][];
    private readonly string[] _strings = new string[Capacity];
    private const int MissesBeforeGivingUp = 4 * Capacity;
    private int _count;
    private int _missesWhenFull;

    /// <summary>The shared string for these (unescaped, valid) UTF-8 bytes, if it was seen before.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        // A column that turns out to have many values stops being pooled: scanning a full pool in vain costs more than it saves.
        if (_missesWhenFull > MissesBeforeGivingUp)
        {
            value = null!;
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (utf8.SequenceEqual(_utf8[i]))
            {
                value = _strings[i];
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for its UTF-8 bytes while there is room.</summary>
    public void Add(ReadOnlySpan<byte> utf8, string value)
    {
        if (_count < Capacity)
        {
            _utf8[_count] = utf8.ToArray();
            _strings[_count] = value;
            _count++;
        }
        else
        {
            _missesWhenFull++;
        }
    }
}
