using System.Xml.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Integration;

/// <summary>
/// At C# 9 the package's targets stop the build with CLG1100 before the compiler runs, so that it is the one error
/// rather than one among the compiler's CS8773 errors about implicit global usings.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LanguageVersionCheckTests
{
    private static readonly string Targets = Path.Combine(RepositoryPaths.Root, "src", "CallLogGen.Package", "build", "CallLogGen.targets");

    [Fact]
    public void The_targets_report_CLG1100_with_the_catalogue_id_message_and_help_link()
    {
        var error = XDocument.Load(Targets).Descendants().Single(e => e.Name.LocalName == "Error");
        var descriptor = DiagnosticCatalog.UnsupportedLanguageVersion;

        Assert.Equal(descriptor.Id, error.Attribute("Code")!.Value);
        Assert.Equal(descriptor.HelpLinkUri, error.Attribute("HelpLink")!.Value);
        Assert.Equal(descriptor.MessageFormat.ToString(), error.Attribute("Text")!.Value.Replace("$(_CallLogGenLangVersion)", "{0}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CSharp_9_project_with_implicit_usings_gets_CLG1100_as_its_only_error()
    {
        using var folder = new TempFolder("callloggen-langversion");
        folder.Write("Directory.Build.props", "<Project />\n");
        folder.Write("Directory.Build.targets", "<Project />\n");
        folder.Write("Directory.Packages.props", "<Project />\n");
        folder.Write("Old.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <LangVersion>9.0</LangVersion>
              </PropertyGroup>
              <Import Project="{Targets}" />
            </Project>
            """);
        folder.Write("Program.cs", "System.Console.WriteLine(1);\n");

        var build = DotNetCli.Run(folder.Path, TimeSpan.FromMinutes(3), null, new[] { "build", "Old.csproj" }.Concat(DotNetCli.BuildSwitches).ToArray());

        Assert.False(build.Succeeded, "a C# 9 project built:\n" + build.Describe());
        var errors = build.StandardOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        var only = Assert.Single(errors);
        Assert.Contains("error CLG1100: CallLogGen generates C# 10 code, but this project compiles as C# 9.0", only, StringComparison.Ordinal);
    }
}
