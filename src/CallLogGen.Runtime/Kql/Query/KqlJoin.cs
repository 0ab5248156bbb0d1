using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Kql;

/// <summary>The key of a <c>join</c>: a column of the left query and one of the right, of the same type.</summary>
public sealed class KqlJoinKey
{
    internal KqlJoinKey(string left, string right)
    {
        Left = left;
        Right = right;
    }

    /// <summary>The left query's column.</summary>
    public string Left { get; }

    /// <summary>The right query's column.</summary>
    public string Right { get; }
}


internal sealed class JoinStage : KqlStage
{
    private readonly KqlJoinKind _kind;
    private readonly string _right;
    private readonly List<KqlResultColumn>? _rightShape;
    private readonly KqlJoinKey _key;

    public JoinStage(KqlJoinKind kind, string right, List<KqlResultColumn>? rightShape, KqlJoinKey key)
    {
        _kind = kind;
        _right = right;
        _rightShape = rightShape;
        _key = key;
    }

    public override void Write(StringBuilder builder)
    {
        builder.Append("join kind=").Append(_kind.ToString().ToLowerInvariant()).Append(" (").Append(_right).Append(") on ");
        if (_key.Left == _key.Right)
        {
            builder.Append(KqlNames.Bracket(_key.Left));
        }
        else
        {
            builder.Append("$left.").Append(KqlNames.Bracket(_key.Left)).Append(" == $right.").Append(KqlNames.Bracket(_key.Right));
        }
    }

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        if (IndexOf(input, _key.Left) < 0)
        {
            throw new InvalidOperationException($"'join' keys on '{_key.Left}', which the left query does not have at that point.");
        }

        if (_rightShape is not null && IndexOf(_rightShape, _key.Right) < 0)
        {
            throw new InvalidOperationException($"'join' keys on '{_key.Right}', which the right query does not return.");
        }

        switch (_kind)
        {
            case KqlJoinKind.LeftAnti:
            case KqlJoinKind.LeftSemi:
                return input;
            case KqlJoinKind.RightAnti:
            case KqlJoinKind.RightSemi:
                return _rightShape ?? new List<KqlResultColumn>();
        }

        // KQL keeps every left column, then every right one; a right column whose name the output already has
        // gets a number appended (CorrelationId1).
        var output = new List<KqlResultColumn>(input);
        foreach (var column in _rightShape ?? new List<KqlResultColumn>())
        {
            var name = column.Name;
            for (var suffix = 1; IndexOf(output, name) >= 0; suffix++)
            {
                name = column.Name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            output.Add(new KqlResultColumn(name, column.Type));
        }

        return output;
    }
}

internal sealed class UnionStage : KqlStage
{
    private readonly string _other;
    private readonly List<KqlResultColumn>? _otherShape;

    public UnionStage(string other, List<KqlResultColumn>? otherShape)
    {
        _other = other;
        _otherShape = otherShape;
    }

    public override void Write(StringBuilder builder) => builder.Append("union (").Append(_other).Append(')');

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input)
    {
        var output = new List<KqlResultColumn>(input);
        foreach (var column in _otherShape ?? new List<KqlResultColumn>())
        {
            var index = IndexOf(output, column.Name);
            if (index < 0)
            {
                output.Add(column);
            }
            else if (output[index].Type != column.Type)
            {
                throw new ArgumentException(
                    $"'union' meets column '{column.Name}' as {KqlTypeNames.Of(output[index].Type)} and as {KqlTypeNames.Of(column.Type)}; project one side to the other's type first.");
            }
        }

        return output;
    }
}

internal sealed class RawStage : KqlStage
{
    private readonly string _text;

    public RawStage(string text) => _text = text;

    public override void Write(StringBuilder builder) => builder.Append(_text);

    public override List<KqlResultColumn> Apply(List<KqlResultColumn> input) => input;
}
