using System.Collections.Immutable;
using System.Globalization;
using CallLogGen.Diagnostics;
using CallLogGen.Lock;
using CallLogGen.Model;
using CallLogGen.Resolve;
using CallLogGen.Schema;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tool.Schemas;

/// <summary>
/// Schema files read and resolved exactly as the generator does: <see cref="SchemaReader"/>, then
/// <see cref="TableResolver"/>; the lock file among them is never read as a schema, and (where asked) the tables are
/// compared with it as the build compares them.
/// </summary>
internal sealed class SchemaSet
{
    /// <summary>The namespace does not matter outside a build: tables and columns are what the tool compares.</summary>
    private const string Namespace = "CallLogs";

    private SchemaSet(ImmutableArray<SchemaDocument> documents, ResolvedSchema resolved, SchemaFile? lockFile)
    {
        Documents = documents;
        Resolved = resolved;
        LockFile = lockFile;
    }

    /// <summary>What the readers found in each file, before resolving.</summary>
    public ImmutableArray<SchemaDocument> Documents { get; }

    public ResolvedSchema Resolved { get; }

    public IReadOnlyList<TableSpec> Tables => Resolved.Tables;

    /// <summary>The lock file among the files, if there was one.</summary>
    public SchemaFile? LockFile { get; }

    public IEnumerable<DiagnosticInfo> Errors => Resolved.Diagnostics.Where(d => SeverityOf(d) == DiagnosticSeverity.Error);

    public static SchemaSet Resolve(IReadOnlyList<SchemaFile> files, string projectDirectory, bool compareWithLock, CancellationToken cancellationToken)
    {
        var lockFile = files.FirstOrDefault(f => Lock.LockFile.IsLockFile(f.FilePath));
        var documents = files
            .Where(f => !Lock.LockFile.IsLockFile(f.FilePath))
            .Select(f => SchemaReader.Read(f, cancellationToken))
            .ToImmutableArray();
        var snapshot = compareWithLock && lockFile is not null ? Lock.LockFile.Read(lockFile, cancellationToken) : null;
        var settings = new GeneratorSettings(Namespace, projectDirectory);
        return new SchemaSet(documents, TableResolver.Resolve(documents, settings, cancellationToken, lockFile: snapshot), lockFile);
    }

    public static DiagnosticSeverity SeverityOf(DiagnosticInfo diagnostic) => DiagnosticCatalog.Get(diagnostic.Id).DefaultSeverity;

    /// <summary>
    /// A diagnostic as compilers print them: <c>schemas/p.md(6,3): error CLG1004: table 'T' already has ...</c>, with the
    /// catalogue's message (its leading position, which the build needs inside the message, said once).
    /// </summary>
    public static string Format(DiagnosticInfo diagnostic)
    {
        var message = DiagnosticReporter.ToDiagnostic(diagnostic).GetMessage(CultureInfo.InvariantCulture);
        var severity = SeverityOf(diagnostic).ToString().ToLowerInvariant();
        if (diagnostic.Location is not { } location)
        {
            return $"callloggen: {severity} {diagnostic.Id}: {message}";
        }

        var prefix = location.Display + ": ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = message[prefix.Length..];
        }

        return $"{location.Display}: {severity} {diagnostic.Id}: {message}";
    }

    /// <summary>Diagnostics in file and line order (then as reported), for output that does not depend on the resolver's order.</summary>
    public static IEnumerable<DiagnosticInfo> Ordered(IEnumerable<DiagnosticInfo> diagnostics) =>
        diagnostics
            .Select((d, i) => (Diagnostic: d, Index: i))
            .OrderBy(d => d.Diagnostic.Location?.RelativePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Diagnostic.Location?.Line ?? -1)
            .ThenBy(d => d.Diagnostic.Location?.Column ?? -1)
            .ThenBy(d => d.Index)
            .Select(d => d.Diagnostic);
}
