using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Benchmarks;

/// <summary>Which generator a scenario runs.</summary>
public enum GeneratorKind
{
    /// <summary>CallLogGen over N docs pages (AdditionalFiles).</summary>
    CallLogGen,

    /// <summary>The System.Text.Json source generator over N model classes named by one JsonSerializerContext.</summary>
    SystemTextJson,
}

/// <summary>
/// Everything one generator needs for N tables, built once: the compilation (user code, plus the models and
/// the context for System.Text.Json), the schema files (for CallLogGen), and the edited variants the
/// incremental scenarios switch to. A driver is made as the compiler makes one: generators, AdditionalFiles,
/// parse options and the analyzer config with the build properties the package's props pass.
/// </summary>
public sealed class Scenario
{
    public const string ProjectDirectory = "/src/Contoso.App/";

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TableSchema).Assembly.Location))
            .ToImmutableArray();

    private readonly ISourceGenerator[] _generators;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly bool _track;

    private Scenario(GeneratorKind kind, int tableCount, bool track)
    {
        Kind = kind;
        TableCount = tableCount;
        _track = track;
        Tables = Workload.Tables(tableCount);
        ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _options = new SchemaFileOptionsProvider(new Dictionary<string, string>
        {
            ["RootNamespace"] = "Contoso.App",
            ["ProjectDir"] = ProjectDirectory,
            ["CallLogGenNamespace"] = Workload.ModelNamespace,
        });

        var userCode = Parse(Workload.UserCode(0), "Startup.cs");
        var trees = new List<SyntaxTree> { userCode };
        if (kind == GeneratorKind.SystemTextJson)
        {
            _generators = SystemTextJsonGenerator.Generators;
            trees.Add(Parse(Workload.JsonContext(Tables), "TelemetryJsonContext.cs"));
            trees.AddRange(Tables.Select(t => Parse(Workload.ModelClass(t), Workload.ModelPath(t))));
            AdditionalTexts = ImmutableArray<AdditionalText>.Empty;
        }
        else
        {
            _generators = new[] { new CallLogGenerator().AsSourceGenerator() };
            AdditionalTexts = Tables.Select(t => (AdditionalText)new InMemoryAdditionalText(ProjectDirectory + Workload.SchemaPath(t), Workload.MarkdownPage(t))).ToImmutableArray();
        }

        Compilation = CSharpCompilation.Create(
            "Contoso.App",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        UnrelatedEdit = Compilation.ReplaceSyntaxTree(userCode, Parse(Workload.UserCode(1), "Startup.cs"));

        var first = Tables[0];
        var edited = Workload.Edited(first);
        if (kind == GeneratorKind.SystemTextJson)
        {
            var model = Compilation.SyntaxTrees.Single(t => t.FilePath == ProjectDirectory + Workload.ModelPath(first));
            ModelEdit = Compilation.ReplaceSyntaxTree(model, Parse(Workload.ModelClass(edited), Workload.ModelPath(first)));
            SchemaBefore = SchemaAfter = null;
        }
        else
        {
            ModelEdit = null;
            SchemaBefore = AdditionalTexts[0];
            SchemaAfter = new InMemoryAdditionalText(SchemaBefore.Path, Workload.MarkdownPage(edited));
        }
    }

    public GeneratorKind Kind { get; }

    public int TableCount { get; }

    public IReadOnlyList<TableDef> Tables { get; }

    public CSharpParseOptions ParseOptions { get; }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    /// <summary>The project as it starts.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The project after an edit to code neither generator reads (a method body).</summary>
    public CSharpCompilation UnrelatedEdit { get; }

    /// <summary>System.Text.Json: the project with one column renamed in the first model class.</summary>
    public CSharpCompilation? ModelEdit { get; }

    /// <summary>CallLogGen: the first schema file, before and after renaming one column in it.</summary>
    public AdditionalText? SchemaBefore { get; }

    /// <inheritdoc cref="SchemaBefore"/>
    public AdditionalText? SchemaAfter { get; }

    public static Scenario Create(GeneratorKind kind, int tableCount, bool trackSteps = false) => new(kind, tableCount, trackSteps);

    /// <summary>A new driver, as a new compiler process (or a restarted IDE) makes.</summary>
    public GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            _generators,
            AdditionalTexts,
            ParseOptions,
            _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: _track));

    /// <summary>
    /// Applies the one-file edit (<paramref name="edited"/>) or takes it back, and runs: CallLogGen gets the
    /// schema file replaced in an unchanged project; System.Text.Json gets the project with the model edited.
    /// </summary>
    public GeneratorDriver RunAfterFileEdit(GeneratorDriver driver, bool edited)
    {
        if (Kind == GeneratorKind.SystemTextJson)
        {
            return driver.RunGenerators(edited ? ModelEdit! : Compilation);
        }

        var (from, to) = edited ? (SchemaBefore!, SchemaAfter!) : (SchemaAfter!, SchemaBefore!);
        return driver.ReplaceAdditionalText(from, to).RunGenerators(Compilation);
    }

    /// <summary>The edited file's generated sources must differ: the hint names a one-file edit may change.</summary>
    public string EditedFileName => Kind == GeneratorKind.SystemTextJson ? Workload.ModelPath(Tables[0]) : Workload.SchemaPath(Tables[0]);

    private SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: ProjectDirectory + path);
}
