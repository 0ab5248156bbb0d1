using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using CallLogGen.Schema;

namespace CallLogGen.Resolve;

/// <summary>All tables to generate, and every diagnostic the schema files gave.</summary>
internal sealed record ResolvedSchema(EquatableArray<TableSpec> Tables, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Joins what the readers found into the tables to generate: follows includes, applies table options,
/// merges a docs page with the JSON schema of the same table, adds standard columns, infers missing
/// types, decides required columns and gives every table and column its C# name.
/// </summary>
internal static class TableResolver
{
    public static ResolvedSchema Resolve(ImmutableArray<SchemaDocument> documents, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var ordered = documents
            .OrderBy(d => Paths.Normalize(d.RelativePath), StringComparer.Ordinal)
            .ThenBy(d => d.FilePath, StringComparer.Ordinal)
            .ToList();
        var diagnostics = new List<DiagnosticInfo>(ordered.SelectMany(d => d.Diagnostics));
        if (settings.RejectedNamespace is { } rejected)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidNamespace.Id, null, rejected, settings.Namespace));
        }

        var candidates = CollectCandidates(ordered, diagnostics);
        var options = ordered.SelectMany(d => d.Options).ToList();
        var groups = TableGrouping.Group(candidates, options, diagnostics);

        var tables = new List<TableSpec>();
        var typeNames = new Dictionary<string, TableSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var table = TableBuilder.Build(group, settings, diagnostics);
            if (table is null)
            {
                continue;
            }

            if (typeNames.TryGetValue(table.TypeName, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.DuplicateTypeName.Id, group.Primary.Table.Location,
                    table.TableName, table.TypeName, first.TableName, $"{first.SourcePath}({first.SourceLine},1)"));
                continue;
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.NoTables.Id, SourceSpan.At(document.FilePath, document.RelativePath, 0, 0, 0)));
            }

            foreach (var table in tables)
            {
                candidates.Add(new TableCandidate(document, table));
            }
        }

        return candidates;
    }
}

/// <summary>A table as one document gives it, with the document it came from.</summary>
internal sealed record TableCandidate(SchemaDocument Document, SourceTable Table)
{
    /// <summary>JSON schemas carry the real table: their names and types win over docs pages.</summary>
    public bool IsAuthoritative => Table.NameIsTableName;
}

/// <summary>
/// The documents that describe one table: at most one authoritative JSON schema, the docs tables merged
/// into it, and the table options that apply.
/// </summary>
internal sealed class TableGroup
{
    public TableGroup(string tableName, TableCandidate primary)
    {
        TableName = tableName;
        Primary = primary;
    }

    public string TableName { get; }

    /// <summary>The candidate the table's location points at: the docs page where there is one.</summary>
    public TableCandidate Primary { get; set; }

    public TableCandidate? Authority { get; set; }

    public List<TableCandidate> DocumentTables { get; } = new();

    public TableOptions? Options { get; set; }
}
