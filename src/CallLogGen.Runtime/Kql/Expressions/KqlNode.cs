using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>
/// One node of a KQL expression tree. Typed wrappers (<see cref="KqlString"/>, <see cref="KqlLong"/>...)
/// decide which operators compile; nodes only know how to write themselves.
/// </summary>
internal abstract class KqlNode
{
    /// <summary>Binding strength: a child that binds more loosely than its parent is written in parentheses.</summary>
    public virtual int Precedence => KqlPrecedence.Primary;

    /// <summary>The column names the expression reads.</summary>
    public abstract void CollectColumns(ICollection<string> columns);

    /// <summary>The first column the expression reads that <paramref name="available"/> lacks; null when it has them all.</summary>
    public abstract string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available);

    protected static string? FirstMissing(IReadOnlyList<KqlResultColumn> available, KqlNode[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node.FindMissingColumn(available) is { } missing)
            {
                return missing;
            }
        }

        return null;
    }

    public abstract void Write(StringBuilder builder);

    public void WriteOperand(StringBuilder builder, int parentPrecedence)
    {
        if (Precedence < parentPrecedence)
        {
            builder.Append('(');
            Write(builder);
            builder.Append(')');
        }
        else
        {
            Write(builder);
        }
    }
}

internal static class KqlPrecedence
{
    public const int Or = 1;
    public const int And = 2;
    public const int Comparison = 3;
    public const int Additive = 4;
    public const int Multiplicative = 5;
    public const int Primary = 9;
}

/// <summary>A column reference, bracketed where its name needs it.</summary>
internal sealed class ColumnNode : KqlNode
{
    // Columns are made once (the generated columns class holds them) and written often: bracket once.
    private readonly string _text;

    public ColumnNode(string name)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _text = KqlNames.Bracket(name);
    }

    public string Name { get; }

    public override void CollectColumns(ICollection<string> columns) => columns.Add(Name);

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available)
    {
        foreach (var column in available)
        {
            if (string.Equals(column.Name, Name, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return Name;
    }

    public override void Write(StringBuilder builder) => builder.Append(_text);
}

/// <summary>A literal, already rendered by <see cref="KqlLiteral"/>: the only way a value enters a query.</summary>
internal sealed class LiteralNode : KqlNode
{
    private readonly string _text;

    public LiteralNode(string text) => _text = text;

    public override void CollectColumns(ICollection<string> columns)
    {
    }

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available) => null;

    public override void Write(StringBuilder builder) => builder.Append(_text);
}

/// <summary>
/// A value that becomes a literal when the query is written, straight into the query's builder: no string per
/// value. Whether the value can be written at all (a null string cannot) is checked when the node is made.
/// </summary>
internal sealed class ValueNode<T> : KqlNode
{
    private readonly T _value;
    private readonly Action<StringBuilder, T> _append;

    public ValueNode(T value, Action<StringBuilder, T> append)
    {
        _value = value;
        _append = append;
    }

    public override void CollectColumns(ICollection<string> columns)
    {
    }

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available) => null;

    public override void Write(StringBuilder builder) => _append(builder, _value);
}

/// <summary><c>left op right</c> for comparisons, string operators, arithmetic, and/or.</summary>
internal sealed class BinaryNode : KqlNode
{
    private readonly KqlNode _left;
    private readonly string _operator;
    private readonly KqlNode _right;
    private readonly int _precedence;

    public BinaryNode(KqlNode left, string op, KqlNode right, int precedence)
    {
        _left = left;
        _operator = op;
        _right = right;
        _precedence = precedence;
    }

    public override int Precedence => _precedence;

    public override void CollectColumns(ICollection<string> columns)
    {
        _left.CollectColumns(columns);
        _right.CollectColumns(columns);
    }

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available) =>
        _left.FindMissingColumn(available) ?? _right.FindMissingColumn(available);

    public override void Write(StringBuilder builder)
    {
        _left.WriteOperand(builder, _precedence);
        builder.Append(' ').Append(_operator).Append(' ');
        // Right operands of the same strength get parentheses: `a - (b - c)` must not become `a - b - c`.
        _right.WriteOperand(builder, _precedence + 1);
    }
}

/// <summary><c>name(arg, arg...)</c>: functions and aggregations.</summary>
internal sealed class CallNode : KqlNode
{
    private readonly string _function;
    private readonly KqlNode[] _arguments;

    public CallNode(string function, params KqlNode[] arguments)
    {
        _function = function;
        _arguments = arguments;
    }

    public KqlNode[] Arguments => _arguments;

    public override void CollectColumns(ICollection<string> columns)
    {
        foreach (var argument in _arguments)
        {
            argument.CollectColumns(columns);
        }
    }

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available) => FirstMissing(available, _arguments);

    public override void Write(StringBuilder builder)
    {
        builder.Append(_function).Append('(');
        for (var i = 0; i < _arguments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _arguments[i].Write(builder);
        }

        builder.Append(')');
    }
}

/// <summary><c>left op (a, b, c)</c>: in, !in, in~, has_any, between.</summary>
internal sealed class ListOperatorNode : KqlNode
{
    private readonly KqlNode _left;
    private readonly string _operator;
    private readonly KqlNode[] _items;
    private readonly string _separator;

    public ListOperatorNode(KqlNode left, string op, KqlNode[] items, string separator = ", ")
    {
        _left = left;
        _operator = op;
        _items = items;
        _separator = separator;
    }

    public override int Precedence => KqlPrecedence.Comparison;

    public override void CollectColumns(ICollection<string> columns)
    {
        _left.CollectColumns(columns);
        foreach (var item in _items)
        {
            item.CollectColumns(columns);
        }
    }

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available) =>
        _left.FindMissingColumn(available) ?? FirstMissing(available, _items);

    public override void Write(StringBuilder builder)
    {
        _left.WriteOperand(builder, KqlPrecedence.Comparison + 1);
        builder.Append(' ').Append(_operator).Append(" (");
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(_separator);
            }

            _items[i].Write(builder);
        }

        builder.Append(')');
    }
}

/// <summary><c>operand.member</c> and <c>operand['key']</c> on dynamic values.</summary>
internal sealed class MemberNode : KqlNode
{
    private readonly KqlNode _operand;
    private readonly string _key;

    public MemberNode(KqlNode operand, string key)
    {
        _operand = operand;
        _key = key;
    }

    public override void CollectColumns(ICollection<string> columns) => _operand.CollectColumns(columns);

    public override string? FindMissingColumn(IReadOnlyList<KqlResultColumn> available) => _operand.FindMissingColumn(available);

    public override void Write(StringBuilder builder)
    {
        _operand.WriteOperand(builder, KqlPrecedence.Primary);
        builder.Append('[');
        KqlLiteral.Append(builder, _key);
        builder.Append(']');
    }
}
