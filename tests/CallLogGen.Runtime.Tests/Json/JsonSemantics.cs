using System.Globalization;
using System.Text.Json;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Whether two JSON texts say the same thing, as a round trip must keep it: members in any order; a null
/// member equals an absent one; scalars equal when their JSON is equal, or when both read as the same
/// number, the same boolean, or the same instant (a reader types <c>"82"</c>, <c>"TRUE"</c> and
/// <c>"2025-01-01T00:00:00.0000000Z"</c> and writes them in their shortest form).
/// </summary>
internal static class JsonSemantics
{
    public static bool AreEqual(string expected, string actual, out string difference)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        difference = Compare(left.RootElement, right.RootElement, "$") ?? string.Empty;
        return difference.Length == 0;
    }

    public static bool AreEqual(JsonElement expected, JsonElement actual, out string difference)
    {
        difference = Compare(expected, actual, "$") ?? string.Empty;
        return difference.Length == 0;
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var left = Members(expected);
            var right = Members(actual);
            foreach (var (name, value) in left)
            {
                if (!right.TryGetValue(name, out var other))
                {
                    return path + "." + name + " is missing";
                }

                if (Compare(value, other, path + "." + name) is { } inner)
                {
                    return inner;
                }
            }

            foreach (var name in right.Keys)
            {
                if (!left.ContainsKey(name))
                {
                    return path + "." + name + " was added";
                }
            }

            return null;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            if (expected.GetArrayLength() != actual.GetArrayLength())
            {
                return path + " has " + actual.GetArrayLength() + " items, not " + expected.GetArrayLength();
            }

            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                if (Compare(expected[i], actual[i], path + "[" + i + "]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        return SameScalar(expected, actual) ? null : path + ": " + expected.GetRawText() + " became " + actual.GetRawText();
    }

    private static Dictionary<string, JsonElement> Members(JsonElement element)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.Null)
            {
                members[member.Name] = member.Value;
            }
        }

        return members;
    }

    private static bool SameScalar(JsonElement expected, JsonElement actual)
    {
        if (expected.GetRawText() == actual.GetRawText()
            || (expected.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String && expected.GetString() == actual.GetString()))
        {
            return true;
        }

        var left = Text(expected);
        var right = Text(actual);
        if (left is null || right is null)
        {
            return false;
        }

        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a == b;
        }

        if (bool.TryParse(left, out var p) && bool.TryParse(right, out var q))
        {
            return p == q;
        }

        if (left.Length >= 10 && right.Length >= 10
            && DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return s == t;
        }

        return false;
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
