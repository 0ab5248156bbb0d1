using System;
using System.Text.Json;

namespace CallLogGen.Json;

public abstract partial class LogRecordJson<T>
{
    private enum CategoryMatch
    {
        /// <summary>The table's own category, spelt as exports spell it: implied by the table, not kept.</summary>
        Implied,

        /// <summary>The record is this table's (or is read anyway); the field is read like any other.</summary>
        Own,

        /// <summary>Another table's record.</summary>
        Other,
    }

    /// <summary>
    /// Reads one export record: top-level fields, then the <c>properties</c> object's, each matched to a
    /// column by its export name or the column's own name (exact case first, then any case). What no
    /// column takes is kept in the record's <see cref="UnmappedFields"/>. A record whose category names
    /// another table is skipped whole (<see cref="RecordRead.OtherTable"/>).
    /// </summary>
    internal RecordRead TryReadExportRecord(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out T record)
    {
        try
        {
            return ReadExportRecord(ref reader, state, input, out record);
        }
        catch (RecordFault) when ((!state.CategorySeen || state.PendingRouteCategory is not null) && !state.ReadsOtherTables && OwnCategoryUtf8 is not null)
        {
            // The record does not fit, but its category (or the resource id its category waits for) comes later: if it
            // is another table's, it was never this table's to judge. Only failing records pay for this second look.
            record = null!;
            var probe = new Utf8JsonReader(input, reader.IsFinalBlock, new JsonReaderState(state.ReaderOptions));
            state.StartRecord();
            var found = FindCategory(ref probe, state);
            if (found == RecordRead.Read)
            {
                throw;
            }

            reader = probe;
            return found;
        }
    }

