using System;
using System.Text;

namespace CallLogGen.Json;

/// <summary>A JSON property name as read: its unescaped UTF-8 bytes (pointing into the input), decoded only when a string is needed.</summary>
internal readonly ref struct PropertyName
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public PropertyName(ReadOnlySpan<byte> utf8, string? text)
    {
        Utf8 = utf8;
        Text = text;
    }

    public ReadOnlySpan<byte> Utf8 { get; }

    public string? Text { get; }

    /// <summary>The name as a string; invalid UTF-8 is a <see cref="FormatException"/>.</summary>
    public string Decode()
    {
        if (Text is not null)
        {
            return Text;
        }

        try
        {
            return StrictUtf8.GetString(Utf8.ToArray());
        }
        catch (ArgumentException e)
        {
            throw new FormatException("a property name is not valid UTF-8", e);
        }
    }
}
