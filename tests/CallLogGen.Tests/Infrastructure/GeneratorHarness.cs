using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using CallLogGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>A schema file handed to the generator as an AdditionalFile.</summary>
public sealed record SchemaInput(string RelativePath, string Text);

/// <summary>
/// Runs <see cref="CallLogGenerator"/> the way the compiler does: AdditionalFiles with the package's
/// metadata, build properties as a global analyzer config, reference assemblies that need no network,
/// and step tracking on, so that tests can check caching.
/// </summary>
public sealed class GeneratorHarness
{
    public const string ProjectDirectory = "/project/";

    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TableSchema).Assembly.Location))
            .ToImmutableArray();

    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal)
    {
        ["RootNamespace"] = "Contoso",
        ["ProjectDir"] = ProjectDirectory,
    };

    private GeneratorDriver _driver;
    private CSharpCompilation _compilation;
    private ImmutableArray<AdditionalText> _files;

    public GeneratorHarness(IEnumerable<SchemaInput> files, string userCode = "namespace User { public static class Program { } }", LanguageVersion languageVersion = LanguageVersion.Latest, IDictionary<string, string>? properties = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, IEnumerable<string>? moreUserCode = null, IIncrementalGenerator? generator = null, IEnumerable<MetadataReference>? moreReferences = null)
    {
        foreach (var property in properties ?? new Dictionary<string, string>())
        {
            _properties[property.Key] = property.Value;
        }

        ParseOptions = new CSharpParseOptions(languageVersion);
        _files = files.Select(f => (AdditionalText)new InMemoryAdditionalText(ProjectDirectory + f.RelativePath, f.Text)).ToImmutableArray();
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "User.cs") }
                .Concat((moreUserCode ?? Array.Empty<string>()).Select((code, i) => CSharpSyntaxTree.ParseText(code, ParseOptions, path: $"User{i + 2}.cs"))),
            References.AddRange(moreReferences ?? Array.Empty<MetadataReference>()),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkSuppressions));
        _driver = CSharpGeneratorDriver.Create(
            new[] { (generator ?? new CallLogGenerator()).AsSourceGenerator() },
            _files,
            ParseOptions,
            new SchemaFileOptionsProvider(_properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public CSharpParseOptions ParseOptions { get; }

    /// <summary>
    /// What every SDK project suppresses (its default NoWarn): CS1701/CS1702, assembly-version unification, which the
    /// runtime library (built for net8.0) meets in a compilation against the .NET 10 reference assemblies.
    /// </summary>
    public static IReadOnlyDictionary<string, ReportDiagnostic> SdkSuppressions { get; } = new Dictionary<string, ReportDiagnostic>
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    public static GeneratorHarness ForFiles(params (string Path, string Text)[] files) =>
        new(files.Select(f => new SchemaInput(f.Path, f.Text)));

    /// <summary>Runs the generator on the current inputs and returns what it produced.</summary>
    public GeneratorRun Run()
    {
        _driver = _driver.RunGeneratorsAndUpdateCompilation(_compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(_driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Replaces the text of one schema file, as saving it in the editor does.</summary>
    public void EditSchema(string relativePath, string newText)
    {
        var old = _files.Single(f => f.Path == ProjectDirectory + relativePath);
        var replacement = new InMemoryAdditionalText(old.Path, newText);
        _files = _files.Replace(old, replacement);
        _driver = _driver.ReplaceAdditionalText(old, replacement);
    }

    /// <summary>Changes the build properties, as editing the project file does.</summary>
    public void SetProperties(IDictionary<string, string> properties)
    {
        foreach (var property in properties)
        {
            _properties[property.Key] = property.Value;
        }

        _driver = _driver.WithUpdatedAnalyzerConfigOptions(new SchemaFileOptionsProvider(_properties));
    }

    /// <summary>An edit to the user's C# code that has nothing to do with schemas.</summary>
    public void EditUserCode(string code)
    {
        var oldTree = _compilation.SyntaxTrees.Single(t => t.FilePath == "User.cs");
        _compilation = _compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText(code, ParseOptions, path: "User.cs"));
    }
}

/// <summary>One generator run: the generated files, the generator's diagnostics and the compiled result.</summary>
public sealed class GeneratorRun(GeneratorDriverRunResult result, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
{
    public GeneratorDriverRunResult Result { get; } = result;

    public Compilation Output { get; } = output;

    public GeneratorRunResult GeneratorResult => Result.Results.Single();

    /// <summary>The generator's own diagnostics (CLG ones), plus CS8785 if it threw.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = generatorDiagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray();

    public IReadOnlyDictionary<string, string> Sources =>
        GeneratorResult.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    public IEnumerable<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);

    /// <summary>The generator's warnings and errors: what would show in a build, leaving out notes such as the CLG1030 summary.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);

    /// <summary>Compiler errors and warnings in the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>What CallLogGen's analyzers report on the user's code, with the generated code in the compilation.</summary>
    public IReadOnlyList<Diagnostic> AnalyzerDiagnostics()
    {
        var analyzers = ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new global::CallLogGen.Analyzers.RequiredColumnsAnalyzer(), new global::CallLogGen.Analyzers.RawKqlAnalyzer(),
            new global::CallLogGen.Analyzers.TimeFilterAnalyzer(), new global::CallLogGen.Analyzers.DroppedColumnAnalyzer(),
            new global::CallLogGen.Analyzers.QueryResultColumnsAnalyzer());
        return Output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
    }

    /// <summary>Emits the compilation and loads it, so tests can call the generated code.</summary>
    public Assembly LoadAssembly()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:\n" + string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>The run reasons of one tracked step's outputs, flattened.</summary>
    public IReadOnlyList<IncrementalStepRunReason> StepReasons(string stepName) =>
        GeneratorResult.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : Array.Empty<IncrementalStepRunReason>();

    /// <summary>The outputs of one tracked step, with their run reasons.</summary>
    public IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> StepOutputs(string stepName) =>
        GeneratorResult.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : Array.Empty<(object, IncrementalStepRunReason)>();
}
