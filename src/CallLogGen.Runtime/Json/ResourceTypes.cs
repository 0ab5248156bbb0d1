using System;
using System.Text;

namespace CallLogGen.Json;

/// <summary>
/// The resource type in an Azure resource id: <c>/subscriptions/s/resourceGroups/g/providers/Microsoft.Sql/servers/a/databases/b</c>
/// is <c>Microsoft.Sql/servers/databases</c> (the namespace after the last <c>/providers/</c>, then every other segment,
/// the types between the names). Compared without regard to case, as Azure compares them. Works on UTF-8 bytes, so
/// that a reader can test a record's <c>resourceId</c> without making a string of it.
/// </summary>
internal static class ResourceTypes
{
    private static readonly byte[] Providers = Encoding.ASCII.GetBytes("/providers/");

    /// <summary>The resource type of <paramref name="resourceId"/>, or null where it names none.</summary>
    public static string? Of(string? resourceId)
    {
        if (resourceId is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(resourceId);
        var start = LastProviders(bytes);
        if (start < 0)
        {
            return null;
        }

        var type = new StringBuilder();
        var segment = 0;
        foreach (var part in Encoding.UTF8.GetString(bytes, start, bytes.Length - start).Split('/'))
        {
            if (segment == 0 || segment % 2 == 1)
            {
                if (part.Length == 0)
                {
                    return null;
                }

                type.Append(segment == 0 ? string.Empty : "/").Append(part);
            }

            segment++;
        }

        return segment >= 2 ? type.ToString() : null;
    }

    /// <summary>Whether <paramref name="resourceId"/> (UTF-8) is of <paramref name="resourceType"/> (ASCII, as the reference spells it).</summary>
    public static bool Matches(ReadOnlySpan<byte> resourceId, ReadOnlySpan<byte> resourceType)
    {
        var start = LastProviders(resourceId);
        if (start < 0)
        {
            return false;
        }

        var id = resourceId.Slice(start);
        var expected = resourceType;
        var segment = 0;
        while (true)
        {
            var slash = id.IndexOf((byte)'/');
            var part = slash < 0 ? id : id.Slice(0, slash);
            if (segment == 0 || segment % 2 == 1)
            {
                // The namespace and each type, matched in turn against the expected type's segments.
                var expectedSlash = expected.IndexOf((byte)'/');
                var expectedPart = expectedSlash < 0 ? expected : expected.Slice(0, expectedSlash);
                if (!EqualsIgnoringAsciiCase(part, expectedPart))
                {
                    return false;
                }

                if (expectedSlash < 0)
                {
                    // Every expected segment matched: the id must name this type's resource, not one nested under it.
                    return slash < 0 ? segment >= 1 : id.Slice(slash + 1).IndexOf((byte)'/') < 0;
                }

                expected = expected.Slice(expectedSlash + 1);
            }

            if (slash < 0)
            {
                return false;
            }

            id = id.Slice(slash + 1);
            segment++;
        }
    }

    /// <summary>Where the text after the last <c>/providers/</c> starts (any case), or -1.</summary>
    private static int LastProviders(ReadOnlySpan<byte> resourceId)
    {
        for (var i = resourceId.Length - Providers.Length; i >= 0; i--)
        {
            if (EqualsIgnoringAsciiCase(resourceId.Slice(i, Providers.Length), Providers))
            {
                return i + Providers.Length;
            }
        }

        return -1;
    }

    private static bool EqualsIgnoringAsciiCase(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (Lower(left[i]) != Lower(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
