using System.Text.Json;
using CallLogGen.Tests.Integration;
using CallLogGen.Tool.Tests.Infrastructure;
using static CallLogGen.Tool.Tests.Infrastructure.SchemaText;

namespace CallLogGen.Tool.Tests.Commands;

/// <summary>
/// <c>callloggen diff</c> on pairs made from the facts of issue 16, in every schema format the generator reads:
/// what changed per table, what breaks, and the exit code that says so.
/// </summary>
public sealed class DiffTests : IDisposable
{
    private readonly TempFolder _folder = new("callloggen-diff");

    public void Dispose() => _folder.Dispose();

    private async Task<ToolResult> Diff(string oldText, string newText, string fileName, params string[] more)
    {
        _folder.Write("old/schemas/" + fileName, oldText);
        _folder.Write("new/schemas/" + fileName, newText);
        return await ToolRun.RunAsync(_folder.Path, new[] { "diff", "old/schemas", "new/schemas" }.Concat(more).ToArray());
    }

    private static List<(string Table, string Kind, string? Column, string? From, string? To, bool Breaking)> Changes(ToolResult result)
    {
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("tables").EnumerateArray()
            .SelectMany(t => t.GetProperty("changes").EnumerateArray().Select(c => (
                t.GetProperty("table").GetString()!,
                c.GetProperty("kind").GetString()!,
                c.GetProperty("column").GetString(),
                c.GetProperty("from").GetString(),
                c.GetProperty("to").GetString(),
                c.GetProperty("breaking").GetBoolean())))
            .ToList();
    }