    private RecordRead ReadExportRecord(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, out T record)
    {
        record = null!;
        if (!reader.Read())
        {
            return RecordRead.NeedMoreInput;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RecordFault("expected a record (a JSON object), found " + JsonTokens.Describe(reader.TokenType), reader.TokenStartIndex, null);
        }

        var start = reader.TokenStartIndex;
        state.StartRecord();
        var result = CreateRecord();
        UnmappedFields? unmapped = null;
        var cell = default(CellValue);
        while (true)
        {
            if (!reader.Read())
            {
                return RecordRead.NeedMoreInput;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var column = FindColumn(ref reader, state, ExportTable, out var name, out var primary);
            if (!reader.Read())
            {
                return RecordRead.NeedMoreInput;
            }

            if (column == PropertiesKey && reader.TokenType == JsonTokenType.StartObject)
            {
                if (!TryReadProperties(ref reader, state, input, result, ref unmapped, ref cell))
                {
                    return RecordRead.NeedMoreInput;
                }

                continue;
            }

            if ((column == CategoryKey || column == CategoryColumn) && reader.TokenType == JsonTokenType.String && !state.CategorySeen)
            {
                var match = MatchCategory(ref reader, state, implied: column == CategoryKey && primary);
                if (match == CategoryMatch.Implied)
                {
                    continue;
                }

                if (match == CategoryMatch.Other)
                {
                    return SkipRestOfRecord(ref reader) ? RecordRead.OtherTable : RecordRead.NeedMoreInput;
                }
            }
            else if (NeedsResourceType && state.ResourceTypeMask is null && reader.TokenType == JsonTokenType.String && JsonTokens.IsResourceIdKey(name.Utf8)
                && MatchResourceType(ref reader, state) == CategoryMatch.Other)
            {
                return SkipRestOfRecord(ref reader) ? RecordRead.OtherTable : RecordRead.NeedMoreInput;
            }

            if (!TryReadField(ref reader, state, input, result, column, name, primary, inProperties: false, ref unmapped, ref cell))
            {
                return RecordRead.NeedMoreInput;
            }
        }

        CheckRequired(state, start);
        if (!state.CategorySeen && CategoryUtf8 is not null)
        {
            // Written back as it came, without a category; writers give the table's only to records that had it, or new ones.
            (unmapped ??= new UnmappedFields()).ArrivedWithoutCategory = true;
        }

        if (unmapped is not null)
        {
            SetUnmapped(result, unmapped);
        }

        record = result;
        return RecordRead.Read;
    }

    /// <summary>
    /// Judges the record by its first <c>category</c> string, the reader on it (see <see cref="LogRecordJson.IsOwnRecord(string?)"/>).
    /// <paramref name="implied"/>: the key is the export's own <c>category</c> and no column takes it.
    /// </summary>
    private CategoryMatch MatchCategory(ref Utf8JsonReader reader, ReadState state, bool implied)
    {
        state.CategorySeen = true;
        if (!reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(OwnCategoryUtf8!))
        {
            return MatchRoute(state, Schema.Category!) == CategoryMatch.Other ? CategoryMatch.Other
                : implied ? CategoryMatch.Implied : CategoryMatch.Own;
        }

        string category;
        try
        {
            category = CellParser.GetString(ref reader);
        }
        catch (FormatException e)
        {
            throw new RecordFault(e.Message, reader.TokenStartIndex, null, e);
        }

        if (state.ReadsOtherTables || IsOwnRecord(category))
        {
            return MatchRoute(state, category);
        }

        state.OtherCategory = category;
        return CategoryMatch.Other;
    }

    /// <summary>
    /// A record of one of the table's categories: another table's where that category lands here from named resource
    /// types only and the record's resource id is of none of them. Until the resource id is read, the question waits.
    /// </summary>
    private CategoryMatch MatchRoute(ReadState state, string category)
    {
        if (state.ReadsOtherTables || !NeedsResourceType)
        {
            return CategoryMatch.Own;
        }

        if (state.ResourceTypeMask is not { } mask)
        {
            state.PendingRouteCategory = category;
            return CategoryMatch.Own;
        }

        if (AcceptsResourceType(category, mask))
        {
            return CategoryMatch.Own;
        }

        state.OtherCategory = category;
        return CategoryMatch.Other;
    }

    /// <summary>Notes the record's resource type, the reader on its <c>resourceId</c> string; decides a category that waited for it.</summary>
    private CategoryMatch MatchResourceType(ref Utf8JsonReader reader, ReadState state)
    {
        if (!reader.ValueIsEscaped)
        {
            state.ResourceTypeMask = ResourceTypeMask(reader.ValueSpan);
        }
        else
        {
            try
            {
                state.ResourceTypeMask = ResourceTypeMask(System.Text.Encoding.UTF8.GetBytes(CellParser.GetString(ref reader)));
            }
            catch (FormatException e)
            {
                throw new RecordFault(e.Message, reader.TokenStartIndex, null, e);
            }
        }

        return state.PendingRouteCategory is { } category ? MatchRoute(state, category) : CategoryMatch.Own;
    }

    /// <summary>Reads past the rest of the record, the reader on a top-level value; false where the input ends first.</summary>
    private static bool SkipRestOfRecord(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Looks for the record's category with a fresh reader at its start: <see cref="RecordRead.OtherTable"/> (the reader
    /// past the record) where it names another table, <see cref="RecordRead.Read"/> where the record is this table's.
    /// </summary>
    private RecordRead FindCategory(ref Utf8JsonReader reader, ReadState state)
    {
        if (!reader.Read())
        {
            return RecordRead.NeedMoreInput;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return RecordRead.Read;
        }

        while (true)
        {
            if (!reader.Read())
            {
                return RecordRead.NeedMoreInput;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return RecordRead.Read;
            }

            var column = FindColumn(ref reader, state, ExportTable, out var name, out var primary);
            if (!reader.Read())
            {
                return RecordRead.NeedMoreInput;
            }

            var match = CategoryMatch.Own;
            if ((column == CategoryKey || column == CategoryColumn) && reader.TokenType == JsonTokenType.String && !state.CategorySeen)
            {
                match = MatchCategory(ref reader, state, implied: column == CategoryKey && primary);
                if (match != CategoryMatch.Other && state.PendingRouteCategory is null)
                {
                    return RecordRead.Read;
                }
            }
            else if (NeedsResourceType && state.ResourceTypeMask is null && reader.TokenType == JsonTokenType.String && JsonTokens.IsResourceIdKey(name.Utf8))
            {
                match = MatchResourceType(ref reader, state);
                if (match != CategoryMatch.Other && state.CategorySeen)
                {
                    return RecordRead.Read;
                }
            }
            else if (!reader.TrySkip())
            {
                return RecordRead.NeedMoreInput;
            }

            if (match == CategoryMatch.Other)
            {
                return SkipRestOfRecord(ref reader) ? RecordRead.OtherTable : RecordRead.NeedMoreInput;
            }
        }
    }

    private bool TryReadProperties(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, T record, ref UnmappedFields? unmapped, ref CellValue cell)
    {
        var empty = true;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                if (empty)
                {
                    (unmapped ??= new UnmappedFields()).ArrivedWithEmptyProperties = true;
                }

                return true;
            }

            empty = false;
            var column = FindColumn(ref reader, state, ExportTable, out var name, out var primary);
            if (!reader.Read())
            {
                return false;
            }

            if (!TryReadField(ref reader, state, input, record, column, name, primary, inProperties: true, ref unmapped, ref cell))
            {
                return false;
            }
        }
    }

