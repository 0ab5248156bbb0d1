// One source, compiled into the generator (CallLogGen.Model) and the runtime library (CallLogGen), internal in both:
// every fact about a KQL type that more than one place needs is a column of the table below, so that a reader, an
// emitter, an analyzer and the runtime cannot disagree. Columns only one side uses are plain strings the other side
// ignores; tests hold each string to the runtime member it names.
using System;
using System.Collections.Generic;

#if CALLLOGGEN_GENERATOR
namespace CallLogGen.Model;
#else
namespace CallLogGen;
#endif

/// <summary>What CallLogGen knows of one <see cref="KqlType"/>.</summary>
internal sealed class KqlTypeInfo
{
    internal KqlTypeInfo(KqlType type, string name, string csharpType, bool isValueType, string cellMember, string expressionClass, string[] otherSpellings)
    {
        Type = type;
        Name = name;
        CSharpType = csharpType;
        IsValueType = isValueType;
        CellMember = cellMember;
        ExpressionClass = expressionClass;
        OtherSpellings = otherSpellings;
    }

    public KqlType Type { get; }

    /// <summary>The name KQL itself uses, as in <c>.create table</c> and CSL schemas: <c>datetime</c>.</summary>
    public string Name { get; }

    /// <summary>The C# type of a required column's property, as generated code spells it: <c>global::System.DateTimeOffset</c>.</summary>
    public string CSharpType { get; }

    /// <summary>Whether <see cref="CSharpType"/> is a value type (every type but <c>string</c>).</summary>
    public bool IsValueType { get; }

    /// <summary>The C# type of an optional column's property: <c>global::System.DateTimeOffset?</c>, <c>string?</c>.</summary>
    public string NullableCSharpType => CSharpType + "?";

    /// <summary>
    /// The property of <c>CallLogGen.Json.CellValue</c> that carries a cell of this type, and the method of
    /// <c>CallLogGen.Kql.KqlColumnSet</c> that gives a column of it: <c>DateTime</c>.
    /// </summary>
    public string CellMember { get; }

    /// <summary>The typed expression class in <c>CallLogGen.Kql</c>: <c>KqlDateTime</c>.</summary>
    public string ExpressionClass { get; }

    /// <summary>The typed null literal, <c>datetime(null)</c>; null for <c>string</c>, which KQL has no null of.</summary>
    public string? NullLiteral => Type == KqlType.String ? null : Name + "(null)";

    /// <summary>
    /// Spellings published documents use besides <see cref="Name"/>: the legacy Log Analytics names (String,
    /// Double, BigInt, Bool...), the Tables REST API's camelCase, and the .NET type names that Kusto's
    /// <c>.show table schema as json</c> reports.
    /// </summary>
    public IReadOnlyList<string> OtherSpellings { get; }

    public override string ToString() => Name;
}

/// <summary>The table of KQL type facts, one row per <see cref="KqlType"/> in declaration order.</summary>
internal static class KqlTypes
{
    /// <summary>Every KQL type, in the order of <see cref="KqlType"/>.</summary>
    public static IReadOnlyList<KqlTypeInfo> All { get; } = new KqlTypeInfo[]
    {
        //  type              KQL name    C# type of the property                     value? cell member   expression class  other spellings in documents
        new(KqlType.String,   "string",   "string",                                   false, "String",   "KqlString",      new[] { "System.String" }),
        new(KqlType.Int,      "int",      "int",                                      true,  "Int",      "KqlInt",         new[] { "int32", "integer", "System.Int32" }),
        new(KqlType.Long,     "long",     "long",                                     true,  "Long",     "KqlLong",        new[] { "int64", "bigint", "System.Int64" }),
        new(KqlType.Real,     "real",     "double",                                   true,  "Real",     "KqlReal",        new[] { "double", "float", "System.Double", "System.Single" }),
        new(KqlType.Decimal,  "decimal",  "decimal",                                  true,  "Decimal",  "KqlDecimal",     new[] { "System.Decimal", "System.Data.SqlTypes.SqlDecimal" }),
        // Kusto stores bool as SByte and reports it so in `.show table schema as json`.
        new(KqlType.Bool,     "bool",     "bool",                                     true,  "Bool",     "KqlBool",        new[] { "boolean", "System.Boolean", "System.SByte" }),
        new(KqlType.DateTime, "datetime", "global::System.DateTimeOffset",            true,  "DateTime", "KqlDateTime",    new[] { "date", "System.DateTime" }),
        new(KqlType.TimeSpan, "timespan", "global::System.TimeSpan",                  true,  "TimeSpan", "KqlTimeSpan",    new[] { "time", "System.TimeSpan" }),
        new(KqlType.Guid,     "guid",     "global::System.Guid",                      true,  "Guid",     "KqlGuid",        new[] { "uniqueid", "System.Guid" }),
        new(KqlType.Dynamic,  "dynamic",  "global::System.Text.Json.JsonElement",     true,  "Dynamic",  "KqlDynamic",     new[] { "System.Object" }),
    };

