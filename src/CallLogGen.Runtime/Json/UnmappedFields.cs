using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>
/// The fields of a record that no column of its table takes: fields the schema does not know, values
/// that could not be typed (kept as they arrived rather than lost), and a second spelling of a column
/// that was already read. Writers put them back where they came from, so a read-then-write round trip
/// keeps every field.
/// </summary>
public sealed class UnmappedFields : IReadOnlyList<UnmappedField>
{
    // A plain array, not a List: most records keep one or two fields, and this is made once per record read.
    private UnmappedField[] _fields = new UnmappedField[2];
    private int _count;

    /// <summary>The number of fields kept.</summary>
    public int Count => _count;

    /// <summary>The field at <paramref name="index"/>, in the order they were read.</summary>
    public UnmappedField this[int index] => (uint)index < (uint)_count ? _fields[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Keeps a field. <paramref name="section"/> is null at the record's top level, or the name of the object it sat in (<c>properties</c>).</summary>
    public void Add(string name, JsonElement value, string? section = null) => Append(new UnmappedField(name, value, section));

    /// <summary>Keeps a field as the raw JSON bytes that arrived (valid UTF-8, checked by the reader); <paramref name="column"/> as <see cref="UnmappedField.Column"/>.</summary>
    internal void AddRaw(string name, byte[] rawJson, string? section, int column) => Append(new UnmappedField(name, rawJson, section, column));

    internal void Append(UnmappedField field)
    {
        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, _count * 2);
        }

