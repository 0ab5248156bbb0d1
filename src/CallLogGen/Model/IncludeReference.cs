namespace CallLogGen.Model;

/// <summary>
/// An <c>[!INCLUDE [title](path)]</c> line: the included file's tables belong to this page, named
/// <see cref="NameHint"/> (the name a table at that place in this page would get).
/// </summary>
internal sealed record IncludeReference(string Target, string NameHint, SourceSpan Location)
{
    /// <summary>The including page's context at the include (its headings, section words, links): the included tables take it.</summary>
    public TableEvidence Evidence { get; init; } = TableEvidence.None;
}
