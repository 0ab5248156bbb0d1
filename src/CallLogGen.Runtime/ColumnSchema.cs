using System;

namespace CallLogGen;

/// <summary>One column of a log table as its schema files describe it.</summary>
public sealed class ColumnSchema
{
    private string? _sourceFile;

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
        _sourceFile = sourceFile ?? string.Empty;
        SourceLine = sourceLine;
    }

    /// <summary>
    /// Creates a column from the facts generated code has at hand, in the order it writes them: the KQL type by its KQL
    /// name, the property's name only where it is not the column's, the file only where it is not the table's (see
    /// <see cref="TableSchema(string, string?, string, ColumnSchema[], LogRoute[])"/>). Generated code calls this once per column.
    /// </summary>
    /// <param name="name">The column's KQL name.</param>
    /// <param name="type">The KQL type's name: <c>string</c>, <c>datetime</c>...</param>
    /// <param name="description">The description from the schema files.</param>
    /// <param name="sourceLine">The one-based line in the schema file; 0 where the column came from no file.</param>
    /// <param name="propertyName">The model property's name; null where it is <paramref name="name"/>.</param>
    /// <param name="isRequired">Whether every record must carry the column.</param>
    /// <param name="sourceFile">The schema file; null for the table's.</param>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a KQL type's name.</exception>
    public ColumnSchema(string name, string type, string description, int sourceLine = 0, string? propertyName = null, bool isRequired = false, string? sourceFile = null)
        : this(name, ParseType(type), propertyName ?? name, isRequired, description, sourceFile!, sourceLine)
    {
        _sourceFile = sourceFile;
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
    public string SourceFile => _sourceFile ?? string.Empty;

    /// <summary>The one-based line in <see cref="SourceFile"/>; 0 where the column came from no file.</summary>
    public int SourceLine { get; }

    /// <summary>The CLR type a column of <paramref name="type"/> is read into (without nullability).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined <see cref="KqlType"/>.</exception>
    public static Type ClrTypeOf(KqlType type) => KqlTypes.ClrTypeOf(type);

    /// <inheritdoc/>
    public override string ToString() => Name + ":" + KqlTypeName;

    /// <summary>Gives a column made without a file its table's; once, by the table's constructor, before anyone reads it.</summary>
    internal void SetDefaultSourceFile(string tableFile) => _sourceFile ??= tableFile;

    private static KqlType ParseType(string type)
    {
        foreach (var info in KqlTypes.All)
        {
            if (string.Equals(info.Name, type, StringComparison.Ordinal))
            {
                return info.Type;
            }
        }

        throw new ArgumentException($"'{type}' is not the name of a KQL type ({KqlTypes.NameList}).", nameof(type));
    }
}
