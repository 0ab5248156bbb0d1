using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallLogGen.Catalog;
using CallLogGen.Model;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Diagnostics;

/// <summary>
/// The build summary: one CLG1030 per schema file that generated something, naming each type with its table, and one for
/// the tables that have no schema file (named by <c>&lt;CallLogGenTable&gt;</c> or the table options, built from the Azure
/// Monitor reference). Info, so that a build shows it only at detailed verbosity, unless the project sets
/// <c>CallLogGenVerbose</c>: it is then reported as a warning, which a build shows at normal verbosity (the package's props
/// keep it out of TreatWarningsAsErrors).
/// </summary>
internal static class BuildSummary
{
    /// <summary>The build property that raises the summary to a warning (the props pass it on as a CompilerVisibleProperty).</summary>
    public const string VerboseProperty = "build_property.CallLogGenVerbose";

    /// <summary>
    /// The lines, by schema file (the built-in reference last), from what the resolved tables already carry: where each
    /// came from, its names. A table documented on several pages (CLG1025) is named on each of them, with the page whose
    /// table it is, so that no page's table seems to have gone missing.
    /// </summary>
    public static EquatableArray<BuildSummaryLine> Lines(EquatableArray<TableSpec> tables)
    {
        var entries = new Dictionary<string, (string Namespace, List<string> Types)>(StringComparer.Ordinal);
        void Add(string path, string ns, string entry)
        {
            if (!entries.TryGetValue(path, out var line))
            {
                entries[path] = line = (ns, new List<string>());
            }

            line.Types.Add(entry);
        }

        foreach (var table in tables)
        {
            Add(table.SourcePath, table.Namespace, Entry(table, table.SourceLine, mergedWith: null));
        }

        foreach (var table in tables)
        {
            foreach (var page in table.OtherPages)
            {
                Add(page.Path, table.Namespace, Entry(table, page.Line, mergedWith: table.SourcePath + ", line " + table.SourceLine.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return entries
            .OrderBy(e => e.Key == AzureMonitorCatalog.SourceLabel ? 1 : 0)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new BuildSummaryLine(e.Key, e.Value.Namespace, e.Value.Types.ToEquatableArray()))
            .ToEquatableArray();
    }

    private static string Entry(TableSpec table, int line, string? mergedWith) =>
        table.TypeName + " (table " + table.TableName
        + (line > 0 ? ", line " + line.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (mergedWith is null ? string.Empty : ", one model with " + mergedWith)
        + ")";

    public static Diagnostic ToDiagnostic(BuildSummaryLine line, bool verbose) => Diagnostic.Create(
        DiagnosticCatalog.BuildSummary,
        Location.None,
        verbose ? DiagnosticSeverity.Warning : DiagnosticCatalog.BuildSummary.DefaultSeverity,
        additionalLocations: null,
        properties: null,
        line.Source,
        line.Types.Count == 1 ? "1 type" : line.Types.Count.ToString(CultureInfo.InvariantCulture) + " types",
        line.Namespace,
        string.Join(", ", line.Types));
}
