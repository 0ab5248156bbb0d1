namespace CallLogGen.Model;

/// <summary>
/// A column the table options mark obsolete: why, and which column replaces it (null where none does). The model's
/// property and the query column get <c>[Obsolete]</c> with the message this makes.
/// </summary>
internal sealed record ColumnObsolescence(string Reason, string? Replacement)
{
    /// <summary>The <c>[Obsolete]</c> message: the reason, and the replacement where there is one.</summary>
    public string Message => Replacement is null ? Reason : Reason.TrimEnd('.', ' ') + "; use " + Replacement + " instead.";
}
