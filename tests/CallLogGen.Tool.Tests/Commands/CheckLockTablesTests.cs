using CallLogGen.Tests.Integration;
using CallLogGen.Tool.Tests.Infrastructure;
using static CallLogGen.Tool.Tests.Infrastructure.SchemaText;

namespace CallLogGen.Tool.Tests.Commands;

/// <summary><c>check</c>, <c>lock</c> and <c>tables</c>, and every command's <c>--help</c>.</summary>
public sealed class CheckLockTablesTests : IDisposable
{
    private readonly TempFolder _project = new("callloggen-check");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Check_prints_the_builds_diagnostics_located_and_fails_on_errors_only()
    {
        _project.Write("schemas/ok.json", Sentinel("Contoso_CL", Traffic));
        var clean = await ToolRun.RunAsync(_project.Path, "check");
        Assert.Equal((0, "1 schema file, 1 table: 0 errors, 0 warnings.\n"), (clean.ExitCode, clean.Out));

        _project.Write("schemas/page.md", "# T\n\n| Column | Type |\n|---|---|\n| A | string |\n|  | string |\n| Level | string |\n| Level | int |\n");
        var errors = await ToolRun.RunAsync(_project.Path, "check");
        Assert.Equal(1, errors.ExitCode);
        Assert.Equal(
            "schemas/page.md(6,1): warning CLG1003: the row of table 'T' cannot be read as a column: the name cell is empty; the row is skipped\n"
            + "schemas/page.md(8,3): error CLG1004: table 'T' already has a column 'Level' (at schemas/page.md(7,3)); this one is skipped\n"
            + "2 schema files, 2 tables: 1 error, 1 warning.\n",
            errors.Out);
    }

    [Fact]
    public async Task Check_passes_warnings_unless_told_and_shows_infos_on_request()
    {
        _project.Write("logs/page.md", "# T\n\n| Column | Type |\n|---|---|\n| A | string |\n|  | string |\n");
        _project.Write("logs/inferred.md", "# U\n\n| Property | Description |\n|---|---|\n| `TimeGenerated` | When the record was made. |\n");

        var plain = await ToolRun.RunAsync(_project.Path, "check", "logs/page.md", "logs/inferred.md");
        var strict = await ToolRun.RunAsync(_project.Path, "check", "logs", "--warnaserror");
        var infos = await ToolRun.RunAsync(_project.Path, "check", "logs", "--info");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        Assert.DoesNotContain("CLG1010", plain.Out, StringComparison.Ordinal);
        Assert.Contains("logs/inferred.md(5,3): info CLG1010: column 'TimeGenerated' has no type in the document; inferred datetime", infos.Out, StringComparison.Ordinal);
        Assert.Equal(0, infos.ExitCode);
    }

    [Fact]
    public async Task A_type_changed_under_a_lock_warns_at_its_line_and_locking_again_accepts_it()
    {
        _project.Write("schemas/traffic.json", Kusto("NetworkAccessTraffic", Traffic));
        var locked = await ToolRun.RunAsync(_project.Path, "lock");
        Assert.Equal((0, "Locked 1 table in schemas/callloggen.lock.json.\n"), (locked.ExitCode, locked.Out));
        Assert.Contains("{ \"name\": \"SourcePort\", \"type\": \"int\" }", File.ReadAllText(_project.Combine("schemas", "callloggen.lock.json")), StringComparison.Ordinal);

        _project.Write("schemas/traffic.json", Kusto("NetworkAccessTraffic", Traffic.With("SourcePort", "string")).Replace("}, {", "},\n  {", StringComparison.Ordinal));
        var check = await ToolRun.RunAsync(_project.Path, "check", "--warnaserror");
        Assert.Equal(1, check.ExitCode);
        Assert.StartsWith(
            "schemas/traffic.json(3,12): warning CLG1031: table 'NetworkAccessTraffic': column 'SourcePort' retyped from int to string since callloggen.lock.json was written; code that reads or queries the column breaks. If the change is meant, run `callloggen lock` to accept it.\n",
            check.Out,
            StringComparison.Ordinal);

        var relocked = await ToolRun.RunAsync(_project.Path, "lock");
        Assert.Equal(0, relocked.ExitCode);
        Assert.StartsWith("accepted: schemas/traffic.json(3,12): warning CLG1031: ", relocked.Out, StringComparison.Ordinal);

        var after = await ToolRun.RunAsync(_project.Path, "check", "--warnaserror");
        Assert.Equal((0, "2 schema files, 1 table: 0 errors, 0 warnings.\n"), (after.ExitCode, after.Out));
    }

    [Fact]
    public async Task Lock_writes_nothing_over_schema_errors()
    {
        _project.Write("schemas/t.json", "{\"Name\": \"T\", \"Properties\": [ }");

        var result = await ToolRun.RunAsync(_project.Path, "lock");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("schemas/t.json(1,31): error CLG1001", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_project.Combine("schemas", "callloggen.lock.json")));
    }

    [Fact]
    public async Task Tables_lists_the_built_in_reference_and_shows_one_table()
    {
        var list = await ToolRun.RunAsync(_project.Path, "tables");
        var one = await ToolRun.RunAsync(_project.Path, "tables", "acsbillingusage");
        var unknown = await ToolRun.RunAsync(_project.Path, "tables", "ACSBillingUsages");

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^ACSBillingUsage\s+21 columns  Usage$", list.Out);
        Assert.EndsWith("697 tables (Azure Monitor table reference (2024-09)).\n", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, one.ExitCode);
        Assert.StartsWith("ACSBillingUsage\n\nColumns:\n  _BilledSize       real\n", one.Out, StringComparison.Ordinal);
        Assert.Contains("  Microsoft.Communication/CommunicationServices: Usage\n", one.Out, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has no table 'ACSBillingUsages'; nearest: ACSBillingUsage", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("pull")]
    [InlineData("check")]
    [InlineData("tables")]
    [InlineData("lock")]
    public async Task Each_command_has_help(string command)
    {
        var result = await ToolRun.RunAsync(_project.Path, command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: callloggen " + command, result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit code", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_lists_its_commands_and_refuses_unknown_ones()
    {
        var help = await ToolRun.RunAsync(_project.Path, "--help");
        var none = await ToolRun.RunAsync(_project.Path);
        var unknown = await ToolRun.RunAsync(_project.Path, "difff");

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "diff", "pull", "check", "tables", "lock" })
        {
            Assert.Contains("  " + command, help.Out, StringComparison.Ordinal);
        }

        Assert.Equal(2, none.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown command 'difff'", unknown.Error, StringComparison.Ordinal);
    }
}
