using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>Where a column sits in a diagnostic-settings export record.</summary>
internal enum ExportSection : byte
{
    /// <summary>Not in exports (a column Log Analytics adds, such as <c>_BilledSize</c>).</summary>
    None,

    /// <summary>A top-level field such as <c>time</c> or <c>operationName</c>.</summary>
    Top,

    /// <summary>A field of the record's <c>properties</c> object.</summary>
    Properties,
}

/// <summary>How reading one export record went.</summary>
internal enum RecordRead : byte
{
    /// <summary>The input ends inside the record, and more may come: read it again from its start with more.</summary>
    NeedMoreInput,

    /// <summary>The record is read.</summary>
    Read,

    /// <summary>The record belongs to another table, and was skipped whole (its category is in <see cref="ReadState.OtherCategory"/>).</summary>
    OtherTable,
}

/// <summary>
/// A table's JSON mapping, without the model type: what a reader over a stream of mixed categories
/// needs to pick a table and read a record into it. Every generated model's <c>Json</c> is one.
/// </summary>
public abstract partial class LogRecordJson
{
    /// <summary>The name of the export's object that holds the service's own fields.</summary>
    public const string PropertiesSection = "properties";

    internal const int PropertiesKey = -2;

    /// <summary>The export's <c>category</c> field, where no column takes it: it names the table, so it is implied.</summary>
    internal const int CategoryKey = -3;

    /// <summary>Where a table has no column for the export's <c>category</c>: matches no key.</summary>
    private const int NoCategoryColumn = int.MinValue;

    /// <summary>The top-level fields of Azure's common resource-log schema, in the order Azure writes them.</summary>
    private static readonly string[] CommonFieldOrder =
    {
        "time", "resourceId", "operationName", "operationVersion", "category", "resultType", "resultSignature",
        "resultDescription", "durationMs", "callerIpAddress", "correlationId", "identity", "level", "location",
    };

    private protected LogRecordJson(TableSchema schema, string?[] exportPaths, int[] lowCardinalityColumns)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        var count = schema.Columns.Count;
        if (exportPaths is null || exportPaths.Length != count)
        {
            throw new ArgumentException("One export path per column is needed.", nameof(exportPaths));
        }

        Types = new KqlType[count];
        Required = new bool[count];
        SystemColumns = new bool[count];
        LowCardinality = new bool[count];
        Sections = new ExportSection[count];
        ExportNames = new JsonEncodedText[count];
        ExportUtf8 = new byte[count][];
        ColumnNames = new JsonEncodedText[count];
        var exportNames = new List<KeyValuePair<string, int>> { new(PropertiesSection, PropertiesKey) };
        var queryNames = new List<KeyValuePair<string, int>>();
        for (var i = 0; i < count; i++)
        {
            var column = schema.Columns[i];
            Types[i] = column.Type;
            Required[i] = column.IsRequired;
            SystemColumns[i] = IsSystemColumn(column.Name);
            ColumnNames[i] = JsonEncodedText.Encode(column.Name);
            queryNames.Add(new KeyValuePair<string, int>(column.Name, i));
            var path = exportPaths[i];
            if (string.IsNullOrEmpty(path))
            {
                Sections[i] = ExportSection.None;
                ExportUtf8[i] = Array.Empty<byte>();
                continue;
            }

            var leaf = path!;
            Sections[i] = ExportSection.Top;
            if (path!.StartsWith(PropertiesSection + ".", StringComparison.Ordinal))
            {
                leaf = path.Substring(PropertiesSection.Length + 1);
                Sections[i] = ExportSection.Properties;
            }

            ExportNames[i] = JsonEncodedText.Encode(leaf);
            ExportUtf8[i] = Encoding.UTF8.GetBytes(leaf);
            exportNames.Add(new KeyValuePair<string, int>(leaf, i));
        }

        // A column's own name is a second spelling an export may use (DurationMs for durationMs).
        var primaryCount = exportNames.Count;
        for (var i = 0; i < count; i++)
        {
            if (Sections[i] != ExportSection.None)
            {
                exportNames.Add(new KeyValuePair<string, int>(schema.Columns[i].Name, i));
            }
        }

        foreach (var column in lowCardinalityColumns ?? Array.Empty<int>())
        {
            LowCardinality[column] = Types[column] == KqlType.String;
        }

        // Every export record carries its diagnostic category, which names its table: readers need not keep this
        // table's own, writers write it. A record of another category is another table's (readers skip it unless
        // asked to read it, and then it keeps its own category as an unmapped field).
        CategoryColumn = NoCategoryColumn;
        if (schema.Category is { Length: > 0 } category)
        {
            OwnCategoryUtf8 = JsonEncodedText.Encode(category).EncodedUtf8Bytes.ToArray();
            var categoryColumn = exportNames.FindIndex(n => string.Equals(n.Key, "category", StringComparison.OrdinalIgnoreCase));
            if (categoryColumn >= 0)
            {
                CategoryColumn = exportNames[categoryColumn].Value;
            }
            else
            {
                CategoryValue = JsonEncodedText.Encode(category);
                CategoryUtf8 = OwnCategoryUtf8;
                exportNames.Insert(1, new KeyValuePair<string, int>("category", CategoryKey));
                primaryCount++;
            }
        }

