namespace CallLogGen.Model;

/// <summary>
/// An <c>[!INCLUDE [title](path)]</c> line: the included file's tables belong to this page, named
/// <see cref="NameHint"/> (the name a table at that place in this page would get).
/// </summary>
internal sealed record IncludeReference(string Target, string NameHint, SourceSpan Location);
