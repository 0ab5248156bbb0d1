using System;
using System.Text;

namespace CallLogGen.Json;

/// <summary>
/// Copies of the raw JSON of kept values, checked to be valid UTF-8 (so that writing them back cannot fail),
/// with one shared copy per distinct short value: a field like <c>"location":"westeurope"</c> arrives in every
/// record with the same few values. A pool that keeps missing stops pooling, as <see cref="StringPool"/> does.
/// </summary>
internal sealed class RawValuePool
{
    private const int Capacity = 32;
    private const int MaxPooledLength = 64;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[][] _values = new byte[Capacity][];
    private int _count;
    private int _missesWhenFull;

    /// <summary>A copy of <paramref name="raw"/>, shared where an equal one was seen; invalid UTF-8 is a <see cref="FormatException"/>.</summary>
    public byte[] Get(ReadOnlySpan<byte> raw)
    {
        var pooling = raw.Length <= MaxPooledLength && _missesWhenFull <= 4 * Capacity;
        if (pooling)
        {
            for (var i = 0; i < _count; i++)
            {
                if (raw.SequenceEqual(_values[i]))
                {
                    return _values[i];
                }
            }
        }

        Validate(raw);
        var copy = raw.ToArray();
        if (pooling)
        {
            if (_count < Capacity)
            {
                _values[_count++] = copy;
            }
            else
            {
                _missesWhenFull++;
            }
        }

        return copy;
    }

    private static void Validate(ReadOnlySpan<byte> raw)
    {
        foreach (var b in raw)
        {
            if (b >= 0x80)
            {
                try
                {
                    StrictUtf8.GetCharCount(raw.ToArray());
                }
                catch (ArgumentException e)
                {
                    throw new FormatException("the value is not valid UTF-8", e);
                }

                return;
            }
        }
    }
}
