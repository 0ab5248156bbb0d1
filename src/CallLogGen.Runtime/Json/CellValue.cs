using System;
using System.Text.Json;

namespace CallLogGen.Json;

/// <summary>
/// One column's value on its way between JSON and a model. The runtime parses and writes the JSON;
/// generated code only moves the typed value in or out of the model's property, so the per-table code
/// stays a switch of one-line assignments. Each typed accessor reads null when the cell holds no value.
/// </summary>
public struct CellValue
{
    private bool _hasValue;
    private string? _string;
    private long _integer;
    private double _real;
    private decimal _decimal;
    private DateTimeOffset _dateTime;
    private Guid _guid;
    private JsonElement _dynamic;

    /// <summary>Whether the cell holds a value (a null JSON value and an absent column hold none).</summary>
    public readonly bool HasValue => _hasValue;

    /// <summary>A <c>string</c> column's value.</summary>
    public string? String
    {
        readonly get => _hasValue ? _string : null;
        set
        {
            _string = value;
            _hasValue = value is not null;
        }
    }

    /// <summary>An <c>int</c> column's value.</summary>
    public int? Int
    {
        readonly get => _hasValue ? (int)_integer : null;
        set => SetInteger(value);
    }

    /// <summary>A <c>long</c> column's value.</summary>
    public long? Long
    {
        readonly get => _hasValue ? _integer : null;
        set => SetInteger(value);
    }

    /// <summary>A <c>real</c> column's value.</summary>
    public double? Real
    {
        readonly get => _hasValue ? _real : null;
        set
        {
            _real = value.GetValueOrDefault();
            _hasValue = value.HasValue;
        }
    }

    /// <summary>A <c>decimal</c> column's value.</summary>
    public decimal? Decimal
    {
        readonly get => _hasValue ? _decimal : null;
        set
        {
            _decimal = value.GetValueOrDefault();
            _hasValue = value.HasValue;
        }
    }

    /// <summary>A <c>bool</c> column's value.</summary>
    public bool? Bool
    {
        readonly get => _hasValue ? _integer != 0 : null;
        set => SetInteger(value is null ? null : value.Value ? 1 : 0);
    }

    /// <summary>A <c>datetime</c> column's value.</summary>
    public DateTimeOffset? DateTime
    {
        readonly get => _hasValue ? _dateTime : null;
        set
        {
            _dateTime = value.GetValueOrDefault();
            _hasValue = value.HasValue;
        }
    }

    /// <summary>A <c>timespan</c> column's value.</summary>
    public TimeSpan? TimeSpan
    {
        readonly get => _hasValue ? new TimeSpan(_integer) : null;
        set => SetInteger(value?.Ticks);
    }

    /// <summary>A <c>guid</c> column's value.</summary>
    public Guid? Guid
    {
        readonly get => _hasValue ? _guid : null;
        set
        {
            _guid = value.GetValueOrDefault();
            _hasValue = value.HasValue;
        }
    }

    /// <summary>A <c>dynamic</c> column's value: any JSON value, kept as it arrived.</summary>
    public JsonElement? Dynamic
    {
        readonly get => _hasValue ? _dynamic : null;
        set
        {
            _dynamic = value.GetValueOrDefault();
            _hasValue = value.HasValue && value.Value.ValueKind != JsonValueKind.Undefined;
        }
    }

    /// <summary>Empties the cell, ready for the next column.</summary>
    public void Clear()
    {
        _hasValue = false;
        _string = null;
        _dynamic = default;
    }

    private void SetInteger(long? value)
    {
        _integer = value.GetValueOrDefault();
        _hasValue = value.HasValue;
    }
}
