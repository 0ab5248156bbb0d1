using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Catalog;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>
/// Decides which document tables describe the same table. Table options map a document table to a
/// Log Analytics name (by the document's table name and, optionally, its file); a docs table and a JSON
/// schema are the same table when that name, or the docs table's own name, equals the JSON's table name.
/// Two docs tables are never merged with each other: if they end with one name, that is a duplicate.
/// A table whose name the built-in catalogue knows takes the catalogue's table along (its columns are the table where
/// no JSON schema gives them; its routes say which records land in it); tables named only in the project file, or by
/// table options that match no document table, come from the catalogue alone.
/// </summary>
internal static class TableGrouping
{
    public static List<TableGroupInput> Group(
        List<TableCandidate> candidates, List<TableOptions> options, EquatableArray<string> requestedTables,
        GeneratorSettings settings, List<DiagnosticInfo> diagnostics)
    {
        var optionsByCandidate = MatchOptions(candidates, options, out var unmatchedOptions);

        var groups = new List<TableGroup>();
        var authorities = new Dictionary<string, TableGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in candidates.Where(c => c.IsAuthoritative))
        {
            optionsByCandidate.TryGetValue(candidate, out var tableOptions);
            var name = tableOptions?.TableName ?? candidate.Table.Name;
            var group = new TableGroup(name, candidate) { Authority = candidate, Options = tableOptions };
            groups.Add(group);
            if (!authorities.ContainsKey(name))
            {
                authorities.Add(name, group);
            }
        }

        var documentTables = candidates.Where(c => !c.IsAuthoritative).ToList();
        var matches = MatchDocumentTables(documentTables, candidates.Where(c => c.IsAuthoritative).ToList(), optionsByCandidate, diagnostics);
        foreach (var candidate in documentTables)
        {
            optionsByCandidate.TryGetValue(candidate, out var tableOptions);
            matches.TryGetValue(candidate, out var match);
            var name = tableOptions?.TableName ?? match?.TableName ?? candidate.Table.Name;
            var named = tableOptions is not null || match is not null;
            if (named && authorities.TryGetValue(name, out var group))
            {
                // The same real table on several pages, or a page and a JSON schema: one table.
                if (group.DocumentTables.Count == 0)
                {
                    group.Primary = candidate;
                }

                group.DocumentTables.Add(candidate);
                group.Options ??= tableOptions;
                continue;
            }

            if (!named && authorities.TryGetValue(name, out var sameName) && sameName.DocumentTables.Count == 0)
            {
                // A docs table named after its JSON schema's table.
                sameName.Primary = candidate;
                sameName.DocumentTables.Add(candidate);
                continue;
            }

            var own = new TableGroup(name, candidate) { Options = tableOptions };
            own.DocumentTables.Add(candidate);
            groups.Add(own);
            if (named && !authorities.ContainsKey(name))
            {
                authorities.Add(name, own);
            }
        }

        ReportMergedPages(groups, diagnostics);

        AddTablesByName(groups, unmatchedOptions, requestedTables, diagnostics);
        foreach (var group in groups)
        {
            // Reads the catalogue's names only, and its tables only for a name it has.
            group.Catalog = AzureMonitorCatalog.Find(group.TableName);
        }

