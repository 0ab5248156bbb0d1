using CallLogGen.Model;

namespace CallLogGen.Emit;

/// <summary>The CLR type each KQL type is read into.</summary>
internal static class ClrTypes
{
    public static string Of(KqlType type) => type switch
    {
        KqlType.String => "string",
        KqlType.Int => "int",
        KqlType.Long => "long",
        KqlType.Real => "double",
        KqlType.Decimal => "decimal",
        KqlType.Bool => "bool",
        KqlType.DateTime => "global::System.DateTimeOffset",
        KqlType.TimeSpan => "global::System.TimeSpan",
        KqlType.Guid => "global::System.Guid",
        KqlType.Dynamic => "global::System.Text.Json.JsonElement",
        _ => "string",
    };

    public static bool IsReferenceType(KqlType type) => type == KqlType.String;

    /// <summary>The property's declared type: optional columns are nullable.</summary>
    public static string PropertyType(KqlType type, bool required) => required ? Of(type) : Of(type) + "?";

    public static string RuntimeEnum(KqlType type) => "global::CallLogGen.KqlType." + type;
}
