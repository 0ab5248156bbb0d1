using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CallLogGen.Model;
using CallLogGen.Schema.Json;
using CsCheck;
using Xunit;

namespace CallLogGen.Tests.Schema.Json;

/// <summary>
/// Property tests: the parser never throws, agrees with System.Text.Json (allowed here, in tests) on what is
/// valid JSON and on what valid JSON holds, and its spans and lines match the text.
/// </summary>
public class JsonParserPropertyTests
{
    private const string JsonAlphabet = "{}[]:,\"\\/ \t\r\n abcefnlrtu 0123456789-+.eE'\u2028\u00e9\0\u0001";

    private static readonly string[] Corpus = JsonCorpus.AllCorpusJsonFiles().Select(File.ReadAllText).ToArray();

    [Fact]
    public void Never_throws_on_random_strings()
    {
        Gen.String.Sample(AssertNeverThrows, iter: 2000);
        Gen.Char[JsonAlphabet].Array[0, 60].Select(chars => new string(chars)).Sample(AssertNeverThrows, iter: 3000);
    }

    [Fact]
    public void Never_throws_on_mutated_corpus_json_and_agrees_with_System_Text_Json_on_validity()
    {
        Assert.NotEmpty(Corpus);
        int valid = 0, invalid = 0;
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Char[JsonAlphabet]);
        Gen.Select(Gen.Int[0, Corpus.Length - 1], mutation.Array[1, 4])
            .Select(t => Mutate(Corpus[t.Item1], t.Item2))
            .Sample(text =>
            {
                AssertNeverThrows(text);
                if (AssertAgreesWithSystemTextJson(text))
                {
                    Interlocked.Increment(ref valid);
                }
                else
                {
                    Interlocked.Increment(ref invalid);
                }
            }, iter: 3000);

