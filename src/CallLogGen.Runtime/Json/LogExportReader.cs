using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace CallLogGen.Json;

/// <summary>
/// Reads an export that mixes categories (an Event Hub carries every category a diagnostic setting
/// sends): each record goes to the table whose routes (<see cref="TableSchema.Routes"/>) take its resource type (from
/// its <c>resourceId</c>) and its <c>category</c> (the first top-level string of each, keys and values in any case).
/// A category alone does not name a table (<c>Usage</c> lands in a different table for each service), so it decides
/// alone only where the record has no resource type, or a table takes the category from any resource type, and then
/// only where one table of the reader takes it. A record no table takes (another category, or a known category from
/// a resource type none of the tables receives, which is not guessed) is kept whole as an <see cref="UnknownLogRecord"/>,
/// so nothing is dropped.
/// </summary>
public sealed class LogExportReader
{
    private readonly Dictionary<(string ResourceType, string Category), LogRecordJson> _byRoute = new(RouteComparer.Instance);
    private readonly Dictionary<string, LogRecordJson?> _anyResourceType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LogRecordJson?> _byCategory = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a reader over the given tables; each must have routes (a diagnostic category at least), and no two the same route.</summary>
    public LogExportReader(params LogRecordJson[] tables)
    {
        foreach (var table in tables ?? throw new ArgumentNullException(nameof(tables)))
        {
            if (table.Schema.Routes.Count == 0)
            {
                throw new ArgumentException("Table " + table.Schema.TableName + " has no diagnostic category to dispatch on.", nameof(tables));
            }

            foreach (var route in table.Schema.Routes)
            {
                if (route.ResourceType is { } resourceType)
                {
                    if (_byRoute.TryGetValue((resourceType, route.Category), out var other) && other != table)
                    {
                        throw new ArgumentException("Two tables (" + other.Schema.TableName + ", " + table.Schema.TableName + ") claim the records of " + route + ".", nameof(tables));
                    }

                    _byRoute[(resourceType, route.Category)] = table;
                }
                else
                {
                    if (_anyResourceType.TryGetValue(route.Category, out var other) && other != table)
                    {
                        throw new ArgumentException("Two tables (" + other!.Schema.TableName + ", " + table.Schema.TableName + ") claim the category " + route.Category + ".", nameof(tables));
                    }

                    _anyResourceType[route.Category] = table;
                }

                // Which table a category alone names, where it names one; null where it names several.
                _byCategory[route.Category] = _byCategory.TryGetValue(route.Category, out var named) && named != table ? null : table;
            }
        }
    }

    /// <summary>A reader over those of <paramref name="tables"/> that have routes (tables that only come from queries have none).</summary>
    public static LogExportReader ForCategorizedTables(IEnumerable<LogRecordJson> tables)
    {
        var categorized = new List<LogRecordJson>();
        foreach (var table in tables ?? throw new ArgumentNullException(nameof(tables)))
        {
            if (table.Schema.Routes.Count > 0)
            {
                categorized.Add(table);
            }
        }

        return new LogExportReader(categorized.ToArray());
    }

    /// <summary>The categories this reader dispatches.</summary>
    public IEnumerable<string> Categories => _byCategory.Keys;

    /// <summary>
    /// The table a record of <paramref name="category"/> from the resource <paramref name="resourceId"/> goes to, or null
    /// where none takes it (see the class's remarks for the rule).
    /// </summary>
    public LogRecordJson? TableFor(string? category, string? resourceId)
    {
        if (category is null)
        {
            return null;
        }

        var resourceType = ResourceTypes.Of(resourceId);
        if (resourceType is not null && _byRoute.TryGetValue((resourceType, category), out var routed))
        {
            return routed;
        }

        if (_anyResourceType.TryGetValue(category, out var any))
        {
            return any;
        }

        return resourceType is null && _byCategory.TryGetValue(category, out var named) ? named : null;
    }

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
            string? resourceId = null;
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
                var isResourceId = !isCategory && !probe.ValueIsEscaped && JsonTokens.IsResourceIdKey(probe.ValueSpan);
                if (!probe.Read())
                {
                    return RecordRead.NeedMoreInput;
                }

                if ((isCategory ? category : isResourceId ? resourceId : string.Empty) is null && probe.TokenType == JsonTokenType.String)
                {
                    try
                    {
                        var value = CellParser.GetString(ref probe);
                        if (isCategory)
                        {
                            category = value;
                        }
                        else
                        {
                            resourceId = value;
                        }
                    }
                    catch (FormatException e)
                    {
                        throw new RecordFault(e.Message, probe.TokenStartIndex, isCategory ? "category" : "resourceId", e);
                    }
                }
                else if (!probe.TrySkip())
                {
                    return RecordRead.NeedMoreInput;
                }
            }

            if (_owner.TableFor(category, resourceId) is { } table)
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
                record = new UnknownLogRecord(category, CellParser.ParseValue(ref reader)) { ResourceType = ResourceTypes.Of(resourceId) };
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

    /// <summary>The resource type of the record's <c>resourceId</c>, if it names one (<c>Microsoft.Communication/CommunicationServices</c>).</summary>
    public string? ResourceType { get; internal set; }

    /// <summary>The whole record, as it arrived.</summary>
    public JsonElement Json { get; }

    /// <summary>Writes the record back as it arrived.</summary>
    public void WriteTo(Utf8JsonWriter writer) => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteRawValue(Json.GetRawText(), skipInputValidation: true);
}

/// <summary>Compares (resource type, category) pairs without regard to case, as Azure compares both.</summary>
internal sealed class RouteComparer : IEqualityComparer<(string ResourceType, string Category)>
{
    public static readonly RouteComparer Instance = new();

    public bool Equals((string ResourceType, string Category) x, (string ResourceType, string Category) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.ResourceType, y.ResourceType) && StringComparer.OrdinalIgnoreCase.Equals(x.Category, y.Category);

    public int GetHashCode((string ResourceType, string Category) obj) =>
        (StringComparer.OrdinalIgnoreCase.GetHashCode(obj.ResourceType) * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Category);
}