    /// <summary>Finds the column a property name stands for, the reader on the name; <paramref name="name"/> holds the name's bytes.</summary>
    private static int FindColumn(ref Utf8JsonReader reader, ReadState state, ColumnNameTable table, out PropertyName name, out bool primary)
    {
        if (!reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            name = new PropertyName(span, null);
            var position = state.KeyPosition++;
            return position < state.KeyHints.Length
                ? table.Find(span, ref state.KeyHints[position], out primary)
                : table.Find(span, out primary);
        }

        string text;
        try
        {
            text = CellParser.GetString(ref reader);
        }
        catch (FormatException e)
        {
            throw new RecordFault(e.Message, reader.TokenStartIndex, null, e);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        name = new PropertyName(bytes, text);
        return table.Find(bytes, out primary);
    }

    private bool TryReadField(ref Utf8JsonReader reader, ReadState state, ReadOnlySpan<byte> input, T record, int column, scoped PropertyName name, bool primary, bool inProperties, ref UnmappedFields? unmapped, ref CellValue cell)
    {
        var tokenStart = reader.TokenStartIndex;
        if (column < 0 || state.Found[column] != 0)
        {
            // Unknown, or a second spelling of a column already read: kept as it came.
            return TryKeep(ref reader, state, input, name, inProperties, column: -1, ref unmapped);
        }

        var token = reader.TokenType;
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            // The whole value must be in the buffer before a cell can take it.
            var probe = reader;
            if (!probe.TrySkip())
            {
                return false;
            }
        }

        var status = ReadCell(ref reader, state, record, column, columnForErrors: null, decodeJsonStrings: false, ref cell);
        switch (status)
        {
            case CellStatus.Typed:
                var expectedSection = inProperties ? ExportSection.Properties : ExportSection.Top;
                var spelledAsPath = primary && Sections[column] == expectedSection;
                var form = FormOf(token, Types[column]);
                if (!spelledAsPath || form != ValueForm.Canonical)
                {
                    (unmapped ??= new UnmappedFields()).AddSpelling(column, spelledAsPath ? null : DecodeName(name, tokenStart), inProperties, form);
                }

                return true;
            case CellStatus.Null:
                return true;
            default:
                // No typed value, but what arrived (an empty string, or a value kept untyped) is kept, so that writing it back loses nothing.
                return TryKeep(ref reader, state, input, name, inProperties, column, ref unmapped);
        }
    }

