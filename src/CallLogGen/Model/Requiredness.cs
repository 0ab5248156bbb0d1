namespace CallLogGen.Model;

/// <summary>Whether a document says a column must be present.</summary>
internal enum Requiredness
{
    Unspecified,
    Required,
    Optional,
}
