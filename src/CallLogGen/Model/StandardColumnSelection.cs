namespace CallLogGen.Model;

/// <summary>
/// Which Azure Monitor standard columns (TenantId, _ResourceId, ...) the table has.
/// <see cref="ResourceLogSet"/> is the usual set of a resource-log table; <see cref="Names"/> adds single ones.
/// </summary>
internal sealed record StandardColumnSelection(bool ResourceLogSet, EquatableArray<string> Names)
{
    public static readonly StandardColumnSelection None = new(false, EquatableArray<string>.Empty);
}
