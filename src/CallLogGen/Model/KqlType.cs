using System;
using System.Collections.Generic;

namespace CallLogGen.Model;

/// <summary>The scalar types of the Kusto Query Language, the type system every schema format maps to.</summary>
internal enum KqlType
{
    String,
    Int,
    Long,
    Real,
    Decimal,
    Bool,
    DateTime,
    TimeSpan,
    Guid,
    Dynamic,
}

internal static class KqlTypes
{
    // Spellings seen in published documents: KQL names, the legacy Log Analytics names
    // (String, Double, BigInt, Bool...), the Tables REST API's camelCase and .NET type names
    // as Kusto's `.show table schema as json` reports them.
    private static readonly Dictionary<string, KqlType> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = KqlType.String,
        ["System.String"] = KqlType.String,
        ["int"] = KqlType.Int,
        ["int32"] = KqlType.Int,
        ["integer"] = KqlType.Int,
        ["System.Int32"] = KqlType.Int,
        ["long"] = KqlType.Long,
        ["int64"] = KqlType.Long,
        ["bigint"] = KqlType.Long,
        ["System.Int64"] = KqlType.Long,
        ["real"] = KqlType.Real,
        ["double"] = KqlType.Real,
        ["float"] = KqlType.Real,
        ["System.Double"] = KqlType.Real,
        ["System.Single"] = KqlType.Real,
        ["decimal"] = KqlType.Decimal,
        ["System.Decimal"] = KqlType.Decimal,
        ["System.Data.SqlTypes.SqlDecimal"] = KqlType.Decimal,
        ["bool"] = KqlType.Bool,
        ["boolean"] = KqlType.Bool,
        ["System.Boolean"] = KqlType.Bool,
        // Kusto stores bool as SByte and reports it so in `.show table schema as json`.
        ["System.SByte"] = KqlType.Bool,
        ["datetime"] = KqlType.DateTime,
        ["date"] = KqlType.DateTime,
        ["System.DateTime"] = KqlType.DateTime,
        ["timespan"] = KqlType.TimeSpan,
        ["time"] = KqlType.TimeSpan,
        ["System.TimeSpan"] = KqlType.TimeSpan,
        ["guid"] = KqlType.Guid,
        ["uniqueid"] = KqlType.Guid,
        ["System.Guid"] = KqlType.Guid,
        ["dynamic"] = KqlType.Dynamic,
        ["System.Object"] = KqlType.Dynamic,
    };

    /// <summary>Reads a type as a schema document spells it; surrounding spaces and backticks are ignored.</summary>
    public static bool TryParse(string? text, out KqlType type)
    {
        type = KqlType.String;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim().Trim('`').Trim();
        return trimmed.Length != 0 && Spellings.TryGetValue(trimmed, out type);
    }

    /// <summary>The name KQL itself uses, as in <c>.create table</c> and CSL schemas.</summary>
    public static string ToKqlName(this KqlType type) => type switch
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
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