        return groups
            .OrderBy(g => g.Primary is null ? 1 : 0)
            .ThenBy(g => g.Primary?.RelativePath, StringComparer.Ordinal)
            .ThenBy(g => g.Primary?.Table.Location.Start ?? 0)
            .ThenBy(g => g.TableName, StringComparer.Ordinal)
            .Select(g => new TableGroupInput(g.TableName, g.Primary, g.Authority, g.Catalog, g.DocumentTables.ToEquatableArray(), g.Options, settings))
            .ToList();
    }

    /// <summary>
    /// The real table of each docs table that no table options place (see <see cref="DocsTableMatcher"/>), in two passes:
    /// the second lets a table whose columns alone cannot decide between twins take the family of its page's others.
    /// Each match is an Info that says why; a close one names the runner-up; a table that matches nothing says its
    /// name comes from the page.
    /// </summary>
    private static Dictionary<TableCandidate, TableMatch> MatchDocumentTables(
        List<TableCandidate> documentTables, List<TableCandidate> schemas, Dictionary<TableCandidate, TableOptions> optionsByCandidate, List<DiagnosticInfo> diagnostics)
    {
        var matches = new Dictionary<TableCandidate, TableMatch>();
        var open = documentTables.Where(c => !optionsByCandidate.ContainsKey(c)).ToList();
        if (open.Count == 0)
        {
            return matches;
        }

        var matcher = new DocsTableMatcher(AzureMonitorCatalog.Instance, schemas.Select(s => s.Table));
        var family = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var ambiguous = new Dictionary<TableCandidate, (string First, string Second)>();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var candidate in open.Where(c => !matches.ContainsKey(c)))
            {
                family.TryGetValue(candidate.RelativePath, out var pageTables);
                if (matcher.Match(candidate.Table, pageTables ?? (IReadOnlyCollection<string>)Array.Empty<string>()) is not { } match)
                {
                    if (matcher.Ambiguity is { } both)
                    {
                        ambiguous[candidate] = both;
                    }

                    continue;
                }

                matches.Add(candidate, match);
                if (!family.TryGetValue(candidate.RelativePath, out var tables))
                {
                    family.Add(candidate.RelativePath, tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                }

                tables.Add(match.TableName);
            }
        }

        foreach (var candidate in open)
        {
            if (!matches.TryGetValue(candidate, out var match))
            {
                var why = ambiguous.TryGetValue(candidate, out var both) ? $" unambiguously (it fits '{both.First}' and '{both.Second}' alike)" : string.Empty;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DocsTableUnmatched, candidate.Table.Location, candidate.Table.Name, why));
            }
            else if (match.RunnerUp is { } runnerUp)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DocsTableMatchedClosely, candidate.Table.Location, candidate.Table.Name, match.TableName, match.Reason, runnerUp));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DocsTableMatched, candidate.Table.Location, candidate.Table.Name, match.TableName, match.Reason));
            }
        }

        return matches;
    }

    /// <summary>One Info per table documented by several pages (or several tables of one page), which are merged into one model.</summary>
    private static void ReportMergedPages(List<TableGroup> groups, List<DiagnosticInfo> diagnostics)
    {
        foreach (var group in groups.Where(g => g.DocumentTables.Count > 1))
        {
            var places = group.DocumentTables.Select(d => d.Table.Location.Display).ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.TableOnSeveralPages, group.DocumentTables[0].Table.Location, group.TableName, string.Join(", ", places)));
        }
    }

    /// <summary>
    /// Tables with no schema file: those the project file names (<c>&lt;CallLogGenTable Include="..." /&gt;</c>) and table
    /// options that name no document table. The catalogue must know them; an unknown name gets the nearest it knows.
    /// </summary>
    private static void AddTablesByName(List<TableGroup> groups, List<TableOptions> unmatchedOptions, EquatableArray<string> requestedTables, List<DiagnosticInfo> diagnostics)
    {
        bool Exists(string name) => groups.Exists(g => string.Equals(g.TableName, name, StringComparison.OrdinalIgnoreCase));

        foreach (var tableOptions in unmatchedOptions)
        {
            if (tableOptions.SourceFile is null && tableOptions.SourceTable is null && AzureMonitorCatalog.Find(tableOptions.TableName) is { } table)
            {
                if (!Exists(table.Name))
                {
                    groups.Add(new TableGroup(table.Name, primary: null) { Options = tableOptions });
                }

                continue;
            }

            var source = tableOptions.SourceTable is null && tableOptions.SourceFile is null
                ? "no table is named '" + tableOptions.TableName + "', and the Azure Monitor table reference has none of that name either (nearest: " + Nearest(tableOptions.TableName) + ")"
                : "looked for table '" + (tableOptions.SourceTable ?? tableOptions.TableName) + "'"
                  + (tableOptions.SourceFile is null ? string.Empty : " in '" + tableOptions.SourceFile + "'");
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.OptionsUnknownTable, tableOptions.Location, tableOptions.TableName, source));
        }

        foreach (var name in requestedTables)
        {
            if (AzureMonitorCatalog.Find(name) is not { } table)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownCatalogTable, null, name, Nearest(name)));
            }
            else if (!Exists(table.Name))
            {
                groups.Add(new TableGroup(table.Name, primary: null));
            }
        }
    }

    private static string Nearest(string name) => string.Join(", ", AzureMonitorCatalog.Instance.NearestNames(name, 3));

    private static Dictionary<TableCandidate, TableOptions> MatchOptions(
        List<TableCandidate> candidates, List<TableOptions> options, out List<TableOptions> unmatched)
    {
        var matched = new Dictionary<TableCandidate, TableOptions>();
        unmatched = new List<TableOptions>();
        foreach (var tableOptions in options)
        {
            var found = false;
            foreach (var candidate in candidates)
            {
                if (!Applies(tableOptions, candidate))
                {
                    continue;
                }

                found = true;
                if (!matched.ContainsKey(candidate))
                {
                    matched.Add(candidate, tableOptions);
                }
            }

            if (!found)
            {
                unmatched.Add(tableOptions);
            }
        }

        return matched;
    }

    private static bool Applies(TableOptions options, TableCandidate candidate)
    {
        if (options.SourceFile is not null && !Paths.Matches(candidate.RelativePath, options.SourceFile))
        {
            return false;
        }

        if (options.SourceTable is not null && SameTableName(candidate.Table.Name, options.SourceTable))
        {
            return true;
        }

        // Without a source table name, options apply to the table of that name, and to the only table of the source file.
        if (SameTableName(candidate.Table.Name, options.TableName))
        {
            return true;
        }

        return options.SourceTable is null && options.SourceFile is not null
            && candidate.TablesInDocument == 1;
    }

    public static bool SameTableName(string left, string right) =>
        string.Equals(Collapse(left), Collapse(right), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string name) => string.Join(" ", name.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A group while grouping: mutable, and turned into a <see cref="TableGroupInput"/> at the end.</summary>
internal sealed class TableGroup
{
    public TableGroup(string tableName, TableCandidate? primary)
    {
        TableName = tableName;
        Primary = primary;
    }

    public string TableName { get; }

    /// <summary>The candidate the table's location points at: the docs page where there is one; null for a table named only by name.</summary>
    public TableCandidate? Primary { get; set; }

    public TableCandidate? Authority { get; set; }

    public CatalogTable? Catalog { get; set; }

    public List<TableCandidate> DocumentTables { get; } = new();

    public TableOptions? Options { get; set; }
}
