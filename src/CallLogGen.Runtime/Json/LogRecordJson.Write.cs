using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CallLogGen.Json;

public abstract partial class LogRecordJson<T>
{
    private const int FlushThreshold = 32 * 1024;

    /// <summary>How deep a string column's object may be and still be written back as the object: deeper than any reader accepts in practice.</summary>
    private const int BareJsonMaxDepth = 1 << 16;
    /// <summary>
    /// Log text is not HTML: characters such as '+', '&lt;' and '\'' are written as they are, as Azure writes
    /// them, rather than as the default encoder's \u escapes.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonEncodedText CategoryName = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText RecordsName = JsonEncodedText.Encode("records");
    private static readonly JsonEncodedText PropertiesName = JsonEncodedText.Encode(PropertiesSection);

    /// <summary>Writes records as a diagnostic-settings export document, <c>{"records":[...]}</c>.</summary>
    public void WriteExport(Utf8JsonWriter writer, IEnumerable<T> records)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        writer.WriteStartArray(RecordsName);
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            WriteExportRecord(writer, record);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes records as an export document (<paramref name="oneRecordPerLine"/> false) or one JSON object per line.</summary>
    public async Task WriteExportAsync(Stream utf8Json, IEnumerable<T> records, bool oneRecordPerLine = false, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        if (!oneRecordPerLine)
        {
            writer.WriteStartObject();
            writer.WriteStartArray(RecordsName);
        }

        foreach (var record in records)
        {
            WriteExportRecord(writer, record);
            if (oneRecordPerLine)
            {
                // Each line is a JSON document of its own: the writer starts afresh after the newline.
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                utf8Json.WriteByte((byte)'\n');
                writer.Reset(utf8Json);
            }
            else if (writer.BytesPending > FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (!oneRecordPerLine)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes records one JSON object per line into <paramref name="output"/>.</summary>
    public void WriteExportLines(IBufferWriter<byte> output, IEnumerable<T> records)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        using var writer = new Utf8JsonWriter(output, WriterOptions);
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            WriteExportRecord(writer, record);
            writer.Flush();
            var newline = output.GetSpan(1);
            newline[0] = (byte)'\n';
            output.Advance(1);
            writer.Reset(output);
        }
    }

    /// <summary>Writes one record as an export record: top-level fields, then its <c>properties</c> object, then the fields it kept.</summary>
    public void WriteExportRecord(Utf8JsonWriter writer, T record)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        var unmapped = GetUnmapped(record);
        var cell = default(CellValue);
        writer.WriteStartObject();
        var opened = true;
        WriteSection(writer, record, TopOrder, inProperties: false, unmapped, ref cell, ref opened);
        if (unmapped?.TryGet(PropertiesSection, out _) != true)
        {
            // The properties object is opened by its first field, so a record without any gets none (unless it came with an empty one).
            opened = false;
            WriteSection(writer, record, PropertiesOrder, inProperties: true, unmapped, ref cell, ref opened);
            if (!opened && unmapped?.ArrivedWithEmptyProperties == true)
            {
                Open(writer, ref opened);
            }

            if (opened)
            {
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes records as a Log Analytics query API result, <c>{"tables":[{"name","columns","rows"}]}</c>: every
    /// column of the table in schema order, then a column for each field the records kept (a column of a query
    /// result the table lacks comes back under its name and type; see <c>docs/serializers.md</c> for the rule).
    /// A value a column could not type is written back in that column's place. The header lists every column
    /// before the first row, so records that are not a list are gathered into one first.
    /// </summary>
    public void WriteQueryResult(Utf8JsonWriter writer, IEnumerable<T> records, string tableName = "PrimaryResult")
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var all = records as IReadOnlyList<T> ?? new List<T>(records ?? throw new ArgumentNullException(nameof(records)));
        ExtraColumns? extra = null;
        foreach (var record in all)
        {
            if (GetUnmapped(record) is { } unmapped)
            {
                for (var i = 0; i < unmapped.Count; i++)
                {
                    if (unmapped[i].Column < 0)
                    {
                        (extra ??= new ExtraColumns(Schema)).Of(unmapped, i);
                    }
                }
            }
        }

        writer.WriteStartObject();
        writer.WriteStartArray("tables");
        writer.WriteStartObject();
        writer.WriteString("name", tableName);
        writer.WriteStartArray("columns");
        for (var i = 0; i < Types.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("name", ColumnNames[i]);
            writer.WriteString("type", KqlTypeNames.Of(Types[i]));
            writer.WriteEndObject();
        }

        for (var i = 0; i < (extra?.Count ?? 0); i++)
        {
            writer.WriteStartObject();
            writer.WriteString("name", extra!.Name(i));
            writer.WriteString("type", KqlTypeNames.Of(extra.Type(i)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        var cell = default(CellValue);
        var extraCells = extra is null ? null : new UnmappedField?[extra.Count];
        foreach (var record in all)
        {
            var unmapped = GetUnmapped(record);
            writer.WriteStartArray();
            for (var i = 0; i < Types.Length; i++)
            {
                cell.Clear();
                GetCell(record, i, ref cell);
                if (!cell.HasValue && unmapped?.FindUntyped(i) is { } kept)
                {
                    kept.WriteValue(writer);
                }
                else
                {
                    WriteQueryCell(writer, Types[i], in cell);
                }
            }

            if (extraCells is not null)
            {
                Array.Clear(extraCells, 0, extraCells.Length);
                for (var i = 0; i < (unmapped?.Count ?? 0); i++)
                {
                    if (unmapped![i].Column < 0)
                    {
                        extraCells[extra!.Of(unmapped, i)] = unmapped[i];
                    }
                }

                for (var i = 0; i < extraCells.Length; i++)
                {
                    WriteExtraQueryCell(writer, extra!.Type(i), extraCells[i]);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes records as the JSON array the Azure Monitor Logs Ingestion API takes for a custom table with
    /// this schema: one object per record keyed by column name, without the columns Azure Monitor sets
    /// itself (<c>TenantId</c>, <c>Type</c>, <c>SourceSystem</c>, <c>_ResourceId</c> and every other <c>_</c> column),
    /// which the API rejects. The fields a record kept follow as properties of their own, named as a query
    /// result's extra columns are (<c>properties.someNewField</c> becomes <c>someNewField</c>), with their values
    /// as they arrived; a value a column could not type is written under that column's name.
    /// </summary>
    public void WriteIngestion(Utf8JsonWriter writer, IEnumerable<T> records)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartArray();
        var cell = default(CellValue);
        ExtraColumns? extra = null;
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            var unmapped = GetUnmapped(record);
            writer.WriteStartObject();
            for (var i = 0; i < Types.Length; i++)
            {
                if (SystemColumns[i])
                {
                    continue;
                }

                cell.Clear();
                GetCell(record, i, ref cell);
                if (cell.HasValue)
                {
                    writer.WritePropertyName(ColumnNames[i]);
                    WriteValue(writer, Types[i], in cell, ValueForm.Canonical);
                }
                else if (unmapped?.FindUntyped(i) is { } kept)
                {
                    writer.WritePropertyName(ColumnNames[i]);
                    kept.WriteValue(writer);
                }
            }

            for (var i = 0; i < (unmapped?.Count ?? 0); i++)
            {
                var field = unmapped![i];
                if (field.Column < 0)
                {
                    extra ??= new ExtraColumns(Schema);
                    writer.WritePropertyName(extra.Name(extra.Of(unmapped, i)));
                    field.WriteValue(writer);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A kept field's cell in a query result: as it arrived, an object or array of a dynamic column as JSON text (as the API sends them).</summary>
    private static void WriteExtraQueryCell(Utf8JsonWriter writer, KqlType type, UnmappedField? field)
    {
        if (field is null)
        {
            writer.WriteNullValue();
        }
        else if (type == KqlType.Dynamic && field.Kind is JsonValueKind.Object or JsonValueKind.Array)
        {
            writer.WriteStringValue(field.RawText);
        }
        else
        {
            field.WriteValue(writer);
        }
    }

    private void WriteSection(Utf8JsonWriter writer, T record, int[] order, bool inProperties, UnmappedFields? unmapped, ref CellValue cell, ref bool opened)
    {
        var categoryAt = inProperties || CategoryUtf8 is null || DecidesOwnCategory(unmapped) ? -1 : CategoryPosition;
        for (var i = 0; i < order.Length; i++)
        {
            if (i == categoryAt)
            {
                writer.WriteString(CategoryName, CategoryValue);
            }

            var column = order[i];
            var spelling = unmapped?.FindSpelling(column);
            if (spelling is null || spelling.InProperties == inProperties)
            {
                WriteExportCell(writer, record, column, spelling, ref cell, ref opened);
            }
        }

        if (categoryAt == order.Length)
        {
            writer.WriteString(CategoryName, CategoryValue);
        }

        if (unmapped is null)
        {
            return;
        }

        // Columns that arrived in the other section go back where they came from.
        var otherOrder = inProperties ? TopOrder : PropertiesOrder;
        foreach (var column in otherOrder)
        {
            if (unmapped.FindSpelling(column) is { } spelling && spelling.InProperties == inProperties)
            {
                WriteExportCell(writer, record, column, spelling, ref cell, ref opened);
            }
        }

        var section = inProperties ? PropertiesSection : null;
        foreach (var field in unmapped)
        {
            if (string.Equals(field.Section, section, StringComparison.Ordinal) && !IsReplaced(record, field, ref cell))
            {
                Open(writer, ref opened);
                writer.WritePropertyName(field.Name);
                field.WriteValue(writer);
            }
        }
    }

    /// <summary>Whether a kept value that its column could not type has since been replaced by a value of the column (so only that is written).</summary>
    private bool IsReplaced(T record, UnmappedField field, ref CellValue cell)
    {
        if (field.Column < 0)
        {
            return false;
        }

        cell.Clear();
        GetCell(record, field.Column, ref cell);
        return cell.HasValue;
    }

    /// <summary>
    /// Whether the record says for itself what category it has, so the table's is not written: it kept a category
    /// field of its own (another category, spelling or value), or it was read from a record that had none.
    /// </summary>
    private static bool DecidesOwnCategory(UnmappedFields? unmapped)
    {
        if (unmapped is not null)
        {
            if (unmapped.ArrivedWithoutCategory)
            {
                return true;
            }

            foreach (var field in unmapped)
            {
                if (field.Section is null && field.Name.Length == 8 && string.Equals(field.Name, "category", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Open(Utf8JsonWriter writer, ref bool opened)
    {
        if (!opened)
        {
            writer.WriteStartObject(PropertiesName);
            opened = true;
        }
    }

    private void WriteExportCell(Utf8JsonWriter writer, T record, int column, ColumnSpelling? spelling, ref CellValue cell, ref bool opened)
    {
        cell.Clear();
        GetCell(record, column, ref cell);
        if (!cell.HasValue)
        {
            return;
        }

        Open(writer, ref opened);
        if (spelling is null && WriteNamed(writer, ExportNames[column], Types[column], in cell))
        {
            return;
        }

        if (spelling?.Name is { } name)
        {
            writer.WritePropertyName(name);
        }
        else
        {
            writer.WritePropertyName(ExportNames[column]);
        }

        WriteValue(writer, Types[column], in cell, spelling?.Form ?? ValueForm.Canonical);
    }

    private static void WriteQueryCell(Utf8JsonWriter writer, KqlType type, in CellValue cell)
    {
        if (!cell.HasValue)
        {
            writer.WriteNullValue();
        }
        else if (type == KqlType.Dynamic && cell.Dynamic!.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            // The query API sends objects and arrays of dynamic columns as JSON text.
            writer.WriteStringValue(cell.Dynamic.Value.GetRawText());
        }
        else
        {
            WriteValue(writer, type, in cell, ValueForm.Canonical);
        }
    }

    /// <summary>
    /// Writes name and value in one call, for the common types in their own form: the writer then checks its
    /// state and writes the separator once, not twice. False where the general path is needed.
    /// </summary>
    private static bool WriteNamed(Utf8JsonWriter writer, JsonEncodedText name, KqlType type, in CellValue cell)
    {
        switch (type)
        {
            case KqlType.String:
                writer.WriteString(name, cell.String);
                return true;
            case KqlType.Int:
            case KqlType.Long:
                writer.WriteNumber(name, cell.Long!.Value);
                return true;
            case KqlType.Bool:
                writer.WriteBoolean(name, cell.Bool!.Value);
                return true;
            case KqlType.Guid:
                writer.WriteString(name, cell.Guid!.Value);
                return true;
            case KqlType.DateTime when cell.DateTime!.Value.Offset == TimeSpan.Zero:
                writer.WriteString(name, cell.DateTime.Value.UtcDateTime);
                return true;
            default:
                return false;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, KqlType type, in CellValue cell, ValueForm form)
    {
        switch (type)
        {
            case KqlType.String:
                var text = cell.String!;
                if (form == ValueForm.Bare && IsBareJson(text))
                {
                    writer.WriteRawValue(text, skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(text);
                }

                break;
            case KqlType.Int:
                WriteInteger(writer, cell.Int!.Value, form);
                break;
            case KqlType.Long:
                WriteInteger(writer, cell.Long!.Value, form);
                break;
            case KqlType.Real:
                var real = cell.Real!.Value;
                if (double.IsNaN(real) || double.IsInfinity(real))
                {
                    writer.WriteStringValue(double.IsNaN(real) ? "NaN" : real > 0 ? "Infinity" : "-Infinity");
                }
                else if (form == ValueForm.Quoted)
                {
                    writer.WriteStringValue(real.ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNumberValue(real);
                }

                break;
            case KqlType.Decimal:
                if (form == ValueForm.Quoted)
                {
                    writer.WriteStringValue(cell.Decimal!.Value.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNumberValue(cell.Decimal!.Value);
                }

                break;
            case KqlType.Bool:
                if (form == ValueForm.Quoted)
                {
                    writer.WriteStringValue(cell.Bool!.Value ? "true" : "false");
                }
                else
                {
                    writer.WriteBooleanValue(cell.Bool!.Value);
                }

                break;
            case KqlType.DateTime:
                var time = cell.DateTime!.Value;
                if (time.Offset == TimeSpan.Zero)
                {
                    // A UTC DateTime is written with 'Z', as Azure writes it.
                    writer.WriteStringValue(time.UtcDateTime);
                }
                else
                {
                    writer.WriteStringValue(time);
                }

                break;
            case KqlType.TimeSpan:
                writer.WriteStringValue(cell.TimeSpan!.Value.ToString("c", CultureInfo.InvariantCulture));
                break;
            case KqlType.Guid:
                writer.WriteStringValue(cell.Guid!.Value);
                break;
            case KqlType.Dynamic:
                WriteAsArrived(writer, cell.Dynamic!.Value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not a KQL type.");
        }
    }

    /// <summary>
    /// Writes a kept value byte for byte as it arrived (escapes included: a lone surrogate such as <c>"\ud800"</c>
    /// cannot be decoded and re-encoded, but it can be kept). Readers check such values are valid UTF-8.
    /// </summary>
    private static void WriteAsArrived(Utf8JsonWriter writer, JsonElement value)
        => writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);

    private static void WriteInteger(Utf8JsonWriter writer, long value, ValueForm form)
    {
        if (form == ValueForm.Quoted)
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>
    /// Whether a string column's text can be written back as the bare JSON value it arrived as (a number, a boolean,
    /// an object or an array): it is still exactly one such value, so writing it raw keeps the output JSON.
    /// </summary>
    private static bool IsBareJson(string text)
    {
        if (text is "true" or "false")
        {
            return true;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = BareJsonMaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.Number or JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return false;
            }

            reader.Skip();
            return reader.BytesConsumed == bytes.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
