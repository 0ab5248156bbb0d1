using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace CallLogGen.Json;

/// <summary>
/// Reads an export that mixes categories (an Event Hub carries every category a diagnostic setting
/// sends): each record's <c>category</c> (its first top-level <c>category</c> string, the key in any case, the
/// value compared in any case) picks the table it is read into. A record of a category no table claims, or with
/// no category, is kept whole as an <see cref="UnknownLogRecord"/>, so nothing is dropped.
/// </summary>
public sealed class LogExportReader
{
    private readonly Dictionary<string, LogRecordJson> _byCategory = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a reader over the given tables; each must name its diagnostic category.</summary>
    public LogExportReader(params LogRecordJson[] tables)
    {
        foreach (var table in tables ?? throw new ArgumentNullException(nameof(tables)))
        {
            if (table.Schema.Category is not { Length: > 0 } category)
            {
                throw new ArgumentException("Table " + table.Schema.TableName + " has no diagnostic category to dispatch on.", nameof(tables));
            }

            if (_byCategory.ContainsKey(category))
            {
                throw new ArgumentException("Two tables claim the category " + category + ".", nameof(tables));
            }

            _byCategory.Add(category, table);
        }
    }

    /// <summary>A reader over those of <paramref name="tables"/> that name a diagnostic category (tables that only come from queries name none).</summary>
    public static LogExportReader ForCategorizedTables(IEnumerable<LogRecordJson> tables)
    {
        var categorized = new List<LogRecordJson>();
        foreach (var table in tables ?? throw new ArgumentNullException(nameof(tables)))
        {
            if (table.Schema.Category is { Length: > 0 })
            {
                categorized.Add(table);
            }
        }

        return new LogExportReader(categorized.ToArray());
    }

    /// <summary>The categories this reader dispatches.</summary>
    public IEnumerable<string> Categories => _byCategory.Keys;

    /// <summary>Reads an export held in memory; each item is a model or an <see cref="UnknownLogRecord"/>.</summary>
    public List<object> Read(ReadOnlySpan<byte> utf8Json, LogReadOptions? options = null)
    {
        var records = new List<object>();
        var dispatch = new Dispatch(this, options ?? LogReadOptions.Default);
        ExportReader.ReadAll(dispatch, dispatch.OuterState, utf8Json, records);
        return records;
    }

    /// <summary>Streams an export synchronously, parsing each record as the enumeration asks for it.</summary>
    public IEnumerable<object> Read(Stream utf8Json, LogReadOptions? options = null)
    {
        var dispatch = new Dispatch(this, options ?? LogReadOptions.Default);
        return ExportReader.Read(dispatch, dispatch.OuterState, utf8Json);
    }

    /// <summary>Streams an export, yielding each record as it is parsed.</summary>
    public IAsyncEnumerable<object> ReadAsync(Stream utf8Json, LogReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var dispatch = new Dispatch(this, options ?? LogReadOptions.Default);
        return ExportReader.ReadAsync(dispatch, dispatch.OuterState, utf8Json, cancellationToken);
    }

    private sealed class Dispatch : IRecordSource<object>
    {
        private readonly LogExportReader _owner;
        private readonly LogReadOptions _options;
        private readonly Dictionary<LogRecordJson, ReadState> _states = new();

        public Dispatch(LogExportReader owner, LogReadOptions options)
        {
            _owner = owner;
            _options = options;
            OuterState = new ReadState(options, 0, Array.Empty<bool>());
        }

        /// <summary>The state the export loop itself uses (options and reader limits).</summary>
        public ReadState OuterState { get; }

        public RecordRead TryRead(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out object record)
        {
            record = null!;

            // Find the category first, on a copy of the reader, then read the record into its table.
            var probe = reader;
            if (!probe.Read())
            {
                return RecordRead.NeedMoreInput;
            }

            if (probe.TokenType != JsonTokenType.StartObject)
            {
                throw new RecordFault("expected a record (a JSON object), found " + JsonTokens.Describe(probe.TokenType), probe.TokenStartIndex, null);
            }

            string? category = null;
            while (true)
            {
                if (!probe.Read())
                {
                    return RecordRead.NeedMoreInput;
                }

                if (probe.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var isCategory = JsonTokens.IsCategoryKey(ref probe);
                if (!probe.Read())
                {
                    return RecordRead.NeedMoreInput;
                }

                if (isCategory && probe.TokenType == JsonTokenType.String && category is null)
                {
                    try
                    {
                        category = CellParser.GetString(ref probe);
                    }
                    catch (FormatException e)
                    {
                        throw new RecordFault(e.Message, probe.TokenStartIndex, "category", e);
                    }
                }
                else if (!probe.TrySkip())
                {
                    return RecordRead.NeedMoreInput;
                }
            }

            if (category is not null && _owner._byCategory.TryGetValue(category, out var table))
            {
                if (!_states.TryGetValue(table, out var tableState))
                {
                    // Routed here by its category already: the table's reader takes it as it is.
                    tableState = table.CreateState(_options, readsOtherTables: true);
                    _states.Add(table, tableState);
                }

                return table.TryReadExportRecordBoxed(ref reader, tableState, input, out record);
            }

            var start = reader.BytesConsumed;
            try
            {
                record = new UnknownLogRecord(category, CellParser.ParseValue(ref reader));
            }
            catch (FormatException e)
            {
                throw new RecordFault(e.Message, start, null, e);
            }

            return RecordRead.Read;
        }
    }
}

/// <summary>A record of a category that no generated table claims, kept whole.</summary>
public sealed class UnknownLogRecord
{
    /// <summary>Creates the record.</summary>
    public UnknownLogRecord(string? category, JsonElement json)
    {
        Category = category;
        Json = json;
    }

    /// <summary>The record's diagnostic category, if it has one.</summary>
    public string? Category { get; }

    /// <summary>The whole record, as it arrived.</summary>
    public JsonElement Json { get; }

    /// <summary>Writes the record back as it arrived.</summary>
    public void WriteTo(Utf8JsonWriter writer) => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteRawValue(Json.GetRawText(), skipInputValidation: true);
}
