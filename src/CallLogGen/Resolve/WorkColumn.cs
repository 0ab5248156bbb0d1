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

    /// <summary>The table options' obsolete mark, and where it stands.</summary>
    public ColumnObsolescence? Obsolete { get; set; }

    public SourceSpan? ObsoleteLocation { get; set; }

    /// <summary>Whether the column is the real table's: from a JSON schema or the catalogue.</summary>
    public bool FromAuthority { get; private set; }

    /// <summary>Whether the column comes from the built-in catalogue (no file, no line).</summary>
    public bool FromCatalog { get; private set; }

    /// <summary>Whether a docs page listed this column of the JSON schema.</summary>
    public bool MatchedByDocument { get; set; }

    /// <summary>Whether a docs page gave the description (the first page that does keeps it).</summary>
    public bool DescribedByDocument { get; set; }

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

    public static WorkColumn OfCatalog(CatalogColumn column) => new(column.Name, location: null)
    {
        Type = column.Type,
        FromAuthority = true,
        FromCatalog = true,
    };

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
        if (entry.Obsolete is not null)
        {
            Obsolete = entry.Obsolete;
            ObsoleteLocation = entry.ObsoleteLocation;
        }

        OptionsLocation = entry.Location;
        return this;
    }
}
