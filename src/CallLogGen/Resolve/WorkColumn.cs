using System;
using System.Collections.Generic;
using System.Text;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>A column while its table is being built: mutable, and never leaves the resolver.</summary>
internal sealed class WorkColumn
{
    public WorkColumn(string name, SourceSpan? location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; set; }

    public KqlType? Type { get; set; }

    public string? TypeText { get; set; }

    public Requiredness Required { get; set; }

    public bool? RequiredFromOptions { get; set; }

    public string Description { get; set; } = string.Empty;

    public string? PropertyName { get; set; }

    /// <summary>The export path the table options set; "" for none.</summary>
    public string? ExportPath { get; set; }

    public bool? LowCardinality { get; set; }

    public SourceSpan? Location { get; set; }

    public SourceSpan? OptionsLocation { get; set; }

    public bool FromAuthority { get; private set; }

    /// <summary>Whether a docs page listed this column of the JSON schema.</summary>

    public bool MatchedByDocument { get; set; }

    public static WorkColumn From(SourceColumn column) => new(column.Name, column.Location)
    {
        Type = column.Type,
        TypeText = column.TypeText,
        Required = column.Required,
        Description = column.Description,
    };

    public static WorkColumn OfAuthority(SourceColumn column)
    {
        var work = From(column);
        work.FromAuthority = true;
        return work;
    }

    public WorkColumn WithOptions(ColumnOptions entry)
    {
        if (entry.Required is { } required)
        {
            RequiredFromOptions = required;
        }

        if (entry.PropertyName is not null)
        {
            PropertyName = entry.PropertyName;
        }

        ExportPath = entry.ExportPath ?? ExportPath;
        LowCardinality = entry.LowCardinality ?? LowCardinality;

        OptionsLocation = entry.Location;
        return this;
    }
}

/// <summary>The columns of a table being built, in order, refusing a second column of the same name.</summary>
internal sealed class ColumnSet
{
    private readonly List<WorkColumn> _items = new();
    private readonly string _tableName;
    private readonly List<DiagnosticInfo> _diagnostics;

    public ColumnSet(string tableName, List<DiagnosticInfo> diagnostics)
    {
        _tableName = tableName;
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<WorkColumn> Items => _items;

    public void Add(WorkColumn column)
    {
        if (FindExact(column.Name) is { } existing)
        {
            var where = existing.Location?.Display ?? "a standard column";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateColumn, column.Location ?? column.OptionsLocation, _tableName, column.Name, where));
            return;
        }

        _items.Add(column);
    }

    public void Remove(WorkColumn column) => _items.Remove(column);

    public WorkColumn? FindExact(string name)
    {
        foreach (var column in _items)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The column of that name, or else the one whose name differs only in case, spaces or punctuation.</summary>
    public WorkColumn? Find(string name)
    {
        if (FindExact(name) is { } exact)
        {
            return exact;
        }

        foreach (var column in _items)
        {
            if (ColumnNames.Same(column.Name, name))
            {
                return column;
            }
        }

        return null;
    }
}

/// <summary>
/// When a docs page and a table name one column: pages write names for people (<c>Correlation ID</c>,
/// <c>SDKVersion</c>), tables for KQL (<c>CorrelationId</c>, <c>SdkVersion</c>). Case, spaces and
/// punctuation do not count; leading underscores do (<c>_ResourceId</c> is not <c>ResourceId</c>).
/// </summary>
internal static class ColumnNames
{
    public static bool Same(string left, string right) =>
        string.Equals(Key(left), Key(right), StringComparison.Ordinal);

    private static string Key(string name)
    {
        var trimmed = name.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var i = 0;
        for (; i < trimmed.Length && trimmed[i] == '_'; i++)
        {
            builder.Append('_');
        }

        for (; i < trimmed.Length; i++)
        {
            if (char.IsLetterOrDigit(trimmed[i]))
            {
                builder.Append(char.ToLowerInvariant(trimmed[i]));
            }
        }

        return builder.ToString();
    }
}

/// <summary>Hint names from the schema file's relative path and the type, so two <c>logs.md</c> in different folders do not clash.</summary>
internal static class HintNames
{
    public static string For(string relativePath, string typeName)
    {
        var builder = new StringBuilder(relativePath.Length + typeName.Length + 8);
        foreach (var c in relativePath)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
        }

        return builder.Append('.').Append(typeName).Append(".g.cs").ToString();
    }
}
