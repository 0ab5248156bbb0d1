using System;

namespace CallLogGen.Json;

/// <summary>
/// Shares the strings of a low-cardinality column (operation names, levels, result types): a record
/// list of a million rows then holds a handful of strings, not a million copies, and the garbage
/// collector has that much less to do. Beyond <see cref="Capacity"/> distinct values it stops adding,
/// and a column that keeps missing stops being pooled.
/// </summary>
internal sealed class StringPool
{
    private const int Capacity = 64;
    private const int MissesBeforeGivingUp = 4 * Capacity;

    // Open addressing over twice the capacity: a lookup is one cheap hash and, nearly always, one comparison.
    private const int SlotMask = (2 * Capacity) - 1;
    private readonly byte[]?[] _utf8 = new byte[]?[2 * Capacity];
    private readonly string[] _strings = new string[2 * Capacity];
    private int _count;
    private int _missesWhenFull;

    /// <summary>The shared string for these (unescaped, valid) UTF-8 bytes, if it was seen before.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        if (_missesWhenFull <= MissesBeforeGivingUp)
        {
            for (var slot = Hash(utf8) & SlotMask; _utf8[slot] is { } candidate; slot = (slot + 1) & SlotMask)
            {
                if (utf8.SequenceEqual(candidate))
                {
                    value = _strings[slot];
                    return true;
                }
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for its UTF-8 bytes while there is room.</summary>
    public void Add(ReadOnlySpan<byte> utf8, string value)
    {
        if (_count >= Capacity)
        {
            _missesWhenFull++;
            return;
        }

        var slot = Hash(utf8) & SlotMask;
        while (_utf8[slot] is not null)
        {
            slot = (slot + 1) & SlotMask;
        }

        _utf8[slot] = utf8.ToArray();
        _strings[slot] = value;
        _count++;
    }

    /// <summary>
    /// A hash from the length and four bytes (both ends and two inside): the values of one column share
    /// prefixes (resource ids, versions), so the ends and the middle are where they differ.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var length = bytes.Length;
        if (length == 0)
        {
            return 0;
        }

        unchecked
        {
            var hash = (length * 397) ^ bytes[0];
            hash = (hash * 31) ^ bytes[length - 1];
            hash = (hash * 31) ^ bytes[length >> 1];
            hash = (hash * 31) ^ bytes[(length * 3) >> 2];
            return hash & 0x7fffffff;
        }
    }
}
