using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static System.FormattableString;

namespace CallLogGen.Benchmarks;

/// <summary>
/// <c>--compile-parts &lt;folder&gt;</c>: which part of the generated code costs what to compile. The folder holds generated
/// files (<c>--output-size --write &lt;dir&gt;</c> writes every reference table's to <c>&lt;dir&gt;/all-tables</c>); they are
/// compiled in process (diagnostics, then emit; Release, nullable enabled, documentation comments parsed; no analyzers),
/// three times as they are to warm Roslyn up, then with one part taken out by text at a time, each variant between two
/// compiles of the files as they are, so that a variant is compared with its neighbours rather than with a cold start.
/// Stopwatch and CPU time on a shared machine: quote them with the load they were taken at.
/// </summary>
public static class CompileParts
{
    public static int Run(TextWriter output, string folder)
    {
        var files = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        if (files.Count == 0)
        {
            output.WriteLine($"no .cs files in {folder}: write them with --output-size --write <dir> and pass <dir>/all-tables");
            return 2;
        }

        var asGenerated = ("as generated", (Func<string, string>)(text => text));
        var variants = new (string Name, Func<string, string> Change)[]
        {
            ("without the SetCell and GetCell switch bodies", text => WithoutSwitch(WithoutSwitch(text, "SetCell"), "GetCell")),
            ("without the Schema column rows", text => Regex.Replace(text, @"\n\s*new\(""[^\n]*\),(?=\n)", string.Empty)),
            ("without the KqlColumns fields", text => Regex.Replace(text, @"\n\s*/// <summary>The <c>\w+</c> columns\.</summary>\n\s*public readonly [^;]*;", string.Empty)),
            ("without the XML doc comments", text => Regex.Replace(text, @"\n\s*///[^\n]*", string.Empty)),
            ("#nullable enable annotations", text => text.Replace("#nullable enable\n", "#nullable enable annotations\n", StringComparison.Ordinal)),
        };

        var order = Enumerable.Repeat(asGenerated, 3).ToList();
        foreach (var variant in variants)
        {
            order.Add(variant);
            order.Add(asGenerated);
        }

        output.WriteLine(Invariant($"{files.Count} files, {files.Sum(f => f.Text.Length):N0} characters"));
        var ok = true;
        foreach (var (name, change) in order)
        {
            ok &= Compile(output, name, files.Select(f => (f.Path, change(f.Text))).ToList());
        }

        return ok ? 0 : 1;
    }

    // Empties a generated JSON mapping method: its `switch (c) { case ... }` goes, the method stays.
    private static string WithoutSwitch(string text, string method) =>
        Regex.Replace(text, @"(protected override void " + method + @"\([^)]*\)\n\s*\{\n)\s*switch \(c\)\n\s*\{\n(?:.*\n)*?\s*\}\n", "$1");

    private static bool Compile(TextWriter output, string name, List<(string Path, string Text)> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
        var compile = CompileTiming.Of(CSharpCompilation.Create(
            "AllTables",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path)),
            OutputSize.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable)));
        output.WriteLine(Invariant($"{name,-48} {files.Sum(f => f.Text.Length),12:N0} chars  {compile.Wall,5:F1} s  (CPU {compile.Cpu,5:F1} s)  {compile.Size:N0} bytes"));
        foreach (var error in compile.Errors.Take(3))
        {
            output.WriteLine("  " + error);
        }

        return compile.Succeeded;
    }
}
