using System.Globalization;
using System.Text;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Random diagnostic-settings exports shaped like real ones, built as text so that every byte is chosen: Call
/// Automation operations, Usage records, another service's records and records without a category, in any of
/// the three shapes; keys and strings with escapes (short, <c>\uXXXX</c>, escaped surrogate pairs) and multi-byte
/// UTF-8 (2, 3 and 4 bytes); and fields no table knows, at the top level, inside <c>properties</c> and inside
/// arrays of objects, some nested exactly to the reader's depth limit and some one level past it.
/// </summary>
internal sealed class ExportGenerator(Random random, int maxDepth)
{
    private static readonly string[] Texts =
    {
        "plain", "Zoë Müller", "東京", "🎧 headset", "tab\tand\nnewline", "quote \" and backslash \\", "\u2028 separator", "é", "",
        "https://acs/calling/callConnections/c:play", "/SUBSCRIPTIONS/S/RESOURCEGROUPS/G",
    };

    private static readonly string[] UnknownNames = { "someNewField", "x-ms-extension", "Zoë", "東京", "tags", "nested", "location", "identity" };

    /// <summary>The depth of a record's values at each place: the record is one level, <c>properties</c> two, an array of objects in it three and four.</summary>
    private enum Place
    {
        TopLevel = 1,
        InProperties = 2,
        InArrayOfObjects = 4,
    }

    /// <summary>An export of a few records in one of the three shapes (a UTF-8 byte order mark now and then).</summary>
    public string Export()
    {
        var records = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Record()).ToList();
        var export = random.Next(4) switch
        {
            0 => "{\"records\":[" + string.Join(",", records) + "]}",
            1 => "[" + string.Join(",\n", records) + "]",
            2 => string.Join("\r\n", records) + "\r\n",
            _ => string.Join("\n", records),
        };

        return (random.Next(20) == 0 ? "\uFEFF" : string.Empty) + export;
    }

    public string Record()
    {
        var top = new List<string>();
        var properties = new List<string>();
        var kind = random.Next(20);
        string? category = kind switch
        {
            < 10 => random.Next(6) == 0 ? "callautomationoperational" : "CallAutomationOperational",
            < 14 => "Usage",
            < 17 => "AuditEvent",
            _ => null,
        };

        top.Add(Member("time", random.Next(4) switch
        {
            0 => "\"2026-11-24T00:00:10Z\"",
            1 => "\"2026-11-24T10:00:00.1234567+02:00\"",
            2 => "\"2026-11-24T00:00:10.0145573\"",
            _ => "\"2026-11-24T00:00:" + random.Next(10, 60).ToString(CultureInfo.InvariantCulture) + ".5Z\"",
        }));
        top.Add(Member("resourceId", String(Texts[10])));
        top.Add(Member("operationName", String(random.Next(2) == 0 ? "Play" : "CallingUsage")));
        top.Add(Member("correlationId", String("call-" + random.Next(5).ToString(CultureInfo.InvariantCulture) + Texts[random.Next(Texts.Length)])));
        if (category == "AuditEvent")
        {
            // A field another table types differently: a typed reader that waited for the category would fail here.
            top.Add(Member("durationMs", String("n/a")));
        }
        else if (category is not null && category != "Usage")
        {
            top.Add(Member("resultSignature", random.Next(2) == 0 ? "202" : "\"500\""));
            top.Add(Member("durationMs", random.Next(3) == 0 ? "\"41\"" : random.Next(1000).ToString(CultureInfo.InvariantCulture)));
            top.Add(Member("level", String("Informational")));
            properties.Add(Member("CallConnectionId", String("conn-" + Texts[random.Next(Texts.Length)])));
            properties.Add(Member("URI", String(Texts[9])));
            properties.Add(Member("SdkVersion", random.Next(5) == 0 ? "{\"major\":1,\"minor\":[3]}" : String("1.3.1")));
        }
        else
        {
            properties.Add(Member("RecordId", String("4bc5289a-4d5e-4dfd-9164-c4a05b7d64a1")));
            properties.Add(Member("UsageType", String("Audio")));
            properties.Add(Member("UnitType", String("Minute")));
            properties.Add(Member("Quantity", random.Next(2) == 0 ? "0.325583" : "\"1.5\""));
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            top.Add(Member(UnknownNames[random.Next(UnknownNames.Length)], Unknown(Place.TopLevel)));
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            properties.Add(Member(UnknownNames[random.Next(UnknownNames.Length)], Unknown(Place.InProperties)));
        }

        if (random.Next(3) == 0)
        {
            var objects = Enumerable.Range(0, random.Next(1, 3)).Select(_ => "{" + Member("id", String(Texts[random.Next(Texts.Length)])) + "," + Member("value", Unknown(Place.InArrayOfObjects)) + "}");
            properties.Add(Member("mediaStreams", "[" + string.Join(",", objects) + "]"));
        }

        top.Add(Member("properties", "{" + string.Join(",", properties) + "}"));
        if (category is not null)
        {
            // Azure puts the category fifth; now and then it comes after the fields it would have decided.
            top.Insert(random.Next(3) == 0 ? top.Count : Math.Min(4, top.Count), Member("category", String(category)));
        }

        return "{" + string.Join(",", top) + "}";
    }

    /// <summary>A value no column takes: a small random one, or a chain of objects and arrays that ends at the depth limit or one past it.</summary>
    private string Unknown(Place place)
    {
        if (random.Next(6) > 0)
        {
            return Value(3);
        }

        // At the limit, or below it; one chain in five goes one level past it.
        var levels = maxDepth - (int)place - (random.Next(5) == 0 ? -1 : random.Next(3));
        var text = new StringBuilder();
        var closers = new Stack<char>();
        for (var i = 0; i < levels; i++)
        {
            if (random.Next(2) == 0)
            {
                text.Append('[');
                closers.Push(']');
            }
            else
            {
                text.Append('{').Append(String("k" + i.ToString(CultureInfo.InvariantCulture))).Append(':');
                closers.Push('}');
            }
        }

        text.Append(Value(0));
        while (closers.Count > 0)
        {
            text.Append(closers.Pop());
        }

        return text.ToString();
    }

    private string Value(int depth) => random.Next(depth > 0 ? 9 : 6) switch
    {
        0 => String(Texts[random.Next(Texts.Length)]),
        1 => random.Next(2) == 0 ? "-12.5e3" : "1234567890123",
        2 => random.Next(2) == 0 ? "true" : "false",
        3 => "null",
        4 => "0",
        5 => String("🎧" + Texts[random.Next(Texts.Length)]),
        6 or 7 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Value(depth - 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(i => Member(UnknownNames[random.Next(UnknownNames.Length)] + i.ToString(CultureInfo.InvariantCulture), Value(depth - 1)))) + "}",
    };

    private string Member(string name, string value) => String(name) + ":" + value;

    /// <summary>A JSON string whose characters are written raw or escaped at random, always as JSON allows.</summary>
    private string String(string text)
    {
        var json = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < 0x20)
            {
                json.Append(c switch { '\n' => "\\n", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) });
            }
            else if (random.Next(10) == 0)
            {
                // A surrogate pair is escaped as a pair: half of it escaped and half raw is no text at all.
                for (var k = 0; k < pair; k++)
                {
                    json.Append("\\u").Append(((int)text[i + k]).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                json.Append(text, i, pair);
            }

            i += pair - 1;
        }

        return json.Append('"').ToString();
    }
}