    /// <summary>The KQL names, comma separated, for messages that list them.</summary>
    public static string NameList { get; } = string.Join(", ", Names());

    /// <summary>The facts of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined <see cref="KqlType"/>.</exception>
    public static KqlTypeInfo Of(KqlType type) =>
        (uint)type < (uint)All.Count ? All[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a KQL type.");

    /// <summary>The name KQL itself uses, as in <c>.create table</c> and CSL schemas.</summary>
    public static string ToKqlName(this KqlType type) => Of(type).Name;

    /// <summary>Reads a type as a schema document spells it, ignoring case; surrounding spaces and backticks are ignored.</summary>
    public static bool TryParse(string? text, out KqlType type)
    {
        type = KqlType.String;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim().Trim('`').Trim();
        return trimmed.Length != 0 && Spellings.ByText.TryGetValue(trimmed, out type);
    }

    /// <summary>
    /// Reads a type as a docs page writes it for people: what <see cref="TryParse"/> reads, and also a note after the type
    /// (<c>Dynamic (json)</c>), JSON's own words (<c>object</c>, <c>array</c>, <c>Array[String]</c>, <c>string[]</c>: dynamic;
    /// <c>date-time</c>: datetime) and the kinds of text pages name (<c>Uri</c>, <c>Url</c>, <c>Enum</c>: string).
    /// </summary>
    public static bool TryParseFromDocs(string? text, out KqlType type)
    {
        if (TryParse(text, out type))
        {
            return true;
        }

        var trimmed = (text ?? string.Empty).Trim().Trim('`').Trim();
        if (trimmed.EndsWith(")", StringComparison.Ordinal) && trimmed.IndexOf('(') is var open and > 0 && TryParse(trimmed.Substring(0, open), out type))
        {
            return true;
        }

        if (trimmed.StartsWith("array", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("[]", StringComparison.Ordinal)
            || trimmed.Equals("object", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            type = KqlType.Dynamic;
            return true;
        }

        if (trimmed.Equals("date-time", StringComparison.OrdinalIgnoreCase))
        {
            type = KqlType.DateTime;
            return true;
        }

        if (trimmed.Equals("uri", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("url", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("enum", StringComparison.OrdinalIgnoreCase))
        {
            type = KqlType.String;
            return true;
        }

        type = KqlType.String;
        return false;
    }

    /// <summary>The type whose typed expression class is named <paramref name="expressionClass"/> (<c>KqlString</c>...).</summary>
    public static KqlTypeInfo? OfExpressionClass(string expressionClass)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.ExpressionClass, expressionClass, StringComparison.Ordinal))
            {
                return info;
            }
        }

        return null;
    }

#if !CALLLOGGEN_GENERATOR
    // Run time only, in the order of All: the generator cannot name JsonElement, because not every compiler host
    // loads System.Text.Json. CSharpType spells the same types for generated code; a test holds the two together.
    private static readonly Type[] ClrTypes =
    {
        typeof(string), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(bool),
        typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid), typeof(System.Text.Json.JsonElement),
    };

    /// <summary>The CLR type a column of <paramref name="type"/> is read into (without nullability).</summary>
    public static Type ClrTypeOf(KqlType type) => ClrTypes[(int)Of(type).Type];
#endif

    private static IEnumerable<string> Names()
    {
        foreach (var info in All)
        {
            yield return info.Name;
        }
    }

    // Built on first use: the runtime library never parses document spellings.
    private static class Spellings
    {
        public static readonly Dictionary<string, KqlType> ByText = Build();

        private static Dictionary<string, KqlType> Build()
        {
            var byText = new Dictionary<string, KqlType>(StringComparer.OrdinalIgnoreCase);
            foreach (var info in All)
            {
                byText.Add(info.Name, info.Type);
                foreach (var spelling in info.OtherSpellings)
                {
                    byText.Add(spelling, info.Type);
                }
            }

            return byText;
        }
    }
}