    [Fact]
    public async Task ACSBillingUsage_from_18_to_21_columns_is_3_added_columns_and_nothing_breaks()
    {
        var result = await Diff(TablesApi("ACSBillingUsage", BillingUsage18), TablesApi("ACSBillingUsage", BillingUsage21), "ACSBillingUsage.json", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            new[]
            {
                ("ACSBillingUsage", "added", (string?)"ParticipantId", (string?)null, (string?)"string", false),
                ("ACSBillingUsage", "added", "_BilledSize", null, "real", false),
                ("ACSBillingUsage", "added", "_IsBillable", null, "string", false),
            },
            Changes(result).OrderBy(c => c.Column, StringComparer.Ordinal));

        // Exactly the shape, and nothing else.
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(new[] { "tables" }, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "table", "changes" }, json.RootElement.GetProperty("tables")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "kind", "column", "from", "to", "breaking" }, json.RootElement.GetProperty("tables")[0].GetProperty("changes")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task SourcePort_from_int_to_string_is_a_breaking_retype_and_exit_code_1()
    {
        var result = await Diff(Sentinel("NetworkAccessTraffic", Traffic), Sentinel("NetworkAccessTraffic", Traffic.With("SourcePort", "string")), "NetworkAccessTraffic.json", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(new[] { ("NetworkAccessTraffic", "retyped", (string?)"SourcePort", (string?)"int", (string?)"string", true) }, Changes(result));
    }

    [Fact]
    public async Task The_flip_back_is_breaking_too()
    {
        var result = await Diff(Sentinel("NetworkAccessTraffic", Traffic.With("SourcePort", "string")), Sentinel("NetworkAccessTraffic", Traffic), "NetworkAccessTraffic.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("NetworkAccessTraffic\n  ! column 'SourcePort' retyped from string to int (breaking)\n1 table changed; 1 breaking change.\n", result.Out);
    }

    [Fact]
    public async Task A_table_renamed_with_the_same_columns_is_a_breaking_rename()
    {
        var result = await Diff(Kusto("ContosoCalls_CL", Traffic), Kusto("ContosoCallEvents_CL", Traffic), "calls.json", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(new[] { ("ContosoCallEvents_CL", "renamed", (string?)null, (string?)"ContosoCalls_CL", (string?)"ContosoCallEvents_CL", true) }, Changes(result));
    }

    [Fact]
    public async Task A_column_renamed_with_the_same_type_is_a_breaking_rename_and_another_type_is_remove_plus_add()
    {
        var before = new[] { ("TimeGenerated", "datetime"), ("callerIpAddress", "string"), ("resultSignature", "int") };
        var after = new[] { ("TimeGenerated", "datetime"), ("CallerIpAddress", "string"), ("ResultSignature", "string") };

        var result = await Diff(Markdown("Operations", before), Markdown("Operations", after), "operations.md", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            new[]
            {
                ("Operations", "renamed", (string?)"CallerIpAddress", (string?)"callerIpAddress", (string?)"CallerIpAddress", true),
                ("Operations", "added", "ResultSignature", null, "string", false),
                ("Operations", "removed", "resultSignature", "int", null, true),
            },
            Changes(result));
    }

    [Fact]
    public async Task Table_options_changes_show_as_the_tables_they_make()
    {
        const string Page = "# Billing\n\n| Column | Type | Description |\n|---|---|---|\n| time | datetime | When. |\n| Quantity | real | How much. |\n| Extra | string | Not in the table. |\n";
        _folder.Write("old/schemas/billing.md", Page);
        _folder.Write("new/schemas/billing.md", Page);
        _folder.Write("old/schemas/billing.options.json", """{"tables": [{"tableName": "ContosoBilling", "source": {"file": "schemas/billing.md"}, "columns": [{"column": "time", "rename": "TimeGenerated"}]}]}""");
        _folder.Write("new/schemas/billing.options.json", """{"tables": [{"tableName": "ContosoBilling", "source": {"file": "schemas/billing.md"}, "columns": [{"column": "time", "rename": "TimeGenerated"}, {"column": "Quantity", "type": "long", "required": true}, {"column": "Extra", "action": "drop"}]}]}""");

        var result = await ToolRun.RunAsync(_folder.Path, "diff", "old/schemas", "new/schemas", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            new[]
            {
                ("ContosoBilling", "retyped", (string?)"Quantity", (string?)"real", (string?)"long", true),
                ("ContosoBilling", "removed", "Extra", "string", null, true),
            },
            Changes(result));
    }

    [Fact]
    public async Task A_column_made_required_is_breaking_and_a_string_made_optional_is_not()
    {
        var page = Markdown("Requests", new[] { ("TimeGenerated", "datetime"), ("Level", "string"), ("Code", "int") });
        _folder.Write("old/schemas/requests.md", page);
        _folder.Write("new/schemas/requests.md", page);
        _folder.Write("old/schemas/requests.options.json", """{"tables": [{"tableName": "Requests", "columns": [{"column": "Level", "required": true}]}]}""");
        _folder.Write("new/schemas/requests.options.json", """{"tables": [{"tableName": "Requests", "columns": [{"column": "Level", "required": false}, {"column": "Code", "required": true}]}]}""");

        var result = await ToolRun.RunAsync(_folder.Path, "diff", "old/schemas", "new/schemas", "--format", "json");

        Assert.Equal(
            new[]
            {
                ("Requests", "required", (string?)"Level", (string?)"required", (string?)"optional", false),
                ("Requests", "required", "Code", "optional", "required", true),
            },
            Changes(result));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Added_and_removed_tables_and_single_files_compare_too()
    {
        _folder.Write("a.json", Sentinel("First_CL", Traffic));
        _folder.Write("b.json", Kusto("Second_CL", new[] { ("TimeGenerated", "datetime") }));

        var result = await ToolRun.RunAsync(_folder.Path, "diff", "a.json", "b.json", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            new[]
            {
                ("Second_CL", "added", (string?)null, (string?)null, (string?)"Second_CL", false),
                ("First_CL", "removed", null, "First_CL", null, true),
            },
            Changes(result));
    }

    [Fact]
    public async Task Equal_schemas_in_other_formats_have_no_changes()
    {
        _folder.Write("a/T.json", Sentinel("Contoso_CL", Traffic));
        _folder.Write("b/T.json", Kusto("Contoso_CL", Traffic));

        var text = await ToolRun.RunAsync(_folder.Path, "diff", "a", "b");
        var json = await ToolRun.RunAsync(_folder.Path, "diff", "a", "b", "--format", "json");
        var markdown = await ToolRun.RunAsync(_folder.Path, "diff", "a", "b", "--format", "markdown");

        Assert.Equal((0, "No changes.\n"), (text.ExitCode, text.Out));
        Assert.Equal("{\n  \"tables\": []\n}\n", json.Out);
        Assert.Equal("### Schema changes\n\nNo changes.\n", markdown.Out);
    }

    [Fact]
    public async Task Text_and_markdown_read_as_a_review_would()
    {
        var result = await Diff(Sentinel("NetworkAccessTraffic", Traffic), Sentinel("NetworkAccessTraffic", Traffic.With("SourcePort", "string").Append(("Bytes", "long")).ToArray()), "t.json", "--format", "markdown");

        Assert.Equal(
            """
            ### Schema changes

            | Table | Change | Column | From | To | Breaking |
            |---|---|---|---|---|---|
            | `NetworkAccessTraffic` | retyped | `SourcePort` | `int` | `string` | **yes** |
            | `NetworkAccessTraffic` | added | `Bytes` |  | `long` | no |

            1 table changed; 1 breaking change.

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            result.Out);
    }

    [Fact]
    public async Task Bad_input_is_exit_code_2_with_the_located_diagnostic()
    {
        var result = await Diff(Sentinel("T", Traffic), "{\n  \"Name\": \"T\",\n  \"Properties\": [ }\n", "t.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("new/schemas/t.json(3,19): error CLG1001: the file is not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains("new/schemas has 1 error; nothing is compared", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "diff", "only-one" }, "diff needs two schema sets")]
    [InlineData(new[] { "diff", "nowhere", "nowhere-else" }, "'nowhere' is no file or folder")]
    [InlineData(new[] { "diff", "a", "b", "--format", "yaml" }, "--format 'yaml' is none of text, markdown, json")]
    [InlineData(new[] { "diff", "a", "b", "--formt", "json" }, "unknown option '--formt'")]
    public async Task Bad_arguments_are_exit_code_2(string[] args, string message)
    {
        Directory.CreateDirectory(_folder.Combine("a"));
        Directory.CreateDirectory(_folder.Combine("b"));

        var result = await ToolRun.RunAsync(_folder.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("callloggen: " + message, result.Error, StringComparison.Ordinal);
    }
}
