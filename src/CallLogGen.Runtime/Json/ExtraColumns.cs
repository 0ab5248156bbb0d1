using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>
/// The columns that records' kept fields become where a format keys values by column: a query result's columns
/// after the table's, a Logs Ingestion object's properties after the table's. One column per kept field (its
/// section, its name, and which occurrence of that name in the record it is), named as the field arrived without
/// its section: <c>properties.someNewField</c> becomes <c>someNewField</c>, as Log Analytics names a table's
/// columns after the <c>properties</c> fields. Where that name is taken (by a column of the table, or by an
/// earlier field), the smallest number that frees it is appended, as Kusto names a join's duplicate columns
/// (<c>Level1</c>). A column's type is the one a query result declared for it; else what its values have in
/// common: <c>string</c>, <c>bool</c>, <c>long</c>, <c>real</c>, or otherwise <c>dynamic</c>.
/// </summary>
internal sealed class ExtraColumns
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<FieldKey, int> _byField = new();
    private readonly List<string> _names = new();
    private readonly List<Kinds> _kinds = new();
    private readonly List<KqlType?> _declared = new();

    public ExtraColumns(TableSchema schema)
    {
        foreach (var column in schema.Columns)
        {
            _taken.Add(column.Name);
        }
    }

    [Flags]
    private enum Kinds : byte
    {
        None = 0,
        String = 1,
        Whole = 2,
        Real = 4,
        Bool = 8,
        Other = 16,
        DeclaredTwice = 32,
    }

    public int Count => _names.Count;

    public string Name(int column) => _names[column];

    /// <summary>The column's KQL type: the declared one, else what its values have in common.</summary>
    public KqlType Type(int column)
    {
        var kinds = _kinds[column];
        if (_declared[column] is { } declared && (kinds & Kinds.DeclaredTwice) == 0)
        {
            return declared;
        }

        return (kinds & ~Kinds.DeclaredTwice) switch
        {
            Kinds.String => KqlType.String,
            Kinds.Bool => KqlType.Bool,
            Kinds.Whole => KqlType.Long,
            Kinds.Real or (Kinds.Real | Kinds.Whole) => KqlType.Real,
            _ => KqlType.Dynamic,
        };
    }

    /// <summary>The column of the kept field at <paramref name="index"/> of <paramref name="fields"/>, made on first sight; notes its value's kind.</summary>
    public int Of(UnmappedFields fields, int index)
    {
        var field = fields[index];
        var occurrence = 0;
        for (var i = 0; i < index; i++)
        {
            if (fields[i].Column < 0 && string.Equals(fields[i].Name, field.Name, StringComparison.Ordinal) && string.Equals(fields[i].Section, field.Section, StringComparison.Ordinal))
            {
                occurrence++;
            }
        }

        var key = new FieldKey(field.Section, field.Name, occurrence);
        if (!_byField.TryGetValue(key, out var column))
        {
            column = _names.Count;
            _byField.Add(key, column);
            _names.Add(FreeName(field.Name));
            _kinds.Add(Kinds.None);
            _declared.Add(field.ColumnType);
        }
        else if (_declared[column] != field.ColumnType)
        {
            _kinds[column] |= Kinds.DeclaredTwice;
        }

        _kinds[column] |= KindOf(field);
        return column;
    }

    private string FreeName(string name)
    {
        var free = name;
        for (var n = 1; !_taken.Add(free); n++)
        {
            free = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return free;
    }

    private static Kinds KindOf(UnmappedField field) => field.Kind switch
    {
        JsonValueKind.Null => Kinds.None,
        JsonValueKind.String => Kinds.String,
        JsonValueKind.True or JsonValueKind.False => Kinds.Bool,
        JsonValueKind.Number => field.IsWholeNumber ? Kinds.Whole : Kinds.Real,
        _ => Kinds.Other,
    };

    private readonly struct FieldKey : IEquatable<FieldKey>
    {
        private readonly string? _section;
        private readonly string _name;
        private readonly int _occurrence;

        public FieldKey(string? section, string name, int occurrence)
        {
            _section = section;
            _name = name;
            _occurrence = occurrence;
        }

        public bool Equals(FieldKey other)
            => _occurrence == other._occurrence && string.Equals(_name, other._name, StringComparison.Ordinal) && string.Equals(_section, other._section, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is FieldKey other && Equals(other);

        public override int GetHashCode()
            => (StringComparer.Ordinal.GetHashCode(_name) * 31) ^ (_section is null ? 0 : StringComparer.Ordinal.GetHashCode(_section)) ^ _occurrence;
    }
}
