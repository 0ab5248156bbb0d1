using System;
using System.Collections.Immutable;
using CallLogGen.Model;

namespace CallLogGen.Schema.Json;

/// <summary>The kinds of JSON value (RFC 8259).</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// Where a JSON value stands in its text: offset and length in UTF-16 code units, and zero-based
/// line and column of its first and of the position after its last character. Lines break at
/// LF, CR, CRLF, U+0085, U+2028 and U+2029, as in Roslyn's <c>SourceText</c>; a TAB is one column;
/// a byte order mark at the start of the text is not counted as a column.
/// </summary>
internal readonly record struct JsonTextSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    public SourceSpan ToSourceSpan(string filePath, string relativePath) =>
        new(filePath, relativePath, Start, Length, Line, Column, EndLine, EndColumn);

    public SourceSpan ToSourceSpan(SchemaFile file) => ToSourceSpan(file.FilePath, file.RelativePath);
}

/// <summary>
/// One value of an immutable JSON tree, with its place in the text. Strings are unescaped,
/// numbers are kept as the text the document writes (no precision is lost or invented).
/// </summary>
internal abstract class JsonNode
{
    private protected JsonNode(JsonKind kind, JsonTextSpan span)
    {
        Kind = kind;
        Span = span;
    }

    public JsonKind Kind { get; }

    public JsonTextSpan Span { get; }

    /// <summary>A short name of the kind for messages: "an object", "a string", "true"...</summary>
    public string KindDisplay => Describe(Kind);

    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => "null",
    };
}

/// <summary>A JSON object. Members keep their document order; duplicate names are kept too.</summary>
internal sealed class JsonObject : JsonNode
{
    public JsonObject(ImmutableArray<JsonMember> members, JsonTextSpan span)
        : base(JsonKind.Object, span)
    {
        Members = members;
    }

    public ImmutableArray<JsonMember> Members { get; }

    /// <summary>
    /// The value of the member named <paramref name="name"/> (ordinal); where a name occurs more
    /// than once, the last one wins, as in JavaScript's <c>JSON.parse</c>.
    /// </summary>
    public JsonNode? Get(string name) => Find(name, StringComparison.Ordinal)?.Value;

    /// <summary>As <see cref="Get"/>, but ignoring case: for formats whose writers disagree on it.</summary>
    public JsonNode? GetIgnoreCase(string name) => Find(name, StringComparison.OrdinalIgnoreCase)?.Value;

    public JsonMember? Find(string name, StringComparison comparison)
    {
        var members = Members;
        for (var i = members.Length - 1; i >= 0; i--)
        {
            if (string.Equals(members[i].Name, name, comparison))
            {
                return members[i];
            }
        }

        return null;
    }
}

/// <summary>A member of an object: its name as written (the string node) and its value.</summary>
internal sealed class JsonMember
{
    public JsonMember(JsonString name, JsonNode value)
    {
        NameNode = name;
        Value = value;
    }

    public JsonString NameNode { get; }

    public string Name => NameNode.Value;

    public JsonNode Value { get; }
}

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonNode
{
    public JsonArray(ImmutableArray<JsonNode> items, JsonTextSpan span)
        : base(JsonKind.Array, span)
    {
        Items = items;
    }

    public ImmutableArray<JsonNode> Items { get; }
}

/// <summary>A JSON string, unescaped. Its span covers the quotes.</summary>
internal sealed class JsonString : JsonNode
{
    public JsonString(string value, JsonTextSpan span)
        : base(JsonKind.String, span)
    {
        Value = value;
    }

    public string Value { get; }
}

/// <summary>A JSON number, kept as its text (for example <c>1.50e+3</c>).</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(string text, JsonTextSpan span)
        : base(JsonKind.Number, span)
    {
        Text = text;
    }

    public string Text { get; }
}

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(JsonKind kind, JsonTextSpan span)
        : base(kind, span)
    {
    }
}
