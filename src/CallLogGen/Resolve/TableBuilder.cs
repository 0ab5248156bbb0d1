using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Catalog;
using CallLogGen.Diagnostics;
using CallLogGen.Lock;
using CallLogGen.Model;
using CallLogGen.Schema;
using CallLogGen.Shape;

namespace CallLogGen.Resolve;

/// <summary>
/// Builds one table from its group. With a JSON schema, or else the built-in catalogue's table of that name, its
/// columns (names, types) are the table and the docs page supplies descriptions; every difference between the two
/// that the table options do not settle (a rename, a drop, an add, a type) is a drift warning. Without either, the
/// docs table is the table and the options correct it. One builder per table: <see cref="Build"/> runs the steps in order
/// over the builder's working state (the columns, the option entries, the names whose difference is settled).
/// </summary>
internal sealed class TableBuilder
{
    private readonly TableGroupInput _group;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly ColumnSet _columns;

    // The table options' column entries, and those a docs column already matched (an entry naming a column no
    // document lists is reported only if nothing used it).
    private readonly List<ColumnOptions> _entries;
    private readonly HashSet<ColumnOptions> _usedEntries = new();

    // Columns whose difference between the docs page and the JSON schema is settled, so not reported as drift.
    private readonly HashSet<string> _settled = new(StringComparer.OrdinalIgnoreCase);

    public TableBuilder(TableGroupInput group)
    {
        _group = group;
        _columns = new ColumnSet(group.Primary?.Table.Name ?? group.TableName, _diagnostics);
        _entries = group.Options?.Columns.ToList() ?? new List<ColumnOptions>();
    }

    private string TableName => _group.TableName;

    private TableOptions? Options => _group.Options;

