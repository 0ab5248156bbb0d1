using System;

namespace CallLogGen;

/// <summary>The KQL spellings of <see cref="KqlType"/>.</summary>
public static class KqlTypeNames
{
    /// <summary>The name KQL uses for <paramref name="type"/>, as in <c>.create table</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined <see cref="KqlType"/>.</exception>
    public static string Of(KqlType type) => KqlTypes.Of(type).Name;
}
