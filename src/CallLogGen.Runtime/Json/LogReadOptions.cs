using System;
using System.Collections.Generic;
using System.Text.Json;

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

    /// <summary>
    /// Called for every value that cannot be read as its column's schema type (<c>"abc"</c> in an <c>int</c> column,
    /// an object in a <c>datetime</c>), in strict mode just before the record fails, with
    /// <see cref="KeepUntypedValues"/> as the value is kept: a column whose type changed at the source (a table
    /// that made an <c>int</c> a <c>string</c>) shows up here, counted per column by <see cref="TypeMismatchCounts"/>
    /// (<c>OnTypeMismatch = counts.Add</c>). The values the readers accept in either mode (numbers as strings, and so
    /// on) are not mismatches.
    /// </summary>
    public Action<TypeMismatch>? OnTypeMismatch { get; set; }

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

/// <summary>A value that could not be read as its column's schema type: which column, which type, and what arrived.</summary>
public sealed class TypeMismatch
{
    internal TypeMismatch(string column, KqlType schemaType, JsonValueKind valueKind, string problem, bool kept)
    {
        Column = column;
        SchemaType = schemaType;
        ValueKind = valueKind;
        Problem = problem;
        Kept = kept;
    }

    /// <summary>The column, as the schema names it (a query result's column as the result names it).</summary>
    public string Column { get; }

    /// <summary>The column's type in the schema.</summary>
    public KqlType SchemaType { get; }

    /// <summary>The JSON kind of the value that arrived.</summary>
    public JsonValueKind ValueKind { get; }

    /// <summary>What the reader says of it: <c>expected an int (...), found the string "abc"</c>.</summary>
    public string Problem { get; }

    /// <summary>Whether the value was kept (<see cref="LogReadOptions.KeepUntypedValues"/>); false when the record fails.</summary>
    public bool Kept { get; }

    /// <inheritdoc/>
    public override string ToString() => "column '" + Column + "' (" + KqlTypeNames.Of(SchemaType) + "): " + Problem;
}

/// <summary>
/// Counts type mismatches per column, for <see cref="LogReadOptions.OnTypeMismatch"/>:
/// <c>new LogReadOptions { KeepUntypedValues = true, OnTypeMismatch = counts.Add }</c>. Safe to share between reads.
/// </summary>
public sealed class TypeMismatchCounts
{
    private readonly Dictionary<string, long> _byColumn = new(StringComparer.Ordinal);

    /// <summary>Counts one mismatch.</summary>
    public void Add(TypeMismatch mismatch)
    {
        if (mismatch is null)
        {
            throw new ArgumentNullException(nameof(mismatch));
        }

        lock (_byColumn)
        {
            _byColumn.TryGetValue(mismatch.Column, out var count);
            _byColumn[mismatch.Column] = count + 1;
        }
    }

    /// <summary>How many values of this column could not be read as its type (0 for a column with none).</summary>
    public long this[string column]
    {
        get
        {
            lock (_byColumn)
            {
                return _byColumn.TryGetValue(column, out var count) ? count : 0;
            }
        }
    }

    /// <summary>The count of every column that had a mismatch, ordered by column name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByColumn
    {
        get
        {
            lock (_byColumn)
            {
                var counts = new List<KeyValuePair<string, long>>(_byColumn);
                counts.Sort((a, b) => StringComparer.Ordinal.Compare(a.Key, b.Key));
                return counts;
            }
        }
    }

    /// <summary>All mismatches counted.</summary>
    public long Total
    {
        get
        {
            lock (_byColumn)
            {
                var total = 0L;
                foreach (var count in _byColumn.Values)
                {
                    total += count;
                }

                return total;
            }
        }
    }
}
