using System.Diagnostics;
using System.Text.Json;
using CallLogGen.Tests.Integration;
using CallLogGen.Tool.Tests.Infrastructure;
using static CallLogGen.Tool.Tests.Infrastructure.SchemaText;

namespace CallLogGen.Tool.Tests.Commands;

/// <summary><c>git:&lt;revision&gt;</c>: the project's schemas/ at a revision of a temporary repository, read with git itself.</summary>
public sealed class GitRevisionTests : IDisposable
{
    private readonly TempFolder _repository = new("callloggen-git");

    public GitRevisionTests()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "tests@callloggen.invalid");
        Git("config", "user.name", "CallLogGen tests");
        Git("config", "commit.gpgsign", "false");
    }

    public void Dispose() => _repository.Dispose();

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repository.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    private void Commit(string message, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            _repository.Write(path, text);
        }

        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    [Fact]
    public async Task Two_revisions_and_a_revision_against_the_working_tree()
    {
        Commit("18 columns", ("app/schemas/ACSBillingUsage.json", TablesApi("ACSBillingUsage", BillingUsage18)), ("app/schemas/traffic.json", Sentinel("NetworkAccessTraffic", Traffic)), ("app/notes.txt", "not a schema"));
        Commit("ParticipantId", ("app/schemas/ACSBillingUsage.json", TablesApi("ACSBillingUsage", BillingUsage18.Append(("ParticipantId", "string")))));
        Git("tag", "v2");
        Commit("21 columns", ("app/schemas/ACSBillingUsage.json", TablesApi("ACSBillingUsage", BillingUsage21)));
        _repository.Write("app/schemas/traffic.json", Sentinel("NetworkAccessTraffic", Traffic.With("SourcePort", "string")));
        var app = _repository.Combine("app");

        var history = await ToolRun.RunAsync(app, "diff", "git:HEAD~2", "git:v2", "--format", "json");
        var tagToHead = await ToolRun.RunAsync(app, "diff", "git:v2", "git:HEAD");
        var uncommitted = await ToolRun.RunAsync(app, "diff", "git:HEAD", "schemas");

        Assert.True(history.ExitCode == 0, history.ToString());
        using (var json = JsonDocument.Parse(history.Out))
        {
            var change = Assert.Single(Assert.Single(json.RootElement.GetProperty("tables").EnumerateArray()).GetProperty("changes").EnumerateArray());
            Assert.Equal(("added", "ParticipantId"), (change.GetProperty("kind").GetString(), change.GetProperty("column").GetString()));
        }

        Assert.Equal(0, tagToHead.ExitCode);
        Assert.Contains("+ column '_BilledSize' (real) added", tagToHead.Out, StringComparison.Ordinal);
        Assert.Contains("+ column '_IsBillable' (string) added", tagToHead.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("NetworkAccessTraffic", tagToHead.Out, StringComparison.Ordinal);

        Assert.Equal(1, uncommitted.ExitCode);
        Assert.Equal("NetworkAccessTraffic\n  ! column 'SourcePort' retyped from int to string (breaking)\n1 table changed; 1 breaking change.\n", uncommitted.Out);
    }

    [Fact]
    public async Task Table_options_at_a_revision_name_files_as_in_the_working_tree()
    {
        const string Page = "# Billing\n\n| Column | Type | Description |\n|---|---|---|\n| time | datetime | When. |\n| Quantity | real | How much. |\n";
        Commit("page", ("schemas/billing.md", Page), ("schemas/billing.options.json", """{"tables": [{"tableName": "ContosoBilling", "source": {"file": "schemas/billing.md"}, "columns": [{"column": "time", "rename": "TimeGenerated"}]}]}"""));
        Commit("typed", ("schemas/billing.options.json", """{"tables": [{"tableName": "ContosoBilling", "source": {"file": "schemas/billing.md"}, "columns": [{"column": "time", "rename": "TimeGenerated"}, {"column": "Quantity", "type": "decimal"}]}]}"""));

        var result = await ToolRun.RunAsync(_repository.Path, "diff", "git:HEAD^", "git:HEAD");

        Assert.Equal("ContosoBilling\n  ! column 'Quantity' retyped from real to decimal (breaking)\n1 table changed; 1 breaking change.\n", result.Out);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task An_unknown_revision_is_bad_input()
    {
        Commit("page", ("schemas/t.json", Sentinel("T_CL", Traffic)));

        var result = await ToolRun.RunAsync(_repository.Path, "diff", "git:no-such-branch", "schemas");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("callloggen: git ls-tree -r -z --name-only no-such-branch -- schemas/", result.Error, StringComparison.Ordinal);
    }
}
