namespace CallLogGen.Kql;

/// <summary>A column that a query returns: its name and KQL type.</summary>
public readonly struct KqlResultColumn : System.IEquatable<KqlResultColumn>
{
    /// <summary>Creates a result column.</summary>
    public KqlResultColumn(string name, KqlType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The column's KQL type.</summary>
    public KqlType Type { get; }

    /// <inheritdoc/>
    public bool Equals(KqlResultColumn other) => Name == other.Name && Type == other.Type;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KqlResultColumn other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Name?.GetHashCode() ?? 0) * 31 + (int)Type;

    /// <summary><c>Name:type</c>, as in a CSL schema.</summary>
    public override string ToString() => KqlNames.Bracket(Name) + ":" + KqlTypeNames.Of(Type);
}

/// <summary>How <c>order by</c> sorts one column.</summary>
public enum KqlSortDirection
{
    /// <summary><c>asc</c>.</summary>
    Ascending,

    /// <summary><c>desc</c>, KQL's default.</summary>
    Descending,
}

/// <summary>Where <c>order by</c> puts nulls; <see cref="Default"/> leaves KQL's default (first for asc, last for desc).</summary>
public enum KqlNullsOrder
{
    /// <summary>KQL's default for the direction.</summary>
    Default,

    /// <summary><c>nulls first</c>.</summary>
    First,

    /// <summary><c>nulls last</c>.</summary>
    Last,
}

/// <summary>The kinds of <c>join</c>. The builder always writes the kind: KQL's default is <c>innerunique</c>, not <c>inner</c>.</summary>
public enum KqlJoinKind
{
    /// <summary><c>kind=inner</c>: every matching pair.</summary>
    Inner,

    /// <summary><c>kind=innerunique</c>: KQL's default; left rows deduplicated by key first.</summary>
    InnerUnique,

    /// <summary><c>kind=leftouter</c>.</summary>
    LeftOuter,

    /// <summary><c>kind=rightouter</c>.</summary>
    RightOuter,

    /// <summary><c>kind=fullouter</c>.</summary>
    FullOuter,

    /// <summary><c>kind=leftanti</c>: left rows without a match.</summary>
    LeftAnti,

    /// <summary><c>kind=rightanti</c>.</summary>
    RightAnti,

    /// <summary><c>kind=leftsemi</c>: left rows with a match.</summary>
    LeftSemi,

    /// <summary><c>kind=rightsemi</c>.</summary>
    RightSemi,
}

/// <summary>Visualisations for <c>render</c>.</summary>
public enum KqlChart
{
    /// <summary><c>timechart</c>.</summary>
    TimeChart,

    /// <summary><c>barchart</c>.</summary>
    BarChart,

    /// <summary><c>columnchart</c>.</summary>
    ColumnChart,

    /// <summary><c>piechart</c>.</summary>
    PieChart,

    /// <summary><c>table</c>.</summary>
    Table,

    /// <summary><c>linechart</c>.</summary>
    LineChart,
}
