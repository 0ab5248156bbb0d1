using System;

namespace CallLogGen.Json;

/// <summary>How readers treat input that does not fit the schema, and records that belong to another table.</summary>
public sealed class LogReadOptions
{
    private int _maxDepth = 64;

    /// <summary>The defaults: strict, every problem is a <see cref="LogJsonException"/>, other tables' records skipped.</summary>
    public static LogReadOptions Default { get; } = new();

    /// <summary>
    /// When true, a value that cannot be typed (<c>"abc"</c> in an int column) leaves the property null and is
    /// kept as it arrived in the record's <see cref="UnmappedFields"/>, instead of failing the record.
    /// The documented variants (numbers and booleans sent as strings, an object in a string column, and so on)
    /// are accepted either way.
    /// </summary>
    public bool KeepUntypedValues { get; set; }

    /// <summary>
    /// When set, a record that cannot be read is skipped and reported here, and reading goes on with the
    /// next record; when null (the default), the first bad record ends the read with its exception.
    /// Malformed JSON inside a <c>{"records":[...]}</c> document cannot be skipped past and still ends the read;
    /// in one-object-per-line input reading resumes at the next line.
    /// </summary>
    public Action<LogJsonException>? OnInvalidRecord { get; set; }

    /// <summary>
    /// Called for each export record that a table's reader (<c>Model.Json.ReadExport</c>, <c>ReadExportAsync</c>)
    /// skips because it belongs to another table: its <c>category</c> names another diagnostic category (see
    /// <see cref="LogRecordJson.IsOwnRecord(string?)"/>). Such records are never an error and never reach
    /// <see cref="OnInvalidRecord"/>; <see cref="OtherTableRecord.Count"/> counts them. The mixed-category reader
    /// (<see cref="LogExportReader"/>) routes every record to its own table and never calls it.
    /// </summary>
    public Action<OtherTableRecord>? OnOtherTableRecord { get; set; }

    /// <summary>
    /// When true, a table's reader reads every record into its model, whatever table it belongs to (the record
    /// keeps its own <c>category</c> in <see cref="UnmappedFields"/>, and writers write that one back). Off by
    /// default: a typed reader returns only its own table's records.
    /// </summary>
    public bool ReadOtherTableRecords { get; set; }

    /// <summary>The deepest nesting accepted (at least 1); 64 like System.Text.Json.</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The nesting limit must be at least 1.");
    }
}

/// <summary>An export record a table's reader skipped because it belongs to another table, and where it was.</summary>
public sealed class OtherTableRecord
{
    internal OtherTableRecord(string category, long bytePosition, long line, long recordIndex, long count)
    {
        Category = category;
        BytePosition = bytePosition;
        Line = line;
        RecordIndex = recordIndex;
        Count = count;
    }

    /// <summary>The record's diagnostic category, as it arrived.</summary>
    public string Category { get; }

    /// <summary>The offset of the record's first byte, from the start of the input (0 for the first byte).</summary>
    public long BytePosition { get; }

    /// <summary>The one-based line the record starts on.</summary>
    public long Line { get; }

    /// <summary>The zero-based index of the record among all the export's records (0 for the first).</summary>
    public long RecordIndex { get; }

    /// <summary>The one-based number of the record among all the export's records: <see cref="RecordIndex"/> + 1.</summary>
    public long RecordNumber => RecordIndex + 1;

    /// <summary>How many records of other tables this read has skipped so far, this one included.</summary>
    public long Count { get; }

    /// <inheritdoc/>
    public override string ToString()
        => "record " + RecordNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (line "
           + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): category " + Category;
}
