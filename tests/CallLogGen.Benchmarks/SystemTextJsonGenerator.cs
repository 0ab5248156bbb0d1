using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CallLogGen.Benchmarks;

/// <summary>
/// The System.Text.Json source generator as the SDK ships it: the analyzer in the reference pack of the
/// running runtime (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/analyzers/dotnet/cs/</c>).
/// Set <c>CALLLOGGEN_STJ_GENERATOR</c> to the dll's path to use another one.
/// </summary>
public static class SystemTextJsonGenerator
{
    public const string PathVariable = "CALLLOGGEN_STJ_GENERATOR";
    private const string FileName = "System.Text.Json.SourceGeneration.dll";

    private static readonly Lazy<(string Path, ISourceGenerator[] Generators)> Loaded = new(Load);

    public static string Path => Loaded.Value.Path;

    public static ISourceGenerator[] Generators => Loaded.Value.Generators;

    private static (string, ISourceGenerator[]) Load()
    {
        var path = Find();
        var reference = new AnalyzerFileReference(path, new LoadFromLoader());
        Exception? failure = null;
        reference.AnalyzerLoadFailed += (_, e) => failure = e.Exception ?? new InvalidOperationException(e.Message);
        var generators = reference.GetGenerators(LanguageNames.CSharp).ToArray();
        if (generators.Length == 0)
        {
            throw new InvalidOperationException("no C# source generator in " + path, failure);
        }

        return (path, generators);
    }

    private static string Find()
    {
        var chosen = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException(PathVariable + " names no file", chosen);
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the packs beside it in <root>/packs/.
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = System.IO.Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var running = Environment.Version;
        var candidates = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(d => (Directory: d, Version: System.Version.TryParse(System.IO.Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(c => c.Version is not null && c.Version.Major == running.Major)
                .OrderByDescending(c => c.Version!.Minor == running.Minor && c.Version.Build == running.Build)
                .ThenByDescending(c => c.Version)
                .Select(c => System.IO.Path.Combine(c.Directory, "analyzers", "dotnet", "cs", FileName))
                .Where(File.Exists)
                .ToList()
            : new List<string>();
        return candidates.FirstOrDefault()
            ?? throw new FileNotFoundException($"no {FileName} for .NET {running.Major} under {packs}; set {PathVariable}");
    }

    private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
