using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using CallLogGen.Model;

namespace CallLogGen.Catalog;

/// <summary>
/// The Azure Monitor table reference built into the generator: every table's columns and KQL types, and which
/// diagnostic category of which resource type lands in which table. Static data (AzureMonitorCatalog.txt,
/// rebuilt by tools/catalog/build-catalog.py), read once per process and only when a table needs it: a lookup by name
/// reads only the names line (<see cref="HasTable"/>), so a project that uses no catalogue table never reads the rest.
/// Pipeline models copy what they need (a <see cref="CatalogTable"/> compares by value), so the catalogue never takes
/// part in caching decisions.
/// </summary>
internal sealed class AzureMonitorCatalog
{
    /// <summary>What the generated code says where a column's source would be a file and line.</summary>
    public const string SourceLabel = "Azure Monitor table reference (2024-09)";

    private const string ResourceName = "CallLogGen.Catalog.AzureMonitorCatalog.txt";

    private static readonly Lazy<AzureMonitorCatalog> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // The names alone, from the file's first data line: enough to tell whether a table is in the catalogue.
    private static readonly Lazy<HashSet<string>> Names = new(LoadNames, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, CatalogTable> _byExactName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogTable> _byName = new(StringComparer.OrdinalIgnoreCase);

    private AzureMonitorCatalog(IReadOnlyList<CatalogTable> tables, IReadOnlyList<CatalogResourceType> resourceTypes, string sourceCommit, string sourceDate)
    {
        Tables = tables;
        ResourceTypes = resourceTypes;
        SourceCommit = sourceCommit;
        SourceDate = sourceDate;
        foreach (var table in tables)
        {
            _byExactName[table.Name] = table;
            if (!_byName.ContainsKey(table.Name))
            {
                _byName.Add(table.Name, table);
            }
        }
    }

    /// <summary>The catalogue, read on first use.</summary>
    public static AzureMonitorCatalog Instance => Loaded.Value;

    /// <summary>Whether this process has read the catalogue (tests prove projects without catalogue tables never do).</summary>
    public static bool IsLoaded => Loaded.IsValueCreated;

    /// <summary>Whether the catalogue has a table of this name (any case), without reading more than the names.</summary>
    public static bool HasTable(string name) => Names.Value.Contains(name);

    /// <summary>The catalogue's table of this name (exact spelling first, then any case), read only if it has one.</summary>
    public static CatalogTable? Find(string name) => HasTable(name) && Instance.TryGetTable(name, out var table) ? table : null;

    /// <summary>Every table, ordered by name.</summary>
    public IReadOnlyList<CatalogTable> Tables { get; }

    /// <summary>Every resource type with its diagnostic categories, ordered by name.</summary>
    public IReadOnlyList<CatalogResourceType> ResourceTypes { get; }

    /// <summary>The commit of the reference the facts were taken from.</summary>
    public string SourceCommit { get; }

    /// <summary>The date of that commit (yyyy-MM-dd).</summary>
    public string SourceDate { get; }

    /// <summary>Finds a table by its Log Analytics name: the exact spelling first, then any case.</summary>
    public bool TryGetTable(string name, out CatalogTable table)
    {
        if (_byExactName.TryGetValue(name, out table!) || _byName.TryGetValue(name, out table!))
        {
            return true;
        }

        table = null!;
        return false;
    }

    /// <summary>The catalogue's names nearest to <paramref name="name"/> (edit distance, case ignored), best first.</summary>
    public IReadOnlyList<string> NearestNames(string name, int count)
    {
        var wanted = name.Trim().ToUpperInvariant();
        var scored = new List<KeyValuePair<int, string>>(Tables.Count);
        foreach (var table in Tables)
        {
            var candidate = table.Name.ToUpperInvariant();
            var distance = EditDistance(wanted, candidate);

            // A name that holds the other whole (`BillingUsage` in `ACSBillingUsage`) is nearer than its length says.
            if (wanted.Length >= 4 && (candidate.Contains(wanted) || wanted.Contains(candidate)))
            {
                distance = Math.Min(distance, 1 + (Math.Abs(candidate.Length - wanted.Length) / 4));
            }

            scored.Add(new KeyValuePair<int, string>(distance, table.Name));
        }

        scored.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : StringComparer.Ordinal.Compare(a.Value, b.Value));
        var nearest = new List<string>(count);
        for (var i = 0; i < scored.Count && i < count; i++)
        {
            nearest.Add(scored[i].Value);
        }

        return nearest;
    }