    /// <summary>
    /// Reads one cell into column <paramref name="column"/>'s property and notes in <paramref name="state"/> whether it
    /// had a value. A value that cannot be typed fails the record unless the options keep such values, in which case
    /// <see cref="CellStatus.Untyped"/> tells the caller to keep it. Errors name <paramref name="columnForErrors"/>, or
    /// else the schema's column.
    /// </summary>
    private CellStatus ReadCell(ref Utf8JsonReader reader, ReadState state, T record, int column, string? columnForErrors, bool decodeJsonStrings, ref CellValue cell)
    {
        var tokenStart = reader.TokenStartIndex;
        cell.Clear();
        CellStatus status;
        string? problem;
        try
        {
            status = CellParser.Read(ref reader, Types[column], ref cell, state.Pools[column], decodeJsonStrings, out problem);
        }
        catch (FormatException e)
        {
            throw new RecordFault(e.Message, tokenStart, columnForErrors ?? Schema.Columns[column].Name, e);
        }

        if (status == CellStatus.Typed)
        {
            SetCell(record, column, in cell);
            state.Found[column] = ReadState.Valued;
            return status;
        }

        if (status == CellStatus.Untyped)
        {
            var keep = state.Options.KeepUntypedValues;
            state.Options.OnTypeMismatch?.Invoke(new TypeMismatch(columnForErrors ?? Schema.Columns[column].Name, Types[column], CellParser.KindOf(reader.TokenType), problem!, keep));
            if (!keep)
            {
                throw new RecordFault(problem!, tokenStart, columnForErrors ?? Schema.Columns[column].Name);
            }
        }

        state.Found[column] = ReadState.NullValued;
        return status;
    }

    private static string DecodeName(scoped PropertyName name, long tokenStart)
    {
        try
        {
            return name.Decode();
        }
        catch (FormatException e)
        {
            throw new RecordFault(e.Message, tokenStart, null, e);
        }
    }

    private static ValueForm FormOf(JsonTokenType token, KqlType type)
    {
        if (type == KqlType.String)
        {
            return token == JsonTokenType.String ? ValueForm.Canonical : ValueForm.Bare;
        }

        var quotedIsOwnForm = type is KqlType.DateTime or KqlType.TimeSpan or KqlType.Guid or KqlType.Dynamic;
        return token == JsonTokenType.String && !quotedIsOwnForm ? ValueForm.Quoted : ValueForm.Canonical;
    }

    /// <summary>
    /// Keeps a field no column takes, as the bytes that arrived (a JSON value is parsed only if someone asks for
    /// it): the common fields a table has no column for, such as <c>location</c>, arrive in every record, and a
    /// parsed document each would cost more than the rest of the record.
    /// </summary>
    private static bool TryKeep(ref Utf8JsonReader reader, ReadState state, scoped ReadOnlySpan<byte> input, scoped PropertyName name, bool inProperties, int column, ref UnmappedFields? unmapped)
    {
        var tokenStart = reader.TokenStartIndex;

        // TrySkip, not Skip: Skip throws on any buffer that is not the input's last, even where the value is whole.
        if (!reader.TrySkip())
        {
            return false;
        }

        var raw = input.Slice((int)tokenStart, (int)(reader.BytesConsumed - tokenStart));
        string text;
        byte[] value;
        try
        {
            if (name.Text is not null)
            {
                text = name.Text;
            }
            else if (!state.Names.TryGet(name.Utf8, out text))
            {
                text = name.Decode();
                state.Names.Add(name.Utf8, text);
            }

            value = state.RawValues.Get(raw);
        }
        catch (FormatException e)
        {
            throw new RecordFault(e.Message, tokenStart, null, e);
        }

        (unmapped ??= new UnmappedFields()).AddRaw(text, value, inProperties ? PropertiesSection : null, column);
        return true;
    }

    private void CheckRequired(ReadState state, long recordStart)
    {
        for (var i = 0; i < Required.Length; i++)
        {
            if (Required[i] && state.Found[i] != ReadState.Valued)
            {
                var problem = state.Found[i] == 0
                    ? "the required column is missing"
                    : "the required column has no value";
                throw new RecordFault(problem, recordStart, Schema.Columns[i].Name);
            }
        }
    }
}