        PrepareRoutes();
        ExportTable = new ColumnNameTable(exportNames, primaryCount);
        QueryTable = new ColumnNameTable(queryNames);
        TopOrder = WriteOrder(ExportSection.Top);
        PropertiesOrder = WriteOrder(ExportSection.Properties);
        var categoryRank = Array.IndexOf(CommonFieldOrder, "category");
        while (CategoryPosition < TopOrder.Length && CommonRank(TopOrder[CategoryPosition]) < categoryRank)
        {
            CategoryPosition++;
        }
    }

    /// <summary>The table this mapping reads and writes.</summary>
    public TableSchema Schema { get; }

    /// <summary>
    /// The generated model the records are read into (<c>typeof(T)</c> of <see cref="LogRecordJson{T}"/>): how a tool that
    /// lists <c>CallLogTables.Json</c> names each table's type without looking through the assembly.
    /// </summary>
    public abstract Type RecordType { get; }

    internal KqlType[] Types { get; }

    internal bool[] Required { get; }

    internal bool[] LowCardinality { get; }

    /// <summary>Per column, <see cref="IsSystemColumn(string)"/>.</summary>
    internal bool[] SystemColumns { get; }

    internal ExportSection[] Sections { get; }

    internal JsonEncodedText[] ExportNames { get; }

    internal byte[][] ExportUtf8 { get; }

    internal JsonEncodedText[] ColumnNames { get; }

    internal ColumnNameTable ExportTable { get; }

    internal ColumnNameTable QueryTable { get; }

    internal int[] TopOrder { get; }

    /// <summary>The table's category as it appears in exports (escaped UTF-8), where it stands for the <c>category</c> field; else null.</summary>
    internal byte[]? CategoryUtf8 { get; }

    internal JsonEncodedText CategoryValue { get; }

    /// <summary>The table's category as it appears in exports (escaped UTF-8); null where the table names none.</summary>
    internal byte[]? OwnCategoryUtf8 { get; }

    /// <summary>The column whose export path is the top-level <c>category</c>, where the table has one; else a value no key matches.</summary>
    internal int CategoryColumn { get; }

    /// <summary>How many of <see cref="TopOrder"/>'s columns Azure writes before <c>category</c>.</summary>
    internal int CategoryPosition { get; }

    internal int[] PropertiesOrder { get; }

    /// <summary>The export path of column <paramref name="column"/> (<c>time</c>, <c>properties.CallConnectionId</c>), or null where exports do not carry it.</summary>
    public string? ExportPath(int column) => Sections[column] switch
    {
        ExportSection.Top => Encoding.UTF8.GetString(ExportUtf8[column]),
        ExportSection.Properties => PropertiesSection + "." + Encoding.UTF8.GetString(ExportUtf8[column]),
        _ => null,
    };

    /// <summary>Whether Azure Monitor sets the column itself, so that the Logs Ingestion API rejects it.</summary>
    public static bool IsSystemColumn(string columnName)
        => columnName.StartsWith("_", StringComparison.Ordinal)
           || columnName is "TenantId" or "Type" or "SourceSystem" or "MG" or "ManagementGroupName" or "Computer" or "RawData";

    /// <summary>
    /// Whether an export record whose top-level <c>category</c> is <paramref name="category"/> belongs in this table,
    /// judged by the category alone (see <see cref="IsOwnRecord(string?, string?)"/>, which also weighs the resource type).
    /// </summary>
    public bool IsOwnRecord(string? category) => IsOwnRecord(category, null);

    internal ReadState CreateState(LogReadOptions options, bool readsOtherTables = false) => new(options, Types.Length, LowCardinality, readsOtherTables);

    /// <summary>Reads one export record, the reader before its first token.</summary>
    internal abstract RecordRead TryReadExportRecordBoxed(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out object record);

    /// <summary>Where a top-level column's field comes in Azure's order; fields outside the common schema come after.</summary>
    private int CommonRank(int column)
    {
        var rank = Array.IndexOf(CommonFieldOrder, Encoding.UTF8.GetString(ExportUtf8[column]));
        return rank < 0 ? CommonFieldOrder.Length : rank;
    }

    private int[] WriteOrder(ExportSection section)
    {
        var order = new List<int>();
        for (var i = 0; i < Sections.Length; i++)
        {
            if (Sections[i] == section)
            {
                order.Add(i);
            }
        }

        // Top-level fields in the order Azure writes them; the service's own fields in schema order.
        order.Sort((a, b) => (section == ExportSection.Top ? CommonRank(a).CompareTo(CommonRank(b)) : 0) is var byRank and not 0 ? byRank : a.CompareTo(b));
        return order.ToArray();
    }
}
