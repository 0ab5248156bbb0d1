using System;

namespace CallLogGen;

/// <summary>One column of a log table as its schema files describe it.</summary>
public sealed class ColumnSchema
{
    /// <summary>Creates a column; generated code calls this once per column.</summary>
    public ColumnSchema(
        string name,
        KqlType type,
        string propertyName,
        bool isRequired,
        string description,
        string sourceFile,
        int sourceLine)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type;
        PropertyName = propertyName ?? throw new ArgumentNullException(nameof(propertyName));
        ClrType = ClrTypeOf(type);
        IsRequired = isRequired;
        Description = description ?? string.Empty;
        SourceFile = sourceFile ?? string.Empty;
        SourceLine = sourceLine;
    }

    /// <summary>The column's name in Log Analytics (KQL), such as <c>_ResourceId</c>.</summary>
    public string Name { get; }

    /// <summary>The column's KQL type.</summary>
    public KqlType Type { get; }

    /// <summary>The KQL spelling of <see cref="Type"/>, such as <c>datetime</c>.</summary>
    public string KqlTypeName => KqlTypeNames.Of(Type);

    /// <summary>The name of the model's property for this column, such as <c>ResourceId</c>.</summary>
    public string PropertyName { get; }

    /// <summary>The CLR type of the model's property, without nullability (<c>int</c> for an optional <c>int?</c>).</summary>
    public Type ClrType { get; }

    /// <summary>Whether every record must carry a non-null value for this column.</summary>
    public bool IsRequired { get; }

    /// <summary>The description from the schema files, as plain text.</summary>
    public string Description { get; }

    /// <summary>The schema file that declares the column, relative to the project; empty for a standard column.</summary>
    public string SourceFile { get; }

    /// <summary>The one-based line in <see cref="SourceFile"/>; 0 where the column came from no file.</summary>
    public int SourceLine { get; }

    /// <summary>The CLR type a column of <paramref name="type"/> is read into (without nullability).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined <see cref="KqlType"/>.</exception>
    public static Type ClrTypeOf(KqlType type) => KqlTypes.ClrTypeOf(type);

    /// <inheritdoc/>
    public override string ToString() => Name + ":" + KqlTypeName;
}
