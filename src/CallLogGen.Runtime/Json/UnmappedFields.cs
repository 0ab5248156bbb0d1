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
    private readonly List<UnmappedField> _fields = new();

    /// <summary>The number of fields kept.</summary>
    public int Count => _fields.Count;

    /// <summary>The field at <paramref name="index"/>, in the order they were read.</summary>
    public UnmappedField this[int index] => _fields[index];

    /// <summary>Keeps a field. <paramref name="section"/> is null at the record's top level, or the name of the object it sat in (<c>properties</c>).</summary>
    public void Add(string name, JsonElement value, string? section = null) => _fields.Add(new UnmappedField(name, value, section));

    /// <summary>Finds a kept field by its exact name and section.</summary>
    public bool TryGet(string name, out JsonElement value, string? section = null)
    {
        foreach (var field in _fields)
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

    /// <summary>Whether any field sits in <paramref name="section"/>.</summary>
    public bool HasSection(string? section)
    {
        foreach (var field in _fields)
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
    public IEnumerator<UnmappedField> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One kept field: its name as it arrived, its JSON value, and the object it sat in (null for the top level).</summary>
public readonly struct UnmappedField
{
    /// <summary>Creates a kept field.</summary>
    public UnmappedField(string name, JsonElement value, string? section)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value;
        Section = section;
    }

    /// <summary>The field's name, spelt as it arrived.</summary>
    public string Name { get; }

    /// <summary>The field's value, as it arrived.</summary>
    public JsonElement Value { get; }

    /// <summary>The object the field sat in: null for the record's top level, <c>properties</c> for the service's own fields.</summary>
    public string? Section { get; }

    /// <inheritdoc/>
    public override string ToString() => (Section is null ? Name : Section + "." + Name) + " = " + Value.GetRawText();
}

/// <summary>The JSON form a column's value arrived in, where it is not the type's own.</summary>
internal enum ValueForm : byte
{
    /// <summary>The type's own form.</summary>
    Canonical,

    /// <summary>A number or boolean sent as a string (<c>"82"</c>).</summary>
    Quoted,

    /// <summary>A number or boolean sent to a string column.</summary>
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
