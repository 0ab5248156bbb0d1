using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using CallLogGen.Schema;

namespace CallLogGen.Resolve;

/// <summary>
/// Builds one table from its group. With a JSON schema, its columns (names, types, order) are the table
/// and the docs page supplies descriptions; every difference between the two that the table options do
/// not settle (a rename, a drop, an add, a type) is a drift warning. Without one, the docs table is the
/// table and the options correct it.
/// </summary>
internal static class TableBuilder
{
    /// <summary>The type that lists every table's schema; no table may take its name.</summary>
    public const string CatalogTypeName = "CallLogTables";

    // Members every generated model has, which no column property may take.
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Schema", "KqlColumns", "Query", "Json", "JsonMapping", "UnmappedFields", "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    public static TableSpec? Build(TableGroupInput group, List<DiagnosticInfo> diagnostics)
    {
        var settings = group.Settings;
        var options = group.Options;
        var primary = group.Primary;
        var columns = new ColumnSet(primary.Table.Name, diagnostics);
        var settled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = options?.Columns.ToList() ?? new List<ColumnOptions>();
        var used = new HashSet<ColumnOptions>();

        if (group.Authority is { } authority)
        {
            foreach (var column in authority.Table.Columns)
            {
                columns.Add(WorkColumn.OfAuthority(column));
            }

            foreach (var document in group.DocumentTables)
            {
                MergeDocumentTable(document, columns, entries, used, settled, diagnostics, group.TableName);
            }
        }
        else
        {
            foreach (var column in primary.Table.Columns)
            {
                columns.Add(WorkColumn.From(column));
            }
        }

        ApplyOptions(columns, entries, used, settled, diagnostics, group.TableName);
        AddStandardColumns(columns, options, settled, diagnostics);

        if (group.Authority is not null && group.DocumentTables.Count > 0)
        {
            ReportColumnsMissingFromDocument(group, columns, settled, diagnostics);
        }

        var tableName = group.TableName;
        var typeName = TypeNameOf(tableName, options, primary, diagnostics);
        if (typeName is null)
        {
            return null;
        }

        var specs = FinishColumns(columns.Items, typeName, diagnostics);
        if (specs.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.EmptyTable, primary.Table.Location, tableName));
            return null;
        }

        var relativePath = primary.RelativePath;
        var description = options?.Description ?? FirstText(group.DocumentTables.Select(d => d.Table.Description)) ?? group.Authority?.Table.Description;
        return new TableSpec(
            tableName,
            settings.Namespace,
            typeName,
            HintNames.For(relativePath, typeName),
            options?.Category,
            description,
            relativePath,
            primary.Table.Location.Line + 1,
            specs.ToEquatableArray());
    }

    private static void MergeDocumentTable(
        TableCandidate document, ColumnSet columns, List<ColumnOptions> entries, HashSet<ColumnOptions> used,
        HashSet<string> settled, List<DiagnosticInfo> diagnostics, string tableName)
    {
        foreach (var docColumn in document.Table.Columns)
        {
            var entry = FindEntry(entries, docColumn.Name, ColumnAction.Update, ColumnAction.Drop);
            if (entry is not null)
            {
                used.Add(entry);
            }

            if (entry?.Action == ColumnAction.Drop)
            {
                // The page lists a column the table does not have, on purpose: nothing to merge.
                settled.Add(docColumn.Name);
                if (columns.Find(docColumn.Name) is { } present && present.FromAuthority)
                {
                    columns.Remove(present);
                }

                continue;
            }

            var target = entry?.Rename is { } rename ? columns.FindExact(rename) : columns.Find(docColumn.Name);
            if (target is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.SchemaDrift, docColumn.Location, tableName,
                    $"the document lists column '{docColumn.Name}', which the table does not have"));
                continue;
            }

            settled.Add(target.Name);
            target.MatchedByDocument = true;
            if (docColumn.Description.Length > 0)
            {
                target.Description = docColumn.Description;
            }

            target.Location = docColumn.Location;
            if (docColumn.Required != Requiredness.Unspecified)
            {
                target.Required = docColumn.Required;
            }

            if (docColumn.Type is { } documentedType && target.Type is { } realType && documentedType != realType && entry?.Type is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.SchemaDrift, docColumn.Location, tableName,
                    $"the document gives column '{docColumn.Name}' the type {documentedType.ToKqlName()}, the table {realType.ToKqlName()}"));
            }
        }
    }

    private static void ApplyOptions(
        ColumnSet columns, List<ColumnOptions> entries, HashSet<ColumnOptions> used, HashSet<string> settled,
        List<DiagnosticInfo> diagnostics, string tableName)
    {
        foreach (var entry in entries)
        {
            switch (entry.Action)
            {
                case ColumnAction.Drop:
                    if (columns.Find(entry.Column) is { } dropped)
                    {
                        columns.Remove(dropped);
                        settled.Add(entry.Column);
                    }
                    else if (!used.Contains(entry))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.OptionsUnknownColumn, entry.Location, tableName, entry.Column));
                    }

                    break;

                case ColumnAction.Update:
                    var target = columns.Find(entry.Column) ?? (entry.Rename is null ? null : columns.FindExact(entry.Rename));
                    if (target is null)
                    {
                        if (!used.Contains(entry))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.OptionsUnknownColumn, entry.Location, tableName, entry.Column));
                        }

                        break;
                    }

                    Update(target, entry);
                    settled.Add(target.Name);
                    break;

                case ColumnAction.Add:
                    settled.Add(entry.Rename ?? entry.Column);
                    if ((columns.FindExact(entry.Rename ?? entry.Column) ?? columns.Find(entry.Column)) is { } existing)
                    {
                        // The real table has it and the page does not: the entry settles that, and may add facts.
                        Update(existing, entry);
                        break;
                    }

                    columns.Add(new WorkColumn(entry.Rename ?? entry.Column, entry.Location)
                    {
                        Type = entry.Type,
                        TypeText = entry.TypeText,
                        Description = entry.Description ?? string.Empty,
                    }.WithOptions(entry));
                    break;
            }
        }
    }

    private static void Update(WorkColumn column, ColumnOptions entry)
    {
        if (entry.Rename is not null)
        {
            column.Name = entry.Rename;
        }

        if (entry.Type is not null || entry.TypeText is not null)
        {
            column.Type = entry.Type;
            column.TypeText = entry.TypeText;
        }

        if (entry.Description is not null)
        {
            column.Description = entry.Description;
        }

        column.WithOptions(entry);
    }

    private static void AddStandardColumns(ColumnSet columns, TableOptions? options, HashSet<string> settled, List<DiagnosticInfo> diagnostics)
    {
        if (options is null)
        {
            return;
        }

        var wanted = new List<StandardColumns.StandardColumn>();
        if (options.StandardColumns.ResourceLogSet)
        {
            wanted.AddRange(StandardColumns.ResourceLogSet);
        }

        foreach (var name in options.StandardColumns.Names)
        {
            if (StandardColumns.TryGet(name, out var column))
            {
                wanted.Add(column);
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownStandardColumn, options.Location, name, StandardColumns.KnownNames));
            }
        }

        foreach (var column in wanted)
        {
            settled.Add(column.Name);
            if (columns.FindExact(column.Name) is { } present)
            {
                if (present.Description.Length == 0)
                {
                    present.Description = column.Description;
                }

                continue;
            }

            columns.Add(new WorkColumn(column.Name, location: null) { Type = column.Type, Description = column.Description });
        }
    }

    private static void ReportColumnsMissingFromDocument(TableGroupInput group, ColumnSet columns, HashSet<string> settled, List<DiagnosticInfo> diagnostics)
    {
        foreach (var column in columns.Items)
        {
            if (column.FromAuthority && !column.MatchedByDocument && !settled.Contains(column.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.SchemaDrift, group.Primary.Table.Location, group.TableName,
                    $"the table has column '{column.Name}' ({column.Type?.ToKqlName() ?? "untyped"}), which the document does not list"));
            }
        }
    }

    private static string? TypeNameOf(string tableName, TableOptions? options, TableCandidate primary, List<DiagnosticInfo> diagnostics)
    {
        if (options?.TypeName is { } chosen)
        {
            if (CSharpNames.IsUsableIdentifier(chosen))
            {
                return chosen;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, options.Location, $"typeName '{chosen}' is not a valid C# identifier"));
        }

        var typeName = CSharpNames.ToPascalCase(tableName);
        if (typeName is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidName, primary.Table.Location, tableName));
        }

        // The generated catalogue owns this name in every namespace.
        return typeName == CatalogTypeName ? typeName + "Record" : typeName;
    }

    private static List<ColumnSpec> FinishColumns(IReadOnlyList<WorkColumn> columns, string typeName, List<DiagnosticInfo> diagnostics)
    {
        var kept = new List<(WorkColumn Column, string Candidate)>();
        foreach (var column in columns)
        {
            string? candidate;
            if (column.PropertyName is { } chosen)
            {
                if (CSharpNames.IsUsableIdentifier(chosen))
                {
                    candidate = chosen;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, column.OptionsLocation ?? column.Location, $"propertyName '{chosen}' is not a valid C# identifier"));
                    candidate = CSharpNames.ToPascalCase(column.Name);
                }
            }
            else
            {
                candidate = CSharpNames.ToPascalCase(column.Name);
            }

            if (candidate is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidName, column.Location, column.Name));
                continue;
            }

            if (candidate == typeName || ReservedMemberNames.Contains(candidate))
            {
                candidate += "Value";
            }

            kept.Add((column, candidate));
        }

        // A column whose name already is its property name keeps it; the others that collide are numbered
        // in column order (`ResourceId` keeps its name beside `_ResourceId`, which becomes ResourceId2).
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new string[kept.Count];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < kept.Count; i++)
            {
                var exact = kept[i].Column.Name == kept[i].Candidate || kept[i].Column.PropertyName is not null;
                if ((pass == 0) == exact && names[i] is null)
                {
                    names[i] = CSharpNames.MakeUnique(kept[i].Candidate, taken);
                }
            }
        }

        var specs = new List<ColumnSpec>(kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            var column = kept[i].Column;
            var type = column.Type ?? KqlType.String;
            var inferred = false;
            if (column.Type is null && column.TypeText is null)
            {
                var inference = TypeInference.Infer(column.Name, column.Description);
                type = inference.Type;
                inferred = true;
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.TypeInferred, column.Location, column.Name, type.ToKqlName(), inference.Rule));
            }

            var required = RequiredRules.IsRequired(column.Name, type, column.Required, column.RequiredFromOptions, column.Description);
            var location = column.Location;
            specs.Add(new ColumnSpec(
                column.Name,
                type,
                names[i],
                required,
                inferred,
                column.Description,
                location is { } l ? Paths.Normalize(l.RelativePath) : string.Empty,
                location is { } at ? at.Line + 1 : 0,
                column.ExportPath ?? ExportPaths.Default(column.Name),
                column.LowCardinality ?? ExportPaths.IsLowCardinality(column.Name, type)));
        }

        return specs;
    }

    private static ColumnOptions? FindEntry(List<ColumnOptions> entries, string name, ColumnAction first, ColumnAction second)
    {
        foreach (var entry in entries)
        {
            if ((entry.Action == first || entry.Action == second) && ColumnNames.Same(entry.Column, name))
            {
                return entry;
            }
        }

        return null;
    }

    private static string? FirstText(IEnumerable<string?> texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
