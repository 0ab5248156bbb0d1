using System.Globalization;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Integration;

/// <summary>
/// Packs the CallLogGen nupkg once for the integration tests, into a temp feed, with a version no earlier
/// run used: a consumer can then never get a generator cached in a NuGet packages folder from an older pack.
/// The pack runs on a copy of the sources (src/, docs/ and the repository's root files, without bin/ and obj/),
/// so it neither writes into the working tree's build outputs nor races a build running there.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private readonly Lazy<PackResult> _pack;
    private readonly Lazy<PackResult> _toolPack;
    private readonly Lazy<string> _sources;

    public PackageFixture()
    {
        Work = new TempFolder("callloggen-package");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Feed = Work.Combine("feed");
        _sources = new Lazy<string>(CopySources, LazyThreadSafetyMode.ExecutionAndPublication);
        _pack = new Lazy<PackResult>(Pack, LazyThreadSafetyMode.ExecutionAndPublication);
        _toolPack = new Lazy<PackResult>(PackTool, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public TempFolder Work { get; }

    /// <summary>The package version of this run: <c>0.1.0-test.&lt;UTC timestamp&gt;.&lt;process id&gt;</c>.</summary>
    public string Version { get; }

    /// <summary>The local feed folder the nupkg is packed into.</summary>
    public string Feed { get; }

    public string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>The pack, done on first use; a test asserts on <see cref="PackResult.Process"/> before using the package.</summary>
    public PackResult Result => _pack.Value;

    /// <summary>The callloggen tool's pack (CallLogGen.Tool, same version, same feed), done on first use, after the library's.</summary>
    public PackResult ToolResult => _toolPack.Value;

    public void Dispose() => Work.Dispose();

    private PackResult Pack() => PackProject(Path.Combine("src", "CallLogGen.Package", "CallLogGen.Package.csproj"), "CallLogGen");

    // After the library's pack, so that the generator it builds in the copy is built once.
    private PackResult PackTool()
    {
        _ = _pack.Value;
        return PackProject(Path.Combine("src", "CallLogGen.Tool", "CallLogGen.Tool.csproj"), "CallLogGen.Tool");
    }

    private PackResult PackProject(string relativeProject, string packageId)
    {
        var copy = _sources.Value;
        var process = DotNetCli.Run(
            copy,
            PackTimeout,
            environment: null,
            new[] { "pack", Path.Combine(copy, relativeProject), "-c", "Release", "-o", Feed, "-p:CallLogGenVersion=" + Version }.Concat(DotNetCli.BuildSwitches).ToArray());
        var package = Path.Combine(Feed, packageId + "." + Version + ".nupkg");
        return new PackResult(process, File.Exists(package) ? package : null);
    }

    private string CopySources()
    {
        var copy = Work.Combine("repo");
        CopySources(RepositoryRoot, copy);
        return copy;
    }

    private static void CopySources(string root, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(root))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var folder in new[] { "src", "docs" })
        {
            var source = Path.Combine(root, folder);
            if (Directory.Exists(source))
            {
                CopyTree(source, Path.Combine(destination, folder));
            }
        }
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(folder);
            if (name is "bin" or "obj" || name.StartsWith('.'))
            {
                continue;
            }

            CopyTree(folder, Path.Combine(destination, name));
        }
    }
}

/// <summary>What <c>dotnet pack</c> did, and the nupkg it made (null when it made none).</summary>
public sealed record PackResult(ProcessResult Process, string? PackagePath);
