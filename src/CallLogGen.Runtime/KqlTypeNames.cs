using System;

namespace CallLogGen;

/// <summary>The KQL spellings of <see cref="KqlType"/>.</summary>
public static class KqlTypeNames
{
    /// <summary>The name KQL uses for <paramref name="type"/>, as in <c>.create table</c>.</summary>
    public static string Of(KqlType type) => type switch
    {
        KqlType.String => "string",
        KqlType.Int => "int",
        KqlType.Long => "long",
        KqlType.Real => "real",
        KqlType.Decimal => "decimal",
        KqlType.Bool => "bool",
        KqlType.DateTime => "datetime",
        KqlType.TimeSpan => "timespan",
        KqlType.Guid => "guid",
        KqlType.Dynamic => "dynamic",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a KQL type."),
    };
}
