using System.IO.Compression;
using System.Xml.Linq;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Integration;

/// <summary>
/// The nupkg as a user gets it: packed from the repository, checked for its layout, then added with
/// <c>dotnet add package</c> to a fresh console project for .NET 8, 9 and 10 that has a JSON table schema and a
/// docs-style markdown page in its schemas/ folder (found by the package's default glob) and two tables of the built-in
/// reference named with CallLogGenTable items, built with warnings as errors (and the build summary switched on) and run
/// on .NET 10 and, in the long run, self-contained on .NET 8. Slow (several dotnet commands): hence tests sharing one pack.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackageTests : IClassFixture<PackageFixture>
{
    private static readonly TimeSpan AddPackageTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly PackageFixture _fixture;

    public PackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Nupkg_has_the_generator_its_dependency_the_runtime_library_and_the_props()
    {
        var package = PackagePathOrFail();
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var listing = string.Join("\n", entries.Order(StringComparer.Ordinal));

        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/CallLogGen.dll",
            "analyzers/dotnet/cs/Markdig.dll",
            "analyzers/dotnet/cs/CallLogGen.CodeFixes.dll",
            "lib/netstandard2.0/CallLogGen.Runtime.dll",
            "lib/net8.0/CallLogGen.Runtime.dll",
            "build/CallLogGen.props",
            "buildTransitive/CallLogGen.props",
            "build/CallLogGen.targets",
            "buildTransitive/CallLogGen.targets",
        })
        {
            Assert.True(entries.Contains(expected), $"the nupkg lacks {expected}; it holds:\n{listing}");
        }

        // The generator is an analyzer only: never a compile reference, and the compiler's own assemblies stay out.
        Assert.False(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("/CallLogGen.dll", StringComparison.Ordinal)), "the generator is packed under lib/:\n" + listing);
        Assert.False(entries.Any(e => e.Contains("CallLogGen.Package.dll", StringComparison.Ordinal)), "the packaging project's own assembly is packed:\n" + listing);
        Assert.False(entries.Any(e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal)), "Roslyn is packed beside the generator:\n" + listing);

        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("CallLogGen", Value("id"));
        Assert.Equal(_fixture.Version, Value("version"));
        // A development dependency gets IncludeAssets without `compile` from `dotnet add package`: user code could not see TableSchema.
        Assert.NotEqual("true", Value("developmentDependency")?.Trim().ToLowerInvariant());

        // The runtime ships inside this package, so its own dependencies must be declared here, per framework.
        var groups = metadata.Descendants().Where(e => e.Name.LocalName == "group").ToDictionary(
            g => g.Attribute("targetFramework")!.Value,
            g => g.Elements().Select(d => d.Attribute("id")!.Value).ToList());
        Assert.Contains("System.Text.Json", groups[".NETStandard2.0"]);
        Assert.Contains("Microsoft.Bcl.AsyncInterfaces", groups[".NETStandard2.0"]);
        Assert.Empty(groups["net8.0"]);
        Assert.DoesNotContain(groups.Values.SelectMany(ids => ids), id => id.StartsWith("CallLogGen", StringComparison.Ordinal));
    }

    [Fact]
    public void Console_app_built_against_the_package_for_NET_8_9_and_10_runs_every_reader_on_NET_10_and_self_contained_NET_8()
    {
        var package = PackagePathOrFail();
        using var consumer = new TempFolder("callloggen-consumer");
        var app = consumer.Combine("app");
        Directory.CreateDirectory(app);

        // Nothing above the project may take part: stop MSBuild's search for Directory.*.props here.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig(Path.GetDirectoryName(package)!));
        // Written by hand rather than with `dotnet new console`: the same project, without the template engine's start-up cost.
        File.WriteAllText(Path.Combine(app, "PackageConsumer.csproj"), ConsumerProject);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
        Directory.CreateDirectory(Path.Combine(app, "schemas"));
        File.WriteAllText(Path.Combine(app, "schemas", "my-table.json"), SentinelTable);
        File.WriteAllText(Path.Combine(app, "schemas", "app-audit.md"), MarkdownPage);

        try
        {
            var add = DotNetCli.Run(app, AddPackageTimeout, null, "add", "PackageConsumer.csproj", "package", "CallLogGen", "--version", _fixture.Version);
            Assert.True(add.Succeeded, "dotnet add package failed:\n" + add.Describe());
            var project = File.ReadAllText(Path.Combine(app, "PackageConsumer.csproj"));
            Assert.True(project.Contains("Include=\"CallLogGen\"", StringComparison.Ordinal) && project.Contains(_fixture.Version, StringComparison.Ordinal), "dotnet add package did not reference the package:\n" + project);
            Assert.False(project.Contains("IncludeAssets", StringComparison.Ordinal), "dotnet add package limited the assets (a development dependency?):\n" + project);

            // The long run's build compiles the consumer for .NET 8, 9 and 10: each gets the runtime library its framework
            // picks (.NET 8 and 9 once got netstandard2.0's, whose IAsyncEnumerable needs a package that was not declared:
            // CS0012). The quick run compiles the .NET 10 one, which it runs: the three compiles were a third of its time.
            var frameworks = TestSize.IsLong ? Array.Empty<string>() : new[] { "-f", "net10.0" };
            var build = DotNetCli.Run(app, BuildTimeout, null, new[] { "build", "PackageConsumer.csproj", "-c", "Release", "-p:TreatWarningsAsErrors=true" }.Concat(frameworks).Concat(DotNetCli.BuildSwitches).ToArray());
            Assert.True(build.Succeeded, "the consumer does not build against the package:\n" + build.Describe());

            // The project file sets CallLogGenVerbose: the build summary shows at normal verbosity, one line per schema file,
            // as a warning that warnings-as-errors leaves a warning.
            var pageLine = MarkdownPage.ReplaceLineEndings("\n").Split('\n').ToList().FindIndex(l => l.StartsWith("| Column", StringComparison.Ordinal)) + 1;
            foreach (var summary in new[]
            {
                $"warning CLG1030: schemas/app-audit.md: generated 1 type in PackageConsumer.Logs: AppAudit (table AppAudit, line {pageLine})",
                "warning CLG1030: schemas/my-table.json: generated 1 type in PackageConsumer.Logs: MyTable (table MyTable, line 1)",
            })
            {
                Assert.True(build.StandardOutput.Contains(summary, StringComparison.Ordinal), $"the build does not show '{summary}':\n" + build.Describe());
            }

            Assert.DoesNotContain("error CLG1030", build.StandardOutput, StringComparison.Ordinal);

            var run = DotNetCli.Run(app, RunTimeout, null, Path.Combine(app, "bin", "Release", "net10.0", "PackageConsumer.dll"));
            AssertOutput(run, ".NET 10", build);

            // Only the .NET 10 runtime is installed here: the .NET 8 build runs self-contained, on the .NET 8 runtime it
            // carries, rather than rolled forward onto .NET 10 (which would hide a .NET 8 problem). The publish restores
            // the runtime packs and takes most of this test's time, so it is part of the long run (CI's) only.
            if (!TestSize.IsLong)
            {
                return;
            }

            var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            var publish = DotNetCli.Run(app, BuildTimeout, null, new[] { "publish", "PackageConsumer.csproj", "-c", "Release", "-f", "net8.0", "-r", rid, "--self-contained", "-p:TreatWarningsAsErrors=true", "-p:CallLogGenVerbose=false" }.Concat(DotNetCli.BuildSwitches).ToArray());
            Assert.True(publish.Succeeded, "the consumer does not publish self-contained for .NET 8:\n" + publish.Describe());
            // With the switch off the summary is an info again, which a build at normal verbosity does not print.
            Assert.DoesNotContain("CLG1030", publish.StandardOutput, StringComparison.Ordinal);
            var net8 = DotNetCli.Start(Path.Combine(app, "bin", "Release", "net8.0", rid, "publish", "PackageConsumer"), app, RunTimeout, null);
            AssertOutput(net8, ".NET 8", publish);
        }
        finally
        {
            // The version is this run's own, so no later run can be served a stale copy; remove it from the cache anyway.
            var cached = Path.Combine(NuGetPackagesFolder(), "callloggen", _fixture.Version.ToLowerInvariant());
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    private static void AssertOutput(ProcessResult run, string runtime, ProcessResult build)
    {
        Assert.True(run.Succeeded, $"the consumer failed on {runtime}:\n" + run.Describe());
        var expected = string.Join("\n",
            // CallLogTables.All, in schema-file order (schemas/app-audit.md, then schemas/my-table.json), then the table named in the project file.
            "table AppAudit (TimeGenerated:datetime, UserName:string, DurationMs:long)",
            "table MyTable (TimeGenerated:datetime, Level:string)",
            "table AZKVAuditLogs 51 columns, from the Azure Monitor table reference (2024-09)",
            "routes Microsoft.KeyVault/vaults/AuditEvent",
            // Both tables named in the project file (CallLogGenTable) reached the generator.
            "reference ACSBillingUsage AZKVAuditLogs 4",
            // The generated models, used as types.
            "model MyTable Warning 2026-01-02T03:04:05.0000000+00:00",
            "model AppAudit alice 42",
            // The readers, synchronous and asynchronous, typed and mixed.
            "read Warning,Error",
            "streamed Warning,Error",
            "mixed 2",
            "runtime " + runtime);
        Assert.True(
            expected == run.StandardOutput.ReplaceLineEndings("\n").TrimEnd('\n'),
            $"unexpected output from the consumer on {runtime}.\n--- expected ---\n{expected}\n--- actual ---\n{run.StandardOutput}\n\n{run.Describe()}\n\nbuild:\n{build.Describe()}");
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [Fact]
    public void The_callloggen_tool_installs_from_the_local_feed_and_runs()
    {
        var tool = _fixture.ToolResult;
        Assert.True(tool.Process.Succeeded, "dotnet pack of the tool failed:\n" + tool.Process.Describe());
        Assert.True(tool.PackagePath is not null, $"no CallLogGen.Tool.{_fixture.Version}.nupkg in {_fixture.Feed}:\n{tool.Process.Describe()}");
        using (var archive = ZipFile.OpenRead(tool.PackagePath!))
        {
            var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
            Assert.Contains("tools/net10.0/any/CallLogGen.Tool.dll", entries);
            Assert.Contains("tools/net10.0/any/CallLogGen.dll", entries);
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        }

        using var consumer = new TempFolder("callloggen-tool");
        // Only the test feed: a tool package carries its dependencies, so nothing else is asked for.
        File.WriteAllText(consumer.Combine("nuget.config"), $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="callloggen-test-feed" value="{{System.Security.SecurityElement.Escape(_fixture.Feed)}}" />
              </packageSources>
            </configuration>
            """);
        var tools = consumer.Combine("tools");
        var install = DotNetCli.Run(consumer.Path, AddPackageTimeout, null, "tool", "install", "--tool-path", tools, "--add-source", _fixture.Feed, "CallLogGen.Tool", "--version", _fixture.Version);
        Assert.True(install.Succeeded, install.Describe());

        var callloggen = Path.Combine(tools, OperatingSystem.IsWindows() ? "callloggen.exe" : "callloggen");
        consumer.Write("app/schemas/traffic.json", "{\"Name\": \"Contoso_CL\", \"Properties\": [{\"Name\": \"TimeGenerated\", \"Type\": \"datetime\"}, {\"Name\": \"SourcePort\", \"Type\": \"int\"}]}");
        var app = consumer.Combine("app");
        var version = DotNetCli.Start(callloggen, app, RunTimeout, null, "--version");
        var table = DotNetCli.Start(callloggen, app, RunTimeout, null, "tables", "ACSBillingUsage");
        var locked = DotNetCli.Start(callloggen, app, RunTimeout, null, "lock");
        consumer.Write("app/schemas/traffic.json", "{\"Name\": \"Contoso_CL\", \"Properties\": [{\"Name\": \"TimeGenerated\", \"Type\": \"datetime\"}, {\"Name\": \"SourcePort\", \"Type\": \"string\"}]}");
        var check = DotNetCli.Start(callloggen, app, RunTimeout, null, "check", "--warnaserror");

        Assert.True(version.Succeeded, version.Describe());
        Assert.Equal(_fixture.Version, version.StandardOutput.Trim());
        Assert.True(table.Succeeded, table.Describe());
        Assert.Contains("  UsageType ", table.StandardOutput, StringComparison.Ordinal);
        Assert.True(locked.Succeeded, locked.Describe());
        Assert.True(File.Exists(consumer.Combine("app", "schemas", "callloggen.lock.json")), locked.Describe());
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("schemas/traffic.json(1,95): warning CLG1031: table 'Contoso_CL': column 'SourcePort' retyped from int to string", check.StandardOutput, StringComparison.Ordinal);
    }

    private string PackagePathOrFail()
    {
        var result = _fixture.Result;
        Assert.True(result.Process.Succeeded, "dotnet pack failed:\n" + result.Process.Describe());
        Assert.True(result.PackagePath is not null, $"dotnet pack made no CallLogGen.{_fixture.Version}.nupkg in {_fixture.Feed}:\n{result.Process.Describe()}");
        return result.PackagePath!;
    }

    private static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="callloggen-test-feed" value="{System.Security.SecurityElement.Escape(feed)}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="callloggen-test-feed">
              <package pattern="CallLogGen" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    // No AdditionalFiles: the schemas are found by the package props' default glob (schemas/**/*.md, schemas/**/*.json).
    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFrameworks>net8.0;net9.0;net10.0</TargetFrameworks>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <RootNamespace>PackageConsumer</RootNamespace>
            <CallLogGenNamespace>PackageConsumer.Logs</CallLogGenNamespace>
            <CallLogGenVerbose>true</CallLogGenVerbose>
          </PropertyGroup>
          <ItemGroup>
            <!-- Two tables of the built-in reference, by name, with no schema file: both must reach the generator. -->
            <CallLogGenTable Include="ACSBillingUsage;AZKVAuditLogs" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerProgram = """"
        using System.Globalization;
        using System.Text;
        using PackageConsumer.Logs;

        // ACSBillingUsage is shown by the reference line below.
        foreach (var table in CallLogTables.All.Where(t => t.TableName != "ACSBillingUsage"))
        {
            Console.WriteLine("table " + table.TableName + " " + (table.Columns.Count <= 5 ? table.ToCslSchema() : table.Columns.Count + " columns, from the " + table.Columns[0].SourceFile));
        }

        Console.WriteLine("routes " + string.Join(", ", AzkvAuditLogs.Schema.Routes));
        Console.WriteLine("reference " + AcsBillingUsage.Schema.TableName + " " + AzkvAuditLogs.Schema.TableName + " " + CallLogTables.All.Count);

        var record = new MyTable { TimeGenerated = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Level = "Warning" };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {MyTable.Schema.TableName} {record.Level} {record.TimeGenerated:O}"));

        var audit = new AppAudit { TimeGenerated = DateTimeOffset.UnixEpoch, UserName = "alice", DurationMs = 42 };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {AppAudit.Schema.TableName} {audit.UserName} {audit.DurationMs}"));

        var export = Encoding.UTF8.GetBytes("""
            {"time":"2026-01-02T03:04:05Z","properties":{"Level":"Warning"}}
            {"time":"2026-01-02T03:04:06Z","properties":{"Level":"Error"}}
            """);
        Console.WriteLine("read " + string.Join(",", MyTable.Json.ReadExport(export).Select(r => r.Level)));
        var streamed = new List<string?>();
        await foreach (var row in MyTable.Json.ReadExportAsync(new MemoryStream(export)))
        {
            streamed.Add(row.Level);
        }

        Console.WriteLine("streamed " + string.Join(",", streamed));
        var mixed = 0;
        await foreach (var item in CallLogTables.CreateExportReader().ReadAsync(new MemoryStream(export)))
        {
            mixed++;
        }

        Console.WriteLine("mixed " + mixed);
        Console.WriteLine("runtime .NET " + Environment.Version.Major);
        """";

    // A Sentinel custom-table file: Name and Properties.
    private const string SentinelTable = """
        {"Name":"MyTable","Properties":[{"Name":"TimeGenerated","Type":"datetime"},{"Name":"Level","Type":"string"}]}
        """;

    // A docs page in the shape of learn.microsoft.com's log-table pages: the table is named by its heading.
    private const string MarkdownPage = """
        ---
        title: AppAudit table reference
        ms.topic: reference
        ---

        # AppAudit

        Audit records written by the application, one per user action.

        ## Columns

        | Column | Type | Description |
        | --- | --- | --- |
        | TimeGenerated | datetime | The time (UTC) at which the action was recorded. |
        | UserName | string | The user who performed the action. |
        | DurationMs | long | How long the action took, in milliseconds. |
        """;
}
