namespace CallLogGen.Model;

/// <summary>
/// A table of the Azure Monitor table reference (the built-in catalogue): its Log Analytics name, its columns in the
/// reference's order (standard columns such as <c>TenantId</c> and <c>_ResourceId</c> included where the table has
/// them), and the (resource type, category) pairs whose records land in it. Compares by value.
/// </summary>
internal sealed record CatalogTable(string Name, EquatableArray<CatalogColumn> Columns, EquatableArray<TableRoute> Routes);
