using CallLogGen.Model;

namespace CallLogGen.Catalog;

/// <summary>A resource type and its diagnostic categories, as the reference lists them.</summary>
internal sealed record CatalogResourceType(string Name, EquatableArray<CatalogCategory> Categories);

/// <summary>A diagnostic category: its name, its display name in the portal, and its table (null where the reference names none).</summary>
internal sealed record CatalogCategory(string Name, string DisplayName, string? Table);
