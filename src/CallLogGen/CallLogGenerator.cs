using System;
using System.Collections.Immutable;
using System.Linq;
using System.IO;
using CallLogGen.Diagnostics;
using CallLogGen.Emit;
using CallLogGen.Model;
using CallLogGen.Resolve;
using CallLogGen.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CallLogGen;

/// <summary>
/// The incremental pipeline: schema files in, one model per table out. Only wiring and tracking names
/// live here; reading is in Schema/, joining tables in Resolve/, writing C# in Emit/.
/// Nothing here touches the Compilation, so C# edits never re-run schema work.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CallLogGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for tests that check what re-ran.</summary>
    public static class Steps
    {
        public const string Settings = nameof(Settings);
        public const string RequestedTables = nameof(RequestedTables);
        public const string NoSchemaFiles = nameof(NoSchemaFiles);
        public const string SchemaFiles = nameof(SchemaFiles);
        public const string SchemaDocuments = nameof(SchemaDocuments);
        public const string SchemaPlan = nameof(SchemaPlan);
        public const string BuiltTables = nameof(BuiltTables);
        public const string ResolvedSchema = nameof(ResolvedSchema);
        public const string Tables = nameof(Tables);
        public const string EmittedTables = nameof(EmittedTables);
        public const string LanguageSupport = nameof(LanguageSupport);
        public const string TablesIndex = nameof(TablesIndex);
        public const string BuildSummary = nameof(BuildSummary);
        public const string LockFile = nameof(LockFile);
    }

    /// <summary>The AdditionalFiles metadata the package's props set on schema files.</summary>
    public const string SchemaMetadata = "build_metadata.AdditionalFiles.CallLogGenSchema";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadSettings(options.GlobalOptions))
            .WithTrackingName(Steps.Settings);

        // Apart from the settings, which every table's build compares: naming one more table rebuilds none of the others.
        var requestedTables = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadRequestedTables(options.GlobalOptions))
            .WithTrackingName(Steps.RequestedTables);

        var candidates = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSchemaFile(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left);

        // The lock file sits among the schema files but is never read as one: it is one more input, and each table's
        // build sees only its own small record of it, so editing the lock rebuilds no table whose record stays equal.
        var lockFile = candidates
            .Where(static file => Lock.LockFile.IsLockFile(file.Path))
            .Combine(settings)
            .Select(static (pair, cancellationToken) => Lock.LockFile.Read(ToSchemaFile(pair.Left, pair.Right, cancellationToken), cancellationToken))
            .Collect()
            .Select(static (snapshots, _) => Lock.LockFile.Merge(snapshots))
            .WithTrackingName(Steps.LockFile);

        var schemaFiles = candidates
            .Where(static file => !Lock.LockFile.IsLockFile(file.Path))
            .Combine(settings)
            .Select(static (pair, cancellationToken) => ToSchemaFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(Steps.SchemaFiles);

        var documents = schemaFiles
            .Select(static (file, cancellationToken) => SchemaReader.Read(file, cancellationToken))
            .WithTrackingName(Steps.SchemaDocuments);

        // Resolving runs in three steps so that an edit to one table's files rebuilds that table only: a cheap
        // plan over every document, a build per table (cached while its inputs compare equal), and a cheap finish.
        var plan = documents
            .Collect()
            .Combine(settings)
            .Combine(requestedTables)
            .Combine(lockFile)
            .Select(static (pair, cancellationToken) => TableResolver.Plan(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, cancellationToken, pair.Right))
            .WithTrackingName(Steps.SchemaPlan);

        var builtTables = plan
            .SelectMany(static (schema, _) => schema.Groups.AsImmutableArray())
            .Select(static (group, cancellationToken) => TableResolver.Build(group, cancellationToken))
            .WithTrackingName(Steps.BuiltTables);

        var resolved = plan
            .Select(static (schema, _) => schema.Diagnostics)
            .Combine(builtTables.Collect())
            .Select(static (pair, _) => TableResolver.Finish(pair.Left, pair.Right))
            .WithTrackingName(Steps.ResolvedSchema);

        var languageSupport = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest)
            .WithTrackingName(Steps.LanguageSupport);

        var tables = resolved
            .SelectMany(static (schema, _) => schema.Tables.AsImmutableArray())
            .WithTrackingName(Steps.Tables);

        // The emitters never read the other pages of a merged table (only the build summary does): without them, moving
        // such a table on one of its other pages re-emits nothing.
        var emittedTables = tables
            .Select(static (table, _) => table.OtherPages.IsEmpty ? table : table with { OtherPages = EquatableArray<TablePlace>.Empty })
            .WithTrackingName(Steps.EmittedTables);

        context.RegisterSourceOutput(emittedTables.Combine(languageSupport), static (output, pair) =>
        {
            if (IsSupported(pair.Right))
            {
                output.AddSource(pair.Left.HintName, SourceText.From(ModelEmitter.Emit(pair.Left), System.Text.Encoding.UTF8));
            }
        });

        // Only the type names: a column edit in one table must not re-emit the tables index.
        var tablesIndex = resolved
            .Select(static (schema, _) => schema.Tables.Select(static t => t.TypeName).ToEquatableArray())
            .Combine(settings.Select(static (s, _) => s.Namespace))
            .WithTrackingName(Steps.TablesIndex);

        context.RegisterSourceOutput(tablesIndex.Combine(languageSupport), static (output, pair) =>
        {
            if (IsSupported(pair.Right) && !pair.Left.Left.IsEmpty)
            {
                output.AddSource(TablesIndexEmitter.HintName, SourceText.From(TablesIndexEmitter.Emit(pair.Left.Right, pair.Left.Left), System.Text.Encoding.UTF8));
            }
        });

        // Nothing read and nothing named: say where the generator looked. A warning where the project means to use
        // CallLogGen (it has schemas/ or sets CallLogGen up), a note where it only has the package (transitively, say).
        var nothingToRead = documents.Collect()
            .Combine(requestedTables)
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => ReadLooked(options.GlobalOptions)))
            .Select(static (pair, _) => pair.Right with { NothingRead = pair.Left.Left.IsEmpty && pair.Left.Right.IsEmpty })
            .WithTrackingName(Steps.NoSchemaFiles);

        context.RegisterSourceOutput(nothingToRead, static (output, report) =>
        {
            if (report.NothingRead)
            {
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(report.Diagnostic));
            }
        });

        // Only what the summary names (files, types, tables, lines): a column edit re-runs this cheap step and reports nothing again.
        var summary = resolved
            .Select(static (schema, _) => BuildSummary.Lines(schema.Tables))
            .WithTrackingName(Steps.BuildSummary);
        var verbose = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(BuildSummary.VerboseProperty, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase));

        context.RegisterSourceOutput(summary.Combine(verbose).Combine(languageSupport), static (output, pair) =>
        {
            if (IsSupported(pair.Right))
            {
                foreach (var line in pair.Left.Left)
                {
                    output.ReportDiagnostic(BuildSummary.ToDiagnostic(line, verbose: pair.Left.Right));
                }
            }
        });

        context.RegisterSourceOutput(resolved.Select(static (schema, _) => schema.Diagnostics).Combine(languageSupport), static (output, pair) =>
        {
            if (!IsSupported(pair.Right))
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.UnsupportedLanguageVersion, Location.None, pair.Right.ToDisplayString()));
                return;
            }

            foreach (var diagnostic in pair.Left)
            {
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(diagnostic));
            }
        });
    }

    private static bool IsSupported(LanguageVersion version) =>
        version.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp10;

    /// <summary>
    /// The tables the project file names, <c>&lt;CallLogGenTable Include="ACSBillingUsage;AZKVAuditLogs" /&gt;</c>, which the
    /// package's props pass on as the CallLogGenTables property: first spelling of each name, in the file's order.
    /// </summary>
    private static EquatableArray<string> ReadRequestedTables(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue("build_property.CallLogGenTables", out var text) || string.IsNullOrWhiteSpace(text))
        {
            return EquatableArray<string>.Empty;
        }

        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return text.Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Where(seen.Add)
            .ToEquatableArray();
    }

    /// <summary>Where the generator looked for schema files, and whether finding none is worth a warning.</summary>
    private static NoSchemaFilesReport ReadLooked(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.CallLogGenSchemaFiles", out var globs);
        options.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        var meant = (options.TryGetValue("build_property.CallLogGenSchemasFolder", out var folder) && string.Equals(folder, "true", StringComparison.OrdinalIgnoreCase))
            || (options.TryGetValue("build_property.CallLogGenConfigured", out var configured) && string.Equals(configured, "true", StringComparison.OrdinalIgnoreCase));
        var where = (string.IsNullOrWhiteSpace(globs) ? "schemas/**/*.md;schemas/**/*.json" : globs!.Trim())
            + (string.IsNullOrWhiteSpace(projectDirectory) ? string.Empty : " under " + projectDirectory!.Trim());
        var diagnostic = DiagnosticInfo.Create(DiagnosticCatalog.NoSchemaFiles, null, where);
        return new NoSchemaFilesReport(false, meant ? diagnostic : diagnostic.AsInfo());
    }

    private static GeneratorSettings ReadSettings(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.CallLogGenNamespace", out var callLogGenNamespace);
        options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        options.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        return SettingsResolver.Resolve(callLogGenNamespace, rootNamespace, projectDirectory);
    }

    // The package's props mark schema files with CallLogGenSchema=true; without that metadata (a project
    // that lists files by hand), a .md or .json file in a folder named `schemas` counts.
    private static bool IsSchemaFile(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(file).TryGetValue(SchemaMetadata, out var marked) && !string.IsNullOrEmpty(marked))
        {
            return string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase);
        }

        var path = file.Path.Replace('\\', '/');
        return (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            && path.IndexOf("/schemas/", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static SchemaFile ToSchemaFile(AdditionalText file, GeneratorSettings settings, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SchemaFile(file.Path, RelativePath(file.Path, settings.ProjectDirectory), text);
    }

    private static string RelativePath(string path, string? projectDirectory)
    {
        // Fold `..` first: items included as $(MSBuildThisFileDirectory)../../schemas/x.md arrive unfolded.
        var normalized = Paths.Fold(path);
        if (projectDirectory is not null)
        {
            var root = Paths.Fold(projectDirectory).TrimEnd('/') + "/";
            if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(root.Length);
            }
        }

        // Outside the project (a linked file): the last folder and the name are enough to find it.
        var name = Path.GetFileName(normalized);
        var folder = Path.GetFileName(Path.GetDirectoryName(normalized) ?? string.Empty);
        return string.IsNullOrEmpty(folder) ? name : folder + "/" + name;
    }
}
