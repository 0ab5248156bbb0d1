// One source, compiled into two assemblies: the runtime library (public, CallLogGen.KqlType, what generated code
// and users see) and the generator (internal, CallLogGen.Model.KqlType, what its pipeline models hold). The
// generator cannot reference the runtime: compiler hosts load it alone, without System.Text.Json.
#if CALLLOGGEN_GENERATOR
namespace CallLogGen.Model;
#else
namespace CallLogGen;
#endif

/// <summary>The scalar types of the Kusto Query Language (KQL).</summary>
#if CALLLOGGEN_GENERATOR
internal
#else
public
#endif
enum KqlType
{
    /// <summary><c>string</c>: read as <see cref="System.String"/>.</summary>
    String,

    /// <summary><c>int</c>: a 32-bit signed integer, read as <see cref="System.Int32"/>.</summary>
    Int,

    /// <summary><c>long</c>: a 64-bit signed integer, read as <see cref="System.Int64"/>.</summary>
    Long,

    /// <summary><c>real</c>: a double-precision number, read as <see cref="System.Double"/>.</summary>
    Real,

    /// <summary><c>decimal</c>: a 128-bit decimal number, read as <see cref="System.Decimal"/>.</summary>
    Decimal,

    /// <summary><c>bool</c>, read as <see cref="System.Boolean"/>.</summary>
    Bool,

    /// <summary><c>datetime</c>: an instant in UTC, read as <see cref="System.DateTimeOffset"/>.</summary>
    DateTime,

    /// <summary><c>timespan</c>, read as <see cref="System.TimeSpan"/>.</summary>
    TimeSpan,

    /// <summary><c>guid</c>, read as <see cref="System.Guid"/>.</summary>
    Guid,

    /// <summary><c>dynamic</c>: any JSON value, read as <see cref="System.Text.Json.JsonElement"/>.</summary>
    Dynamic,
}
