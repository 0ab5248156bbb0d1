using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace CallLogGen.Json;

/// <summary>
/// Reads and writes one table's records in the JSON forms its logs take: diagnostic-settings exports,
/// Log Analytics query results and the Logs Ingestion API's array. The generated model's <c>Json</c>
/// property is the one instance per table; generated code supplies only what the schema knows (the
/// export paths, which strings repeat, and moving a typed value in and out of a property).
/// Instances hold no per-read state and are safe to use from several threads.
/// </summary>
/// <typeparam name="T">The generated model.</typeparam>
public abstract partial class LogRecordJson<T> : LogRecordJson
    where T : class
{
    /// <summary>Called by generated code, once per table.</summary>
    /// <param name="schema">The model's <c>Schema</c>.</param>
    /// <param name="exportPaths">Per column, where exports carry it: <c>time</c>, <c>properties.Name</c>, or null.</param>
    /// <param name="lowCardinalityColumns">The string columns whose few distinct values are shared between records.</param>
    protected LogRecordJson(TableSchema schema, string?[] exportPaths, int[] lowCardinalityColumns)
        : base(schema, exportPaths, lowCardinalityColumns)
    {
    }

    /// <inheritdoc/>
    public sealed override Type RecordType => typeof(T);

    /// <summary>Makes an empty record.</summary>
    protected abstract T CreateRecord();

    /// <summary>Moves a cell's typed value into column <paramref name="column"/>'s property.</summary>
    protected abstract void SetCell(T record, int column, in CellValue cell);

    /// <summary>Moves column <paramref name="column"/>'s property value into the cell.</summary>
    protected abstract void GetCell(T record, int column, ref CellValue cell);

    /// <summary>The record's kept unmapped fields, if any.</summary>
    protected abstract UnmappedFields? GetUnmapped(T record);

    /// <summary>Stores the record's unmapped fields.</summary>
    protected abstract void SetUnmapped(T record, UnmappedFields fields);

    /// <summary>
    /// Reads a diagnostic-settings export held in memory: a <c>{"records":[...]}</c> document, a JSON array
    /// of records, or records one after another (one JSON object per line). Only this table's records are
    /// returned: a record whose <c>category</c> names another table is skipped and reported to
    /// <see cref="LogReadOptions.OnOtherTableRecord"/> (see <see cref="LogRecordJson.IsOwnRecord(string?)"/>), unless
    /// <see cref="LogReadOptions.ReadOtherTableRecords"/> asks for every record.
    /// </summary>
    /// <exception cref="LogJsonException">The input is not JSON, or a record does not fit the table.</exception>
    public List<T> ReadExport(ReadOnlySpan<byte> utf8Json, LogReadOptions? options = null)
    {
        var state = CreateState(options ?? LogReadOptions.Default);
        var records = new List<T>();
        ExportReader.ReadAll(new Source(this), state, utf8Json, records);
        return records;
    }

    /// <summary>Reads a diagnostic-settings export from a string; see <see cref="ReadExport(ReadOnlySpan{byte}, LogReadOptions?)"/>.</summary>
    public List<T> ReadExport(string json, LogReadOptions? options = null)
        => ReadExport(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), options);

    /// <summary>
    /// Streams a diagnostic-settings export: each record is yielded as soon as it is parsed, and memory
    /// stays bounded by the largest record, however long the stream. Only this table's records are yielded, as
    /// <see cref="ReadExport(ReadOnlySpan{byte}, LogReadOptions?)"/> says. What may end the enumeration: a
    /// <see cref="LogJsonException"/> for bad input, the stream's own <see cref="IOException"/> (unchanged, after
    /// every record before it was yielded) and <see cref="OperationCanceledException"/>.
    /// </summary>
    public IAsyncEnumerable<T> ReadExportAsync(Stream utf8Json, LogReadOptions? options = null, CancellationToken cancellationToken = default)
        => ExportReader.ReadAsync(new Source(this), CreateState(options ?? LogReadOptions.Default), utf8Json, cancellationToken);

    /// <summary>
    /// Streams a diagnostic-settings export synchronously: records are parsed as the enumeration asks for them,
    /// and memory stays bounded by the largest record. Only this table's records, and only those two exceptions,
    /// as <see cref="ReadExportAsync"/> says. For streams that block, prefer <see cref="ReadExportAsync"/>.
    /// </summary>
    public IEnumerable<T> ReadExport(Stream utf8Json, LogReadOptions? options = null)
        => ExportReader.Read(new Source(this), CreateState(options ?? LogReadOptions.Default), utf8Json);

    /// <summary>Reads one export record (one JSON object).</summary>
    /// <exception cref="LogJsonException">The input is not one record, or the record does not fit the table or is another table's.</exception>
    public T ReadExportRecord(ReadOnlySpan<byte> utf8Json, LogReadOptions? options = null)
    {
        var state = CreateState(options ?? LogReadOptions.Default);
        var records = new List<T>();
        ExportReader.ReadAll(new Source(this), state, utf8Json, records);
        if (records.Count == 1)
        {
            return records[0];
        }

        var problem = records.Count == 0 && state.OtherCategory is { } category
            ? "the record is of category '" + category + "', which is another table's; LogReadOptions.ReadOtherTableRecords reads it into " + typeof(T).Name + " anyway"
            : "expected one record, found " + records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new LogJsonException(problem, 0, 1, -1, null);
    }

    internal override RecordRead TryReadExportRecordBoxed(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out object record)
    {
        var read = TryReadExportRecord(ref reader, state, input, out var typed);
        record = typed;
        return read;
    }

    /// <summary>Adapts this table to the export loop, which is shared with the mixed-category reader.</summary>
    private sealed class Source : IRecordSource<T>
    {
        private readonly LogRecordJson<T> _json;

        public Source(LogRecordJson<T> json) => _json = json;

        public RecordRead TryRead(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out T record) => _json.TryReadExportRecord(ref reader, state, input, out record);
    }
}