        // Both sides of the comparison were exercised.
        Assert.True(valid > 100 && invalid > 100, $"{valid} valid, {invalid} invalid");
    }

    [Fact]
    public void Reads_what_System_Text_Json_writes_as_System_Text_Json_reads_it()
    {
        var deepest = 0;
        Gen.Select(GenValue, Gen.Int[0, 3], Gen.Bool).Sample((value, layout, relaxed) =>
        {
            var text = Write(value, layout, relaxed);
            InterlockedMax(ref deepest, Depth(value));
            var result = JsonParser.Parse(text);
            Assert.True(result.Success, result.Error?.Message + "\n" + text);
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = JsonParser.MaxDepth });
            AssertSameTree(text, result.Root!, document.RootElement);
        }, iter: 1500);

        Assert.True(deepest >= 3, "the generator made no nested values");
    }

    private static int Depth(Value value) => value switch
    {
        ArrayValue a => 1 + a.Items.Select(Depth).DefaultIfEmpty(0).Max(),
        ObjectValue o => 1 + o.Members.Select(m => Depth(m.Value)).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Fact]
    public void Reads_every_corpus_file_as_System_Text_Json_reads_it()
    {
        Assert.True(Corpus.Length >= 6, "the corpus in tests/data was not found");
        foreach (var text in Corpus)
        {
            var result = JsonParser.Parse(text);
            Assert.True(result.Success, result.Error?.Message);
            using var document = JsonDocument.Parse(text);
            AssertSameTree(text, result.Root!, document.RootElement);
        }
    }

    private static void AssertNeverThrows(string text)
    {
        JsonParser.Parse(text);
        var document = JsonSchemaReader.Read(new SchemaFile("/virtual/fuzz.json", "fuzz.json", text), CancellationToken.None);
        JsonAssert.WellFormed(document, text);
    }

    private static bool AssertAgreesWithSystemTextJson(string text)
    {
        var mine = JsonParser.Parse(text);
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = JsonParser.MaxDepth });
        }
        catch (JsonException)
        {
        }

        using (document)
        {
            Assert.True(mine.Success == (document is not null),
                $"parser: {mine.Error?.Message ?? "valid"}; System.Text.Json: {(document is null ? "invalid" : "valid")}\n{text}");
            if (document is not null)
            {
                AssertSameTree(text, mine.Root!, document.RootElement);
            }
            else
            {
                var span = mine.Error!.Span;
                Assert.Equal(JsonAssert.NaiveLineColumn(text, span.Start), (span.Line, span.Column));
            }
        }

        return mine.Success;
    }

    private static void AssertSameTree(string text, JsonNode node, JsonElement element)
    {
        Assert.Equal(element.GetRawText(), text.Substring(node.Span.Start, node.Span.Length));
        Assert.Equal(JsonAssert.NaiveLineColumn(text, node.Span.Start), (node.Span.Line, node.Span.Column));
        Assert.Equal(JsonAssert.NaiveLineColumn(text, node.Span.End), (node.Span.EndLine, node.Span.EndColumn));
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = Assert.IsType<JsonObject>(node).Members;
                var properties = element.EnumerateObject().ToList();
                Assert.Equal(properties.Count, members.Length);
                for (var i = 0; i < members.Length; i++)
                {
                    Assert.Equal(properties[i].Name, members[i].Name);
                    AssertSameTree(text, members[i].Value, properties[i].Value);
                }

                break;
            case JsonValueKind.Array:
                var items = Assert.IsType<JsonArray>(node).Items;
                var elements = element.EnumerateArray().ToList();
                Assert.Equal(elements.Count, items.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    AssertSameTree(text, items[i], elements[i]);
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(element.GetString(), Assert.IsType<JsonString>(node).Value);
                break;
            case JsonValueKind.Number:
                Assert.Equal(element.GetRawText(), Assert.IsType<JsonNumber>(node).Text);
                break;
            case JsonValueKind.True:
                Assert.Equal(JsonKind.True, node.Kind);
                break;
            case JsonValueKind.False:
                Assert.Equal(JsonKind.False, node.Kind);
                break;
            default:
                Assert.Equal(JsonKind.Null, node.Kind);
                break;
        }
    }

    private static string Mutate(string text, (int Kind, double Where, char Char)[] mutations)
    {
        var builder = new StringBuilder(text);
        foreach (var (kind, where, c) in mutations)
        {
            var at = Math.Min((int)(where * builder.Length), Math.Max(builder.Length - 1, 0));
            switch (kind)
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, c);
                    break;
                case 2 when builder.Length > 0:
                    builder[at] = c;
                    break;
                case 3:
                    builder.Length = at;
                    break;
                case 4:
                    builder.Insert(at, builder.ToString(at, Math.Min(12, builder.Length - at)));
                    break;
            }
        }

        return builder.ToString();
    }

    // A JSON value to write with System.Text.Json.
    private abstract record Value;

    private sealed record StringValue(string Text) : Value;

    private sealed record NumberValue(double Number, long Integer, bool IsInteger) : Value;

    private sealed record LiteralValue(JsonKind Kind) : Value;

    private sealed record ArrayValue(Value[] Items) : Value;

    private sealed record ObjectValue((string Name, Value Value)[] Members) : Value;

    // Any characters, with surrogates turned into a whole pair so that the text stays valid UTF-16.
    private static readonly Gen<string> GenText = Gen.Frequency(
        (3, Gen.Char.Array[0, 10].Select(chars => string.Concat(chars.Select(c => char.IsSurrogate(c) ? "\U0001F600" : c.ToString())))),
        (2, Gen.String["abcxyzAZ_09 "]),
        (1, Gen.OneOf<string>(Gen.Const("\"\\/\b\f\n\r\t"), Gen.Const("é😀\u2028\u0085\u007F<>&'+"))));

    private static readonly Gen<Value> GenLeaf = Gen.Frequency(
        (3, GenText.Select(s => (Value)new StringValue(s))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => (Value)new NumberValue(d, 0, false))),
        (2, Gen.Long.Select(l => (Value)new NumberValue(0, l, true))),
        (1, Gen.OneOf<Value>(
            Gen.Const<Value>(new LiteralValue(JsonKind.True)),
            Gen.Const<Value>(new LiteralValue(JsonKind.False)),
            Gen.Const<Value>(new LiteralValue(JsonKind.Null)))));

    private static readonly Gen<Value> GenValue = Gen.Recursive<Value>((depth, gen) => depth >= 4
        ? GenLeaf
        : Gen.Frequency(
            (3, GenLeaf),
            (1, gen.Array[0, 5].Select(items => (Value)new ArrayValue(items))),
            (1, Gen.Select(Gen.Frequency((3, Gen.String["abcAB_"]), (1, GenText)), gen).Array[0, 5]
                .Select(members => (Value)new ObjectValue(members)))));

    private static string Write(Value value, int layout, bool relaxed)
    {
        var options = new JsonWriterOptions
        {
            Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
            Indented = layout != 0,
        };
        if (layout == 2)
        {
            options.NewLine = "\r\n";
            options.IndentCharacter = '\t';
            options.IndentSize = 1;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            WriteValue(writer, value);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        return layout == 3 ? "\uFEFF \r\n" + text + "\n\t" : text;
    }

    private static void WriteValue(Utf8JsonWriter writer, Value value)
    {
        switch (value)
        {
            case StringValue s:
                writer.WriteStringValue(s.Text);
                break;
            case NumberValue { IsInteger: true } n:
                writer.WriteNumberValue(n.Integer);
                break;
            case NumberValue n:
                writer.WriteNumberValue(n.Number);
                break;
            case LiteralValue { Kind: JsonKind.True }:
                writer.WriteBooleanValue(true);
                break;
            case LiteralValue { Kind: JsonKind.False }:
                writer.WriteBooleanValue(false);
                break;
            case LiteralValue:
                writer.WriteNullValue();
                break;
            case ArrayValue a:
                writer.WriteStartArray();
                foreach (var item in a.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ObjectValue o:
                writer.WriteStartObject();
                foreach (var (name, member) in o.Members)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, member);
                }

                writer.WriteEndObject();
                break;
        }
    }
}
