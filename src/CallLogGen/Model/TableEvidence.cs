namespace CallLogGen.Model;

/// <summary>
/// What a docs page says, besides a table's columns, about which real table the table documents: the readers collect
/// it as plain words (they know nothing of the Azure Monitor reference), the matcher weighs it.
/// <list type="bullet">
/// <item><see cref="FrontMatter"/>: the page's <c>ms.custom</c> values (the table reference names its table there).</item>
/// <item><see cref="Headings"/>: the table's heading and its parents, nearest first, and a caption above the table.</item>
/// <item><see cref="Words"/>: identifier-like words near the table (its section's text, headings, caption, the header
/// cells after the first), which may name a table or a category.</item>
/// <item><see cref="LinkedTables"/>: tables the table's section links to in the table reference
/// (<c>/azure/azure-monitor/reference/tables/&lt;name&gt;</c>); <see cref="PageLinkedTables"/>: those the whole page links to.</item>
/// <item><see cref="Categories"/>: diagnostic categories the section's example records show (<c>"category": "ActivityRuns"</c>),
/// and quoted example values in the table's cells (<c>"DeliveryFailures"</c>).</item>
/// <item><see cref="PageWords"/>: the words of the page's title, first heading and file name, which say what service it is about.</item>
/// </list>
/// </summary>
internal sealed record TableEvidence(
    EquatableArray<string> FrontMatter,
    EquatableArray<string> Headings,
    EquatableArray<string> Words,
    EquatableArray<string> LinkedTables,
    EquatableArray<string> PageLinkedTables,
    EquatableArray<string> Categories,
    EquatableArray<string> PageWords)
{
    public static readonly TableEvidence None = new(
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    /// <summary>This evidence with <paramref name="outer"/>'s added after it: an included file's table takes the including page's context.</summary>
    public TableEvidence Within(TableEvidence outer) => new(
        Join(FrontMatter, outer.FrontMatter),
        Join(Headings, outer.Headings),
        Join(Words, outer.Words),
        Join(LinkedTables, outer.LinkedTables),
        Join(PageLinkedTables, outer.PageLinkedTables),
        Join(Categories, outer.Categories),
        Join(PageWords, outer.PageWords));

    private static EquatableArray<string> Join(EquatableArray<string> first, EquatableArray<string> second)
    {
        if (second.IsEmpty)
        {
            return first;
        }

        var joined = new System.Collections.Generic.List<string>(first);
        foreach (var item in second)
        {
            if (!joined.Contains(item))
            {
                joined.Add(item);
            }
        }

        return joined.ToEquatableArray();
    }
}