    /// <summary>The table (null where it cannot be built), where it stands, and every diagnostic on the way.</summary>
    public BuiltTable Build()
    {
        TakeColumns();
        MergeDocumentTables();
        ApplyOptions();
        AddStandardColumns();
        ReportUndocumentedColumns();
        OrderAsTheCatalogue();
        if (NameType() is not { } typeName)
        {
            return Result(null);
        }

        var columns = FinishColumns(typeName);
        if (columns.Count == 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.EmptyTable, _group.Location, TableName));
            return Result(null);
        }

        var table = Table(typeName, columns);
        LockCheck.Compare(table, _group.Lock, name => _columns.FindExact(name)?.Location, _group.Location, _diagnostics);
        return Result(table);
    }

    private BuiltTable Result(TableSpec? table) => new(table, _group.Location, _diagnostics.ToEquatableArray());

    /// <summary>Whether the table's columns come from a real table (a JSON schema or the catalogue) rather than a docs page.</summary>
    private bool HasRealColumns => _group.Authority is not null || _group.Catalog is not null;

    /// <summary>
    /// The user's JSON schema's columns where there is one (it replaces the catalogue's, which may be older: an Info
    /// names what the catalogue has besides), else the catalogue's (the real table), else the docs table's.
    /// </summary>
    private void TakeColumns()
    {
        if (_group.Authority is { } authority)
        {
            foreach (var column in authority.Table.Columns)
            {
                _columns.Add(WorkColumn.OfAuthority(column));
            }

            ReportCatalogColumnsReplaced(authority);
            return;
        }

        if (_group.Catalog is { } catalog)
        {
            foreach (var column in catalog.Columns)
            {
                _columns.Add(WorkColumn.OfCatalog(column));
            }

            return;
        }

        foreach (var column in _group.Primary!.Table.Columns)
        {
            _columns.Add(WorkColumn.From(column));
        }
    }

    private void ReportCatalogColumnsReplaced(TableCandidate authority)
    {
        if (_group.Catalog is not { } catalog)
        {
            return;
        }

        var dropped = catalog.Columns.Where(c => _columns.FindExact(c.Name) is null).Select(c => c.Name + ":" + c.Type.ToKqlName()).ToList();
        if (dropped.Count > 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.CatalogColumnsReplaced, authority.Table.Location, TableName, string.Join(", ", dropped)));
        }
    }

    /// <summary>
    /// Merges each docs table into the real table's columns: descriptions, locations and required flags come from
    /// the page; a column the page lists and the table lacks, or types that disagree, are drift.
    /// </summary>
    private void MergeDocumentTables()
    {
        if (!HasRealColumns)
        {
            return;
        }

        foreach (var document in _group.DocumentTables)
        {
            foreach (var docColumn in document.Table.Columns)
            {
                MergeDocumentColumn(docColumn);
            }
        }
    }

    private void MergeDocumentColumn(SourceColumn docColumn)
    {
        var entry = FindEntry(docColumn.Name, ColumnAction.Update, ColumnAction.Drop);
        if (entry is not null)
        {
            _usedEntries.Add(entry);
        }

        if (entry?.Action == ColumnAction.Drop)
        {
            // The page lists a column the table does not have, on purpose: nothing to merge.
            _settled.Add(docColumn.Name);
            if (_columns.Find(docColumn.Name) is { } present && present.FromAuthority)
            {
                _columns.Remove(present);
            }

            return;
        }

        var target = entry?.Rename is { } rename ? _columns.FindExact(rename) : _columns.Find(docColumn.Name) ?? FindByExportName(docColumn.Name);
        if (target is null)
        {
            if (!IsEnvelopeField(docColumn.Name))
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DriftDescriptor, docColumn.Location, TableName,
                    $"the document lists column '{docColumn.Name}', which the table does not have"));
            }

            return;
        }

        _settled.Add(target.Name);
        var first = !target.MatchedByDocument;
        target.MatchedByDocument = true;
        if (docColumn.Description.Length > 0 && !target.DescribedByDocument)
        {
            // The first page (in path order) that describes the column describes it.
            target.Description = docColumn.Description;
            target.DescribedByDocument = true;
        }

        if (first)
        {
            target.Location = docColumn.Location;
        }

        if (docColumn.Required != Requiredness.Unspecified)
        {
            target.Required = docColumn.Required;
        }

        if (docColumn.Type is { } documentedType && target.Type is { } realType && documentedType != realType && entry?.Type is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DriftDescriptor, docColumn.Location, TableName,
                $"the document gives column '{docColumn.Name}' the type {documentedType.ToKqlName()}, the table {realType.ToKqlName()}"));
        }
    }

    /// <summary>Drift against the user's own JSON schema (CLG1013) or against the Azure Monitor reference (CLG1023): both Info.</summary>
    private Microsoft.CodeAnalysis.DiagnosticDescriptor DriftDescriptor =>
        _group.Authority is not null ? DiagnosticCatalog.SchemaDrift : DiagnosticCatalog.DocsDriftFromReference;

    /// <summary>
    /// The column a page writes under the export record's name: <c>time</c> or <c>Timestamp</c> for <c>TimeGenerated</c>,
    /// <c>resourceId</c> for <c>_ResourceId</c>, taken only where the table has no column of the page's name itself.
    /// </summary>
    private WorkColumn? FindByExportName(string name) =>
        ColumnNames.ExportAlias(ColumnNames.Key(name)) is { } alias ? _columns.Items.FirstOrDefault(c => ColumnNames.Key(c.Name) == alias) : null;

    /// <summary>The export record's envelope, which a table spreads into columns: <c>properties</c>, and <c>category</c> where it has no such column.</summary>
    private static bool IsEnvelopeField(string name) => ColumnNames.Key(name) is "properties" or "category";

    /// <summary>The table options' column entries: drop, update (rename, type, required, C# name) and add.</summary>
    private void ApplyOptions()
    {
        foreach (var entry in _entries)
        {
            switch (entry.Action)
            {
                case ColumnAction.Drop:
                    if (_columns.Find(entry.Column) is { } dropped)
                    {
                        _columns.Remove(dropped);
                        _settled.Add(entry.Column);
                    }
                    else
                    {
                        ReportUnknownColumnUnlessUsed(entry);
                    }

                    break;

                case ColumnAction.Update:
                    var target = _columns.Find(entry.Column) ?? (entry.Rename is null ? null : _columns.FindExact(entry.Rename));
                    if (target is null)
                    {
                        ReportUnknownColumnUnlessUsed(entry);
                        break;
                    }

                    Update(target, entry);
                    _settled.Add(target.Name);
                    break;

                case ColumnAction.Add:
                    _settled.Add(entry.Rename ?? entry.Column);
                    if ((_columns.FindExact(entry.Rename ?? entry.Column) ?? _columns.Find(entry.Column)) is { } existing)
                    {
                        // The real table has it and the page does not: the entry settles that, and may add facts.
                        Update(existing, entry);
                        break;
                    }

                    if (entry.Type is null && entry.TypeText is null)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, entry.Location,
                            $"column '{entry.Column}': an \"add\" entry needs a \"type\" where neither the table's JSON schema nor the Azure Monitor reference has the column"));
                        break;
                    }

                    _columns.Add(new WorkColumn(entry.Rename ?? entry.Column, entry.Location)
                    {
                        Type = entry.Type,
                        TypeText = entry.TypeText,
                        Description = entry.Description ?? string.Empty,
                    }.WithOptions(entry));
                    break;
            }
        }
    }

    private void ReportUnknownColumnUnlessUsed(ColumnOptions entry)
    {
        if (!_usedEntries.Contains(entry))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.OptionsUnknownColumn, entry.Location, TableName, entry.Column));
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

    /// <summary>The Azure Monitor standard columns the table options ask for, each added unless the table has it.</summary>
    private void AddStandardColumns()
    {
        if (Options is not { } options)
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
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownStandardColumn, options.Location, name, StandardColumns.KnownNames));
            }
        }

        foreach (var column in wanted)
        {
            _settled.Add(column.Name);
            if (_columns.FindExact(column.Name) is { } present)
            {
                if (present.Description.Length == 0)
                {
                    present.Description = column.Description;
                }

                continue;
            }

            _columns.Add(new WorkColumn(column.Name, location: null) { Type = column.Type, Description = column.Description });
        }
    }

    /// <summary>Drift the other way: a real table's column that no docs page lists and nothing settles.</summary>
    private void ReportUndocumentedColumns()
    {
        if (!HasRealColumns || _group.DocumentTables.Count == 0)
        {
            return;
        }

        if (Options?.AcceptUndocumentedColumns == true)
        {
            return;
        }

        // One note for all of them: a page that documents ten of a table's forty columns is normal.
        var undocumented = _columns.Items
            .Where(c => c.FromAuthority && !c.MatchedByDocument && !_settled.Contains(c.Name))
            .Select(c => $"'{c.Name}' ({c.Type?.ToKqlName() ?? "untyped"})")
            .ToList();
        if (undocumented.Count > 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DriftDescriptor, _group.Location, TableName,
                undocumented.Count == 1
                    ? $"the table has column {undocumented[0]}, which the document does not list"
                    : $"the table has {undocumented.Count} columns the document does not list: {string.Join(", ", undocumented)}"));
        }
    }

    /// <summary>
    /// A catalogue table's columns stand in the catalogue's order, whichever file gave them, so that the table's shape
    /// does not depend on which file described it; columns the catalogue does not have follow, in their own order.
    /// </summary>
    private void OrderAsTheCatalogue()
    {
        if (_group.Catalog is not { } catalog)
        {
            return;
        }

        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Columns.Count; i++)
        {
            rank[catalog.Columns[i].Name] = i;
        }

        _columns.Order((column, index) => rank.TryGetValue(column.Name, out var position) ? position : catalog.Columns.Count + index);
    }

    /// <summary>The model's C# name: the options' typeName, else the table name in PascalCase; null where there is none.</summary>
    private string? NameType()
    {
        if (Options?.TypeName is { } chosen)
        {
            if (CSharpNames.IsUsableIdentifier(chosen) && !IsTakenTypeName(chosen))
            {
                return chosen;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, Options.Location, IsTakenTypeName(chosen)
                ? $"typeName '{chosen}' is a name the generated code takes (a member of every model, or the tables index)"
                : $"typeName '{chosen}' is not a valid C# identifier"));
        }

        var typeName = CSharpNames.ToPascalCase(TableName);
        if (typeName is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidName, _group.Location, TableName));
        }

        return IsTakenTypeName(typeName) ? typeName + "Record" : typeName;
    }

    // The generated tables index owns its name in every namespace, and no model may be named like one of its own members.
    private static bool IsTakenTypeName(string? name) => name is not null && (name == GeneratedShape.TablesIndexType || GeneratedShape.IsReservedMemberName(name));

    /// <summary>The columns as the emitters get them: property names, inferred types, required flags, export facts.</summary>
    private List<ColumnSpec> FinishColumns(string typeName)
    {
        var named = NameProperties(typeName);
        var specs = new List<ColumnSpec>(named.Count);
        foreach (var (column, propertyName) in named)
        {
            var type = column.Type ?? KqlType.String;
            var inferred = false;
            if (column.Type is null && column.TypeText is null)
            {
                var inference = TypeInference.Infer(column.Name, column.Description);
                type = inference.Type;
                inferred = true;
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.TypeInferred, column.Location, column.Name, type.ToKqlName(), inference.Rule));
            }

            var required = RequiredRules.IsRequired(column.Name, type, column.Required, column.RequiredFromOptions, column.Description);
            var obsolete = column.Obsolete;
            if (obsolete is not null && required)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.ObsoleteRequiredColumn, column.ObsoleteLocation ?? column.OptionsLocation, column.Name, TableName));
                obsolete = null;
            }

            var location = column.Location;
            specs.Add(new ColumnSpec(
                column.Name,
                type,
                propertyName,
                required,
                inferred,
                column.Description,
                location is { } l ? Paths.Normalize(l.RelativePath) : column.FromCatalog ? AzureMonitorCatalog.SourceLabel : string.Empty,
                location is { } at ? at.Line + 1 : 0,
                column.ExportPath ?? ExportPaths.Default(column.Name),
                column.LowCardinality ?? ExportPaths.IsLowCardinality(column.Name, type))
            {
                Obsolete = obsolete,
            });
        }

        return specs;
    }

    /// <summary>
    /// Each column's property name, unique within the model; a column with no usable name is dropped. A column whose
    /// name already is its property name keeps it; the others that collide are numbered in column order
    /// (<c>ResourceId</c> keeps its name beside <c>_ResourceId</c>, which becomes ResourceId2).
    /// </summary>
    private List<(WorkColumn Column, string PropertyName)> NameProperties(string typeName)
    {
        var kept = new List<(WorkColumn Column, string Candidate)>();
        foreach (var column in _columns.Items)
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
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidOptions, column.OptionsLocation ?? column.Location, $"propertyName '{chosen}' is not a valid C# identifier"));
                    candidate = CSharpNames.ToPascalCase(column.Name);
                }
            }
            else
            {
                candidate = CSharpNames.ToPascalCase(column.Name);
            }

            if (candidate is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidName, column.Location, column.Name));
                continue;
            }

            if (candidate == typeName || GeneratedShape.IsReservedMemberName(candidate))
            {
                candidate += "Value";
            }

            kept.Add((column, candidate));
        }

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

        return kept.Select((k, i) => (k.Column, names[i])).ToList();
    }

    private TableSpec Table(string typeName, List<ColumnSpec> columns)
    {
        var primary = _group.Primary;
        var description = Options?.Description
            ?? FirstText(_group.DocumentTables.Select(d => d.Table.Description))
            ?? _group.Authority?.Table.Description;
        var routes = Routes();
        return new TableSpec(
            TableName,
            _group.Settings.Namespace,
            typeName,
            HintNames.For(primary?.RelativePath ?? HintNames.CatalogFolder, typeName),
            Options?.Category ?? (routes.Count > 0 ? routes[0].Category : null),
            description,
            primary?.RelativePath ?? AzureMonitorCatalog.SourceLabel,
            primary is null ? 0 : primary.Table.Location.Line + 1,
            columns.ToEquatableArray(),
            routes)
        {
            OtherPages = _group.DocumentTables
                .Where(d => d != primary)
                .Select(d => new TablePlace(d.RelativePath, d.Table.Location.Line + 1))
                .OrderBy(p => p.Path, StringComparer.Ordinal)
                .ThenBy(p => p.Line)
                .ToEquatableArray(),
        };
    }

    /// <summary>
    /// The (resource type, category) pairs whose records land in the table: the options' routes where given (they
    /// replace the catalogue's), else the catalogue's; the options' category adds one from any resource type.
    /// </summary>
    private EquatableArray<TableRoute> Routes()
    {
        var routes = new List<TableRoute>(Options?.Routes ?? _group.Catalog?.Routes ?? EquatableArray<TableRoute>.Empty);
        if (Options?.Category is { } category && !routes.Exists(r => r.ResourceType is null && string.Equals(r.Category, category, StringComparison.OrdinalIgnoreCase)))
        {
            routes.Add(new TableRoute(null, category));
        }

        return routes.ToEquatableArray();
    }

    private ColumnOptions? FindEntry(string name, ColumnAction first, ColumnAction second)
    {
        foreach (var entry in _entries)
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
