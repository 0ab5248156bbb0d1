using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Json;

/// <summary>
/// Finds a column by the UTF-8 bytes of a JSON property name without making a string: an exact match
/// first, then an ASCII case-insensitive one, because real exports spell the same key in several cases.
/// </summary>
internal sealed class ColumnNameTable
{
    private const int MaxFoldedLength = 256;
    private readonly byte[][] _names;
    private readonly int[] _columns;
    private readonly int[] _slots;
    private readonly int _mask;
    private readonly ColumnNameTable? _folded;
    private readonly int _primaryCount;

    /// <summary>Makes the table; the first <paramref name="primaryCount"/> names are the columns' own spellings, the rest alternatives.</summary>
    public ColumnNameTable(IEnumerable<KeyValuePair<string, int>> names, int primaryCount = int.MaxValue)
        : this(names, fold: true, primaryCount)
    {
    }

    private ColumnNameTable(IEnumerable<KeyValuePair<string, int>> names, bool fold, int primaryCount)
    {
        var unique = new List<KeyValuePair<byte[], int>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folded = new List<KeyValuePair<string, int>>();
        var position = 0;
        _primaryCount = 0;
        foreach (var pair in names)
        {
            var key = fold ? pair.Key : AsciiLower(pair.Key);
            if (seen.Add(key))
            {
                unique.Add(new KeyValuePair<byte[], int>(Encoding.UTF8.GetBytes(key), pair.Value));
                folded.Add(pair);
                if (position < primaryCount)
                {
                    _primaryCount = unique.Count;
                }
            }

            position++;
        }

        _names = new byte[unique.Count][];
        _columns = new int[unique.Count];
        var size = 8;
        while (size < unique.Count * 4)
        {
            size *= 2;
        }

        _slots = new int[size];
        _mask = size - 1;
        for (var i = 0; i < unique.Count; i++)
        {
            _names[i] = unique[i].Key;
            _columns[i] = unique[i].Value;
            var slot = Hash(_names[i]) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }

        if (fold)
        {
            _folded = new ColumnNameTable(folded, fold: false, primaryCount: 0);
        }
    }

    /// <summary>The column the name stands for, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name) => Find(name, out _);

    /// <summary>
    /// As <see cref="Find(ReadOnlySpan{byte}, out bool)"/>, trying first the entry <paramref name="hint"/> names, and
    /// leaving there the entry found: records of one export list their keys in the same order, so the key at
    /// a position is nearly always the one the previous record had there, and one comparison finds it.
    /// </summary>
    public int Find(ReadOnlySpan<byte> name, ref int hint, out bool primary)
    {
        var entry = hint;
        if ((uint)entry < (uint)_names.Length && name.SequenceEqual(_names[entry]))
        {
            primary = entry < _primaryCount;
            return _columns[entry];
        }

        entry = FindEntry(name);
        hint = entry;
        if (entry >= 0)
        {
            primary = entry < _primaryCount;
            return _columns[entry];
        }

        primary = false;
        return FindFolded(name);
    }

    /// <summary>The column the name stands for, or -1; <paramref name="primary"/> tells whether the name is the column's own spelling, exactly.</summary>
    public int Find(ReadOnlySpan<byte> name, out bool primary)
    {
        var entry = FindEntry(name);
        if (entry >= 0)
        {
            primary = entry < _primaryCount;
            return _columns[entry];
        }

        primary = false;
        return FindFolded(name);
    }

    /// <summary>The column whose name differs from <paramref name="name"/> only in ASCII case, or -1.</summary>
    private int FindFolded(ReadOnlySpan<byte> name)
    {
        if (_folded is null || name.Length > MaxFoldedLength)
        {
            return -1;
        }

        Span<byte> lower = stackalloc byte[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        var folded = _folded.FindEntry(lower);
        return folded < 0 ? -1 : _folded._columns[folded];
    }

    private int FindEntry(ReadOnlySpan<byte> name)
    {
        var slot = Hash(name) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (name.SequenceEqual(_names[entry - 1]))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static string AsciiLower(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'A' and <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: names are short, so a simple byte loop beats anything clever.
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}
