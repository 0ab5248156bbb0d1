using System.Linq;
using CallLogGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CallLogGen.Diagnostics;

/// <summary>Turns pipeline diagnostics into Roslyn ones at the last moment, with their file location.</summary>
internal static class DiagnosticReporter
{
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticCatalog.Get(info.Id);
        var location = info.Location is { } span
            ? Location.Create(
                span.FilePath,
                new TextSpan(span.Start, span.Length),
                new LinePositionSpan(new LinePosition(span.Line, span.Column), new LinePosition(span.EndLine, span.EndColumn)))
            : Location.None;
        // Schema messages open with the file position; messages about the project have no {0} for it.
        var arguments = descriptor.Category == DiagnosticCatalog.SchemaCategory
            ? new object[] { info.Location?.Display ?? "project file" }.Concat(info.Arguments.Select(a => (object)a)).ToArray()
            : info.Arguments.Select(a => (object)a).ToArray();
        return info.Severity is { } severity && severity != descriptor.DefaultSeverity
            ? Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties: null, arguments)
            : Diagnostic.Create(descriptor, location, arguments);
    }
}