        _fields[_count++] = field;
    }

    /// <summary>Finds a kept field by its exact name and section.</summary>
    public bool TryGet(string name, out JsonElement value, string? section = null)
    {
        foreach (var field in this)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal) && string.Equals(field.Section, section, StringComparison.Ordinal))
            {
                value = field.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value kept for column <paramref name="column"/> because it could not be typed, if any.</summary>
    internal UnmappedField? FindUntyped(int column)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].Column == column)
            {
                return _fields[i];
            }
        }

        return null;
    }

    /// <summary>Whether any field sits in <paramref name="section"/>.</summary>
    public bool HasSection(string? section)
    {
        foreach (var field in this)
        {
            if (string.Equals(field.Section, section, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Columns that arrived spelt or placed other than their export path says (<c>DurationMs</c> for
    /// <c>durationMs</c>, inside <c>properties</c>), or a number sent as a string: writers repeat that.
    /// </summary>
    internal List<ColumnSpelling>? Spellings { get; private set; }

    /// <summary>Whether the record was read from an export record without a category, so that it is written back without one.</summary>
    internal bool ArrivedWithoutCategory { get; set; }

    /// <summary>Whether the record was read from an export record with an empty <c>properties</c> object, which is written back.</summary>
    internal bool ArrivedWithEmptyProperties { get; set; }

    internal void AddSpelling(int column, string? name, bool inProperties, ValueForm form)
        => (Spellings ??= new List<ColumnSpelling>()).Add(new ColumnSpelling(column, name, inProperties, form));

    internal ColumnSpelling? FindSpelling(int column)
    {
        if (Spellings is not null)
        {
            foreach (var spelling in Spellings)
            {
                if (spelling.Column == column)
                {
                    return spelling;
                }
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<UnmappedField> IEnumerable<UnmappedField>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the kept fields without allocating.</summary>
    public struct Enumerator : IEnumerator<UnmappedField>
    {
        private readonly UnmappedFields _fields;
        private int _index;

        internal Enumerator(UnmappedFields fields)
        {
            _fields = fields;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly UnmappedField Current => _fields._fields[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _fields._count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>One kept field: its name as it arrived, its JSON value, and the object it sat in (null for the top level).</summary>
public sealed class UnmappedField
{
    private readonly byte[]? _rawJson;
    private JsonElement? _value;

    /// <summary>Creates a kept field.</summary>
    public UnmappedField(string name, JsonElement value, string? section)
        : this(name, value, section, columnType: null, column: -1)
    {
    }

    internal UnmappedField(string name, JsonElement value, string? section, KqlType? columnType, int column)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _value = value;
        Section = section;
        ColumnType = columnType;
        Column = column;
    }

    internal UnmappedField(string name, byte[] rawJson, string? section, int column)
    {
        Name = name;
        _rawJson = rawJson;
        Section = section;
        Column = column;
    }

    /// <summary>The field's name, spelt as it arrived.</summary>
    public string Name { get; }

    /// <summary>The field's value, as it arrived (parsed on first use).</summary>
    public JsonElement Value => _value ??= Parse(_rawJson!);

    /// <summary>The object the field sat in: null for the record's top level, <c>properties</c> for the service's own fields.</summary>
    public string? Section { get; }

    /// <summary>
    /// The KQL type a query result declared for the column this field came from, so that writing a query result
    /// gives the column its type back; null for a field of an export (or a type that is no KQL type).
    /// </summary>
    public KqlType? ColumnType { get; }

    /// <summary>
    /// The table's column whose value this is, where the value could not be typed (kept under
    /// <see cref="LogReadOptions.KeepUntypedValues"/>, or an empty string in a typed column); else -1. The
    /// column-keyed writers put it back in that column's place, unless the column has been given a value since.
    /// </summary>
    internal int Column { get; }

    /// <summary>The kind of JSON value, without parsing a value kept as raw bytes.</summary>
    internal JsonValueKind Kind => _rawJson is null
        ? _value!.Value.ValueKind
        : _rawJson[0] switch
        {
            (byte)'"' => JsonValueKind.String,
            (byte)'{' => JsonValueKind.Object,
            (byte)'[' => JsonValueKind.Array,
            (byte)'t' => JsonValueKind.True,
            (byte)'f' => JsonValueKind.False,
            (byte)'n' => JsonValueKind.Null,
            _ => JsonValueKind.Number,
        };

    /// <summary>Whether the value, a number, is a whole number (written in an integer column) rather than a real.</summary>
    internal bool IsWholeNumber
    {
        get
        {
            var text = _rawJson is null ? System.Text.Encoding.UTF8.GetBytes(_value!.Value.GetRawText()) : _rawJson;
            return System.Buffers.Text.Utf8Parser.TryParse(text, out long _, out var consumed) && consumed == text.Length;
        }
    }

    /// <summary>The value's JSON text as it arrived.</summary>
    internal string RawText => _rawJson is null ? _value!.Value.GetRawText() : System.Text.Encoding.UTF8.GetString(_rawJson);

    /// <summary>Writes the value byte for byte as it arrived.</summary>
    internal void WriteValue(Utf8JsonWriter writer)
    {
        if (_rawJson is not null)
        {
            writer.WriteRawValue(_rawJson, skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(_value!.Value.GetRawText(), skipInputValidation: true);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => (Section is null ? Name : Section + "." + Name) + " = " + Value.GetRawText();

    private static JsonElement Parse(byte[] rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        return document.RootElement.Clone();
    }
}

/// <summary>The JSON form a column's value arrived in, where it is not the type's own.</summary>
internal enum ValueForm : byte
{
    /// <summary>The type's own form.</summary>
    Canonical,

    /// <summary>A number or boolean sent as a string (<c>"82"</c>).</summary>
    Quoted,

    /// <summary>A number, boolean, object or array sent to a string column, which holds its JSON text.</summary>
    Bare,
}

/// <summary>How one column arrived: its key (null where it was the export path's), whether inside <c>properties</c>, and its value's form.</summary>
internal sealed class ColumnSpelling
{
    public ColumnSpelling(int column, string? name, bool inProperties, ValueForm form)
    {
        Column = column;
        Name = name;
        InProperties = inProperties;
        Form = form;
    }

    public int Column { get; }

    public string? Name { get; }

    public bool InProperties { get; }

    public ValueForm Form { get; }
}
