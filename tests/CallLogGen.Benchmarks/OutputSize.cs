using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CallLogGen.Catalog;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CallLogGen.Benchmarks;

/// <summary>
/// <c>--output-size</c>: how much C# the generator emits for real tables, and what compiling it costs.
/// <list type="bullet">
/// <item>The Azure Monitor reference pages in the test corpus (<c>tests/data/corpus/tables/*-include.md</c>, which carry
/// the reference's descriptions), one project: bytes of each table's generated file (UTF-8) per column.</item>
/// <item>Every table of the built-in catalogue named in one project (<c>CallLogGenTables</c>): bytes per column, the
/// generator's run (a fresh driver, as a new compiler process runs it; the median of a few runs after one warm-up) and
/// the compile of the generated code (every diagnostic, then the assembly), once as a new compiler process meets it and
/// once more as the shared compiler server does, wall clock and CPU time.</item>
/// </list>
/// Stopwatch figures on a shared machine: quote them with the load they were taken at.
/// </summary>
public static class OutputSize
{
    /// <summary>What generated code compiles against: .NET 10's reference assemblies and the runtime library.</summary>
    internal static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TableSchema).Assembly.Location))
            .ToImmutableArray();

    /// <param name="output">Where the tables go.</param>
    /// <param name="writeTo">A folder to write the reference pages' generated files to, to read them; null for none.</param>
    public static int Run(TextWriter output, string? writeTo)
    {
        var ok = true;
        output.WriteLine("## Azure Monitor reference pages (tests/data/corpus/tables/*-include.md)");
        output.WriteLine();
        output.WriteLine("| page | table | columns | bytes | bytes per column |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: |");
        var folder = Path.Combine(RepositoryPaths.TestData, "corpus", "tables");
        var pages = Directory.GetFiles(folder, "*-include.md").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var files = pages.Select(p => new InMemoryAdditionalText(Scenario.ProjectDirectory + "schemas/" + Path.GetFileName(p), File.ReadAllText(p))).ToList();
        var (run, compilation, _) = Generate(files, tables: null);
        ok &= Check(output, compilation);
        long bytes = 0, columns = 0;
        foreach (var source in run.Results.Single().GeneratedSources.Where(s => s.HintName != "CallLogTables.g.cs").OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var text = source.SourceText.ToString();
            if (writeTo is not null)
            {
                Directory.CreateDirectory(writeTo);
                File.WriteAllText(Path.Combine(writeTo, source.HintName), text);
            }

            var count = ColumnCount(compilation, source);
            var size = Encoding.UTF8.GetByteCount(text);
            bytes += size;
            columns += count;
            output.WriteLine(Invariant($"| {source.HintName.Split('.')[0]} | {source.HintName.Split('.')[^3]} | {count} | {size:N0} | {(double)size / count:F0} |"));
        }

        output.WriteLine(Invariant($"| **all** | | {columns} | {bytes:N0} | **{(double)bytes / columns:F0}** |"));
        output.WriteLine();

        output.WriteLine("## Every table of the built-in Azure Monitor reference in one project (CallLogGenTables)");
        output.WriteLine();
        var names = string.Join(";", AzureMonitorCatalog.Instance.Tables.Select(t => t.Name));
        Generate(Array.Empty<AdditionalText>(), names); // warm-up: JIT, the catalogue loaded once per process as in a compiler
        var times = new List<double>();
        GeneratorDriverRunResult? all = null;
        Compilation? allCompilation = null;
        for (var i = 0; i < 3; i++)
        {
            var (result, compiled, elapsed) = Generate(Array.Empty<AdditionalText>(), names);
            times.Add(elapsed);
            all = result;
            allCompilation = compiled;
        }

        times.Sort();
        var generated = all!.Results.Single().GeneratedSources;
        if (writeTo is not null)
        {
            var allTables = Path.Combine(writeTo, "all-tables");
            Directory.CreateDirectory(allTables);
            foreach (var source in generated)
            {
                File.WriteAllText(Path.Combine(allTables, source.HintName), source.SourceText.ToString());
            }
        }

        var allBytes = generated.Sum(s => (long)Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
        var allColumns = AzureMonitorCatalog.Instance.Tables.Sum(t => (long)t.Columns.Count);
        // The compile as csc does it, twice on fresh compilations of the same trees: first as a new compiler process meets
        // it (Roslyn's own code still being JIT-compiled), then as the shared compiler server does.
        var compiles = new List<CompileTiming>();
        for (var i = 0; i < 2; i++)
        {
            var compile = CompileTiming.Of(allCompilation!.RemoveAllSyntaxTrees().AddSyntaxTrees(allCompilation.SyntaxTrees));
            compiles.Add(compile);
            ok &= compile.Succeeded;
        }

        output.WriteLine("| tables | columns | files | bytes | bytes per column | generator (median of 3) | compile, first (CPU) | compile, second (CPU) | assembly |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(Invariant($"| {AzureMonitorCatalog.Instance.Tables.Count} | {allColumns} | {generated.Length} | {allBytes:N0} | {(double)allBytes / allColumns:F0} | {times[1]:F2} s | {compiles[0].Wall:F1} s ({compiles[0].Cpu:F1} s) | {compiles[1].Wall:F1} s ({compiles[1].Cpu:F1} s) | {compiles[1].Size:N0} bytes |"));
        foreach (var error in compiles[0].Errors.Take(10))
        {
            output.WriteLine(error.ToString());
        }

        output.WriteLine();
        output.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
        return ok ? 0 : 1;
    }

    private static (GeneratorDriverRunResult Run, Compilation Output, double Seconds) Generate(IReadOnlyList<AdditionalText> files, string? tables)
    {
        var properties = new Dictionary<string, string>
        {
            ["RootNamespace"] = "Contoso.App",
            ["ProjectDir"] = Scenario.ProjectDirectory,
        };
        if (tables is not null)
        {
            properties["CallLogGenTables"] = tables;
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Contoso.App",
            new[] { CSharpSyntaxTree.ParseText("namespace Contoso.App { public static class Startup { } }", parseOptions, path: "Startup.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new CallLogGenerator().AsSourceGenerator() }, files, parseOptions, new SchemaFileOptionsProvider(properties));
        var start = Stopwatch.GetTimestamp();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (driver.GetRunResult(), output, elapsed);
    }

    // The generated type's Schema knows its columns: count them from the syntax of the compiled output, not by parsing text.
    private static int ColumnCount(Compilation compilation, GeneratedSourceResult source)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(source.HintName, StringComparison.Ordinal));
        var model = compilation.GetSemanticModel(tree);
        var type = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First();
        var symbol = (INamedTypeSymbol)model.GetDeclaredSymbol(type)!;
        return symbol.GetTypeMembers("KqlColumns").Single().GetMembers().OfType<IFieldSymbol>().Count(f => !f.IsStatic);
    }

    private static bool Check(TextWriter output, Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors.Take(10))
        {
            output.WriteLine(error.ToString());
        }

        return errors.Count == 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