    /// <summary>Reads catalogue text in the format build-catalog.py writes; lines it cannot read are skipped.</summary>
    internal static AzureMonitorCatalog Parse(string text)
    {
        var tables = new List<CatalogTable>();
        var routes = new Dictionary<string, List<TableRoute>>(StringComparer.Ordinal);
        var resourceTypes = new List<CatalogResourceType>();
        var commit = string.Empty;
        var date = string.Empty;
        string? resourceType = null;
        var categories = new List<CatalogCategory>();
        foreach (var line in Lines(text))
        {
            var cells = line.Split('\t');
            switch (cells[0])
            {
                case "source" when cells.Length >= 4:
                    commit = cells[2];
                    date = cells[3];
                    break;
                case "table" when cells.Length >= 2:
                    tables.Add(new CatalogTable(cells[1], ReadColumns(cells), EquatableArray<TableRoute>.Empty));
                    break;
                case "resource" when cells.Length >= 2:
                    FinishResourceType(resourceType, categories, resourceTypes);
                    resourceType = cells[1];
                    categories = new List<CatalogCategory>();
                    break;
                case "category" when cells.Length >= 4 && resourceType is not null:
                    var table = cells[3].Length == 0 ? null : cells[3];
                    categories.Add(new CatalogCategory(cells[1], cells[2], table));
                    if (table is not null)
                    {
                        if (!routes.TryGetValue(table, out var list))
                        {
                            routes.Add(table, list = new List<TableRoute>());
                        }

                        list.Add(new TableRoute(resourceType, cells[1]));
                    }

                    break;
            }
        }

        FinishResourceType(resourceType, categories, resourceTypes);
        for (var i = 0; i < tables.Count; i++)
        {
            if (routes.TryGetValue(tables[i].Name, out var tableRoutes))
            {
                tables[i] = tables[i] with { Routes = tableRoutes.ToEquatableArray() };
            }
        }

        return new AzureMonitorCatalog(tables, resourceTypes, commit, date);
    }

    private static AzureMonitorCatalog Load() => Parse(ReadResource(whole: true));

    private static HashSet<string> LoadNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines(ReadResource(whole: false)))
        {
            if (line.StartsWith("names\t", StringComparison.Ordinal))
            {
                var cells = line.Split('\t');
                for (var i = 1; i < cells.Length; i++)
                {
                    names.Add(cells[i]);
                }
            }
        }

        return names;
    }

    /// <summary>The catalogue's text: whole, or only up to its names line. A build without the data reads as empty.</summary>
    private static string ReadResource(bool whole)
    {
        using var stream = typeof(AzureMonitorCatalog).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            // A build of the generator without its data: no catalogue tables rather than a generator that throws.
            return string.Empty;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        if (whole)
        {
            return reader.ReadToEnd();
        }

        var text = new StringBuilder();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            text.Append(line).Append('\n');
            if (line.StartsWith("names\t", StringComparison.Ordinal))
            {
                break;
            }
        }

        return text.ToString();
    }

    private static EquatableArray<CatalogColumn> ReadColumns(string[] cells)
    {
        var columns = new List<CatalogColumn>(cells.Length - 2);
        for (var i = 2; i < cells.Length; i++)
        {
            var cell = cells[i];
            var colon = cell.IndexOf(':');
            var name = colon < 0 ? cell : cell.Substring(0, colon);
            var type = KqlType.String;
            if (name.Length == 0 || (colon >= 0 && !KqlTypes.TryParse(cell.Substring(colon + 1), out type)))
            {
                continue;
            }

            columns.Add(new CatalogColumn(name, type));
        }

        return columns.ToEquatableArray();
    }

    private static void FinishResourceType(string? name, List<CatalogCategory> categories, List<CatalogResourceType> into)
    {
        if (name is not null)
        {
            into.Add(new CatalogResourceType(name, categories.ToEquatableArray()));
        }
    }

    private static IEnumerable<string> Lines(string text)
    {
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
