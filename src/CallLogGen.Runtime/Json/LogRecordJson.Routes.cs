using System;
using System.Collections.Generic;
using System.Text;

namespace CallLogGen.Json;

public abstract partial class LogRecordJson
{
    /// <summary>Per category this table takes (any case): whether any resource type's records land here, else the indexes of those that do.</summary>
    private Dictionary<string, RouteCategory>? _routeCategories;

    /// <summary>The resource types the table's routes name, as UTF-8; a record's resource id is tested against each once.</summary>
    private byte[][] _routeResourceTypes = Array.Empty<byte[]>();

    /// <summary>Whether some category of the table takes records of named resource types only, so a record's <c>resourceId</c> matters.</summary>
    internal bool NeedsResourceType { get; private set; }

    /// <summary>
    /// Whether an export record of <paramref name="category"/> from the resource <paramref name="resourceId"/> belongs in
    /// this table, the rule a table's reader goes by: its category must be one of the table's (in any case) and, where the
    /// table takes that category from named resource types only (the Azure Monitor reference's routes), the resource
    /// type in <paramref name="resourceId"/> must be one of them. What cannot be placed is read as this table's: a record
    /// without a category, one whose <c>resourceId</c> is absent or names no resource type, and every record of a table
    /// that names no category (one that only comes from queries).
    /// </summary>
    public bool IsOwnRecord(string? category, string? resourceId)
    {
        if (category is null || Routes() is not { Count: > 0 } routes)
        {
            return true;
        }

        if (!routes.TryGetValue(category, out var route))
        {
            return false;
        }

        return route.AnyResourceType || resourceId is null || route.Accepts(ResourceTypeMask(Encoding.UTF8.GetBytes(resourceId)));
    }

    /// <summary>Which of the table's route resource types <paramref name="resourceId"/> (UTF-8) is of, one bit each.</summary>
    internal ulong ResourceTypeMask(ReadOnlySpan<byte> resourceId)
    {
        var mask = 0UL;
        for (var i = 0; i < _routeResourceTypes.Length && i < 64; i++)
        {
            if (ResourceTypes.Matches(resourceId, _routeResourceTypes[i]))
            {
                mask |= 1UL << i;
            }
        }

        // An id of no resource type cannot be placed: it is taken as any.
        return mask == 0 && !HasResourceType(resourceId) ? ulong.MaxValue : mask;
    }

    /// <summary>Whether the category takes the record given its resource type mask (<see cref="ResourceTypeMask"/>).</summary>
    internal bool AcceptsResourceType(string category, ulong mask) =>
        Routes() is not { } routes || !routes.TryGetValue(category, out var route) || route.Accepts(mask);

    private static bool HasResourceType(ReadOnlySpan<byte> resourceId)
    {
        // ASCII case folding is enough here: "/providers/" is ASCII.
        var text = Encoding.UTF8.GetString(resourceId.ToArray());
        return ResourceTypes.Of(text) is not null;
    }

    private Dictionary<string, RouteCategory>? Routes()
    {
        if (_routeCategories is not null || Schema.Routes.Count == 0)
        {
            return _routeCategories;
        }

        var resourceTypes = new List<string>();
        var categories = new Dictionary<string, RouteCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in Schema.Routes)
        {
            if (!categories.TryGetValue(route.Category, out var entry))
            {
                categories.Add(route.Category, entry = new RouteCategory());
            }

            if (route.ResourceType is null)
            {
                entry.AnyResourceType = true;
                continue;
            }

            var index = resourceTypes.FindIndex(t => string.Equals(t, route.ResourceType, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                index = resourceTypes.Count;
                resourceTypes.Add(route.ResourceType);
            }

            // Past 64 resource types (no table of the reference comes near) a category takes any.
            entry.Mask |= index < 64 ? 1UL << index : ulong.MaxValue;
        }

        _routeResourceTypes = resourceTypes.ConvertAll(t => Encoding.ASCII.GetBytes(t)).ToArray();
        NeedsResourceType = resourceTypes.Count > 0;
        _routeCategories = categories;
        return categories;
    }

    /// <summary>Prepares the routes once, at construction (instances are shared between threads afterwards).</summary>
    private protected void PrepareRoutes() => Routes();

    private sealed class RouteCategory
    {
        public bool AnyResourceType { get; set; }

        public ulong Mask { get; set; }

        public bool Accepts(ulong recordMask) => AnyResourceType || (Mask & recordMask) != 0;
    }
}
