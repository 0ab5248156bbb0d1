using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

    /// <summary>The lines, in schema-file order, from what the resolved tables already carry: where each came from, its names.</summary>
    public static EquatableArray<BuildSummaryLine> Lines(EquatableArray<TableSpec> tables)
    {
        var lines = new List<BuildSummaryLine>();
        foreach (var source in tables.GroupBy(t => t.SourcePath, StringComparer.Ordinal))
        {
            var types = source.Select(t => t.TypeName + " (table " + t.TableName
                + (t.SourceLine > 0 ? ", line " + t.SourceLine.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")");
            lines.Add(new BuildSummaryLine(source.Key, source.First().Namespace, types.ToEquatableArray()));
        }

        return lines.ToEquatableArray();
    }

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
