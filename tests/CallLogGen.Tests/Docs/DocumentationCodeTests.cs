using System.Reflection;
using System.Text.RegularExpressions;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CallLogGen.Tests.Docs;

/// <summary>
/// Every C# block of README.md and docs/ compiles as a program of its own against the repository's generated
/// tables (the seed's), with the implicit usings of a `dotnet new console` project and nothing else, so a reader
/// can paste it into an app. A line marked <c>// CLGnnnn</c> must get exactly that diagnostic (the diagnostics
/// pages show their mistakes), and nothing else may warn. Blocks without marks run, in a folder holding the files
/// they read (Docs/Data); a block preceded by <c>&lt;!-- compile-only: why --&gt;</c> only compiles (it needs a
/// service).
/// </summary>
[Collection(nameof(CurrentDirectoryCollection))]
public sealed class DocumentationCodeTests
{
    private static readonly Regex Marker = new(@"//\s*(CLG\d{4})\b", RegexOptions.Compiled);

    /// <summary>CallLogGen.Azure and the Azure SDK it builds on (with Azure.Identity, which the docs use), from the test's output.</summary>
    private static readonly Lazy<MetadataReference[]> AzureReferences = new(() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("Azure.", StringComparison.Ordinal) || name.StartsWith("CallLogGen.Azure", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Azure.Amqp", StringComparison.Ordinal) || name.StartsWith("Microsoft.Identity.Client", StringComparison.Ordinal)
                    || name is "System.ClientModel.dll" or "System.Memory.Data.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static TheoryData<CodeBlock> Blocks()
    {
        var data = new TheoryData<CodeBlock>();
        foreach (var block in CodeBlock.All())
        {
            data.Add(block);
        }

        return data;
    }

    [Fact]
    public void The_documents_have_code_blocks_to_check()
    {
        var blocks = CodeBlock.All().ToList();
        Assert.Contains(blocks, b => b.File == "README.md");
        Assert.Contains(blocks, b => b.File.StartsWith("docs/diagnostics/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_block_compiles_reports_what_it_shows_and_runs(CodeBlock block)
    {
        var run = new GeneratorHarness(RepositorySchemaFiles.Read(), userCode: block.Code, outputKind: OutputKind.ConsoleApplication, moreUserCode: new[] { ImplicitUsings }, moreReferences: AzureReferences.Value).Run();
        var problems = run.Output.GetDiagnostics()
            .Concat(run.AnalyzerDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath == "User.cs")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line, d.Id, Text: d.ToString()))
            .ToList();

        var expected = block.Code.Split('\n')
            .Select((line, index) => (Line: index, Match: Marker.Match(line)))
            .Where(l => l.Match.Success)
            .Select(l => (l.Line, Id: l.Match.Groups[1].Value))
            .ToList();
        var found = problems.Select(p => (p.Line, p.Id)).Distinct().OrderBy(p => p.Line).ToList();
        Assert.True(
            expected.SequenceEqual(found),
            $"{block}: expected {Describe(expected)}, the compiler and analyzers report:\n{string.Join("\n", problems.Select(p => "  " + p.Text))}\n--- code ---\n{block.Code}");

        if (expected.Count == 0 && block.CompileOnly is null)
        {
            Execute(run, block);
        }
    }

    private static string Describe(List<(int Line, string Id)> expected) =>
        expected.Count == 0 ? "no diagnostic" : string.Join(", ", expected.Select(e => $"{e.Id} on block line {e.Line + 1}"));

    private static void Execute(GeneratorRun run, CodeBlock block)
    {
        var entry = run.LoadAssembly().EntryPoint ?? throw new InvalidOperationException(block + " has no entry point");
        var previous = Environment.CurrentDirectory;
        var output = Console.Out;
        using var printed = new StringWriter();
        try
        {
            Environment.CurrentDirectory = Path.Combine(RepositoryPaths.Root, "tests", "CallLogGen.Tests", "Docs", "Data");
            Console.SetOut(printed);
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() });
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (TargetInvocationException e)
        {
            Assert.Fail($"{block} throws when run: {e.InnerException}\nprinted:\n{printed}");
        }
        finally
        {
            Console.SetOut(output);
            Environment.CurrentDirectory = previous;
        }
    }
}

/// <summary>The tests that change the process's current directory or console run one at a time.</summary>
[CollectionDefinition(nameof(CurrentDirectoryCollection), DisableParallelization = true)]
public sealed class CurrentDirectoryCollection;

/// <summary>One fenced C# block of a document: where it is, its code, and whether it may only be compiled (and why).</summary>
public sealed record CodeBlock(string File, int Line, string Code, string? CompileOnly)
{
    private static readonly Regex CompileOnlyNote = new(@"<!--\s*compile-only:\s*(.*?)\s*-->", RegexOptions.Compiled);

    /// <summary>Every C# block of README.md and docs/**.md, in file order.</summary>
    public static IEnumerable<CodeBlock> All()
    {
        var root = RepositoryPaths.Root;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var path in files)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var lines = System.IO.File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() is not ("```csharp" or "```cs" or "```c#"))
                {
                    continue;
                }

                var note = i > 0 ? CompileOnlyNote.Match(lines[i - 1]) : Match.Empty;
                var start = i + 1;
                var end = start;
                while (end < lines.Length && lines[end].Trim() != "```")
                {
                    end++;
                }

                yield return new CodeBlock(relative, start, string.Join("\n", lines[start..end]), note.Success ? note.Groups[1].Value : null);
                i = end;
            }
        }
    }

    public override string ToString() => $"{File}({Line})";
}
