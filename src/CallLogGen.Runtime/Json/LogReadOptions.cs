using System;

namespace CallLogGen.Json;

/// <summary>How readers treat input that does not fit the schema.</summary>
public sealed class LogReadOptions
{
    /// <summary>The defaults: strict, every problem is a <see cref="LogJsonException"/>.</summary>
    public static LogReadOptions Default { get; } = new();

    /// <summary>
    /// When true, a value that cannot be typed (<c>"abc"</c> in an int column) leaves the property null and is
    /// kept as it arrived in the record's <see cref="UnmappedFields"/>, instead of failing the record.
    /// The documented variants (numbers and booleans sent as strings, and so on) are accepted either way.
    /// </summary>
    public bool KeepUntypedValues { get; set; }

    /// <summary>
    /// When set, a record that cannot be read is skipped and reported here, and reading goes on with the
    /// next record; when null (the default), the first bad record ends the read with its exception.
    /// Malformed JSON inside a <c>{"records":[...]}</c> document cannot be skipped past and still ends the read;
    /// in one-object-per-line input reading resumes at the next line.
    /// </summary>
    public Action<LogJsonException>? OnInvalidRecord { get; set; }

    /// <summary>The deepest nesting accepted; 64 like System.Text.Json.</summary>
    public int MaxDepth { get; set; } = 64;
}
