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

    public ColumnNameTable(IEnumerable<KeyValuePair<string, int>> names)
        : this(names, fold: true)
    {
    }

    private ColumnNameTable(IEnumerable<KeyValuePair<string, int>> names, bool fold)
    {
        var unique = new List<KeyValuePair<byte[], int>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folded = new List<KeyValuePair<string, int>>();
        foreach (var pair in names)
        {
            var key = fold ? pair.Key : AsciiLower(pair.Key);
            if (seen.Add(key))
            {
                unique.Add(new KeyValuePair<byte[], int>(Encoding.UTF8.GetBytes(key), pair.Value));
                folded.Add(pair);
            }
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
            _folded = new ColumnNameTable(folded, fold: false);
        }
    }

    /// <summary>The column the name stands for, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        var column = FindExact(name);
        if (column >= 0 || _folded is null || name.Length > MaxFoldedLength)
        {
            return column;
        }

        Span<byte> lower = stackalloc byte[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        return _folded.FindExact(lower);
    }

    private int FindExact(ReadOnlySpan<byte> name)
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
                return _columns[entry - 1];
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
