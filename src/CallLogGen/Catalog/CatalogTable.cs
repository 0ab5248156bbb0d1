using CallLogGen.Model;

namespace CallLogGen.Catalog;

/// <summary>
/// A table of the Azure Monitor reference: its Log Analytics name, its columns in the reference's order (standard
/// columns such as <c>TenantId</c> and <c>_ResourceId</c> included where the table has them), and the diagnostic
/// categories of the resource types that land in it. Compares by value, so pipeline models may hold it.
/// </summary>
internal sealed record CatalogTable(string Name, EquatableArray<CatalogColumn> Columns, EquatableArray<CategoryRoute> Routes);

/// <summary>A column of a catalogue table.</summary>
internal readonly record struct CatalogColumn(string Name, KqlType Type);

/// <summary>One diagnostic category of one resource type (<c>Microsoft.Communication/CommunicationServices</c>, <c>Usage</c>) whose records land in a table.</summary>
internal sealed record CategoryRoute(string ResourceType, string Category, string DisplayName);

/// <summary>A resource type and its diagnostic categories, as the reference lists them.</summary>
internal sealed record CatalogResourceType(string Name, EquatableArray<CatalogCategory> Categories);

/// <summary>A diagnostic category: its name, its display name in the portal, and its table (null where the reference names none).</summary>
internal sealed record CatalogCategory(string Name, string DisplayName, string? Table);
