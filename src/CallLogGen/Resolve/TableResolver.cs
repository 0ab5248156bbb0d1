using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Lock;
using CallLogGen.Model;
using CallLogGen.Shape;

namespace CallLogGen.Resolve;

/// <summary>
/// Joins what the readers found into the tables to generate: follows includes, applies table options,
/// merges a docs page with the JSON schema of the same table (or the built-in catalogue's), adds the tables the
/// project names, adds standard columns, infers missing types, decides required columns and gives every table and
/// column its C# name.
/// </summary>
internal static class TableResolver
{
    /// <summary>All three steps at once, as the pipeline runs them one after the other (tests use this).</summary>
    public static ResolvedSchema Resolve(ImmutableArray<SchemaDocument> documents, GeneratorSettings settings, CancellationToken cancellationToken, EquatableArray<string> requestedTables = default, LockSnapshot? lockFile = null)
    {
        var plan = Plan(documents, settings, requestedTables, cancellationToken, lockFile);
        var built = plan.Groups.Select(group => Build(group, cancellationToken)).ToImmutableArray();
        return Finish(plan.Diagnostics, built);
    }

    /// <summary>
    /// Step 1, over every document: follows includes, matches table options and decides which document tables
    /// make one table. Cheap; what it returns per table compares by value, so step 2 re-runs only for the
    /// tables an edit touched.
    /// </summary>
    /// <param name="requestedTables">The catalogue tables the project file names (<c>CallLogGenTable</c> items).</param>
    /// <param name="lockFile">The lock file's tables: each group gets its own table's record, and a locked table no group makes is reported.</param>
    public static SchemaPlan Plan(ImmutableArray<SchemaDocument> documents, GeneratorSettings settings, EquatableArray<string> requestedTables, CancellationToken cancellationToken, LockSnapshot? lockFile = null)
    {
        var ordered = documents
            .OrderBy(d => Paths.Normalize(d.RelativePath), StringComparer.Ordinal)
            .ThenBy(d => d.FilePath, StringComparer.Ordinal)
            .ToList();
        var diagnostics = new List<DiagnosticInfo>(ordered.SelectMany(d => d.Diagnostics));
        if (settings.RejectedNamespace is { } rejected)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidNamespace, null, rejected, settings.Namespace));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var candidates = CollectCandidates(ordered, diagnostics);
        var options = ordered.SelectMany(d => d.Options).ToList();
        var groups = TableGrouping.Group(candidates, options, requestedTables, settings, diagnostics);
        if (lockFile is { } locked)
        {
            diagnostics.AddRange(locked.Diagnostics);
            LockCheck.ReportGoneTables(locked, groups.Select(g => g.TableName), diagnostics);
            groups = groups.Select(g => g with { Lock = locked.Find(g.TableName) }).ToList();
        }

        return new SchemaPlan(groups.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Step 2, per table: builds it (merge, options, standard columns, types, names).</summary>
    public static BuiltTable Build(TableGroupInput group, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new TableBuilder(group).Build();
    }

    /// <summary>
    /// Step 3, over every built table: gives a second table of one C# name a name of its own (its type name and a number,
    /// in the order of the files: deterministic), with an Info that names both, and gathers the diagnostics.
    /// </summary>
    public static ResolvedSchema Finish(EquatableArray<DiagnosticInfo> planDiagnostics, ImmutableArray<BuiltTable> built)
    {
        var diagnostics = new List<DiagnosticInfo>(planDiagnostics);
        var tables = new List<TableSpec>();
        var typeNames = new Dictionary<string, TableSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in built)
        {
            diagnostics.AddRange(item.Diagnostics);
            if (item.Table is not { } table)
            {
                continue;
            }

            if (typeNames.TryGetValue(table.TypeName, out var first))
            {
                var unique = table.TypeName + "2";
                for (var n = 3; typeNames.ContainsKey(unique) || unique == GeneratedShape.TablesIndexType || GeneratedShape.IsReservedMemberName(unique); n++)
                {
                    unique = table.TypeName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.DuplicateTypeName, item.Location,
                    table.TableName, table.TypeName, first.TableName, first.SourceLine > 0 ? $"{first.SourcePath}({first.SourceLine},1)" : first.SourcePath, unique));
                table = table with { TypeName = unique, HintName = HintNames.For(table.SourceLine == 0 ? HintNames.CatalogFolder : table.SourcePath, unique) };
            }

            typeNames.Add(table.TypeName, table);
            tables.Add(table);
        }

        return new ResolvedSchema(tables.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static List<TableCandidate> CollectCandidates(List<SchemaDocument> documents, List<DiagnosticInfo> diagnostics)
    {
        var includes = new IncludeResolver(documents, diagnostics);
        var perDocument = documents.Select(d => (Document: d, Tables: includes.TablesOf(d).ToList())).ToList();
        var candidates = new List<TableCandidate>();
        foreach (var (document, tables) in perDocument)
        {
            if (includes.IncludedPaths.Contains(Paths.Normalize(document.RelativePath)))
            {
                continue;
            }

            if (document.Format == SchemaFormat.Markdown && tables.Count == 0)
            {
                // Say so: a page dropped into schemas/ that yields nothing would otherwise be a silent mystery.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.NoTables, SourceSpan.At(document.FilePath, document.RelativePath, 0, 0, 0)));
            }

            foreach (var table in tables)
            {
                candidates.Add(new TableCandidate(Paths.Normalize(document.RelativePath), table, document.Tables.Count + document.Includes.Count));
            }
        }

        return candidates;
    }
}
