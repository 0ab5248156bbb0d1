using System.Text.Json;
using System.Text.RegularExpressions;
using CallLogGen.Model;
using CallLogGen.Schema.Json;
using Json.Schema;
using Xunit;

namespace CallLogGen.Tests.Schema.Json;

/// <summary>
/// docs/table-options.schema.json against real files, and against the reader: what one rejects, the other rejects.
/// </summary>
public class TableOptionsSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(JsonCorpus.OptionsSchemaPath)));

    private static bool IsValid(string text, out string errors)
    {
        using var document = JsonDocument.Parse(text);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        errors = string.Join("; ", (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        return result.IsValid;
    }

    private static SchemaDocument Read(string text) => JsonCorpus.ReadText(text, "options.json");

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        var text = File.ReadAllText(JsonCorpus.OptionsSchemaPath);
        using var document = JsonDocument.Parse(text);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
    }

    [Fact]
    public void The_valid_example_file_passes_the_schema()
    {
        var text = File.ReadAllText(Path.Combine(JsonCorpus.Fixtures, "table-options.valid.json"));
        Assert.True(IsValid(text, out var errors), errors);
    }

    [Fact]
    public void The_example_in_the_format_doc_passes_the_schema_and_the_reader()
    {
        var markdown = File.ReadAllText(Path.Combine(JsonCorpus.RepoRoot, "docs", "table-options.md"));
        var example = Regex.Match(markdown, "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("\"tables\"", example, StringComparison.Ordinal);
        Assert.True(IsValid(example, out var errors), errors);

        var document = Read(example);
        Assert.Equal(SchemaFormat.TableOptions, document.Format);
        Assert.Empty(document.Diagnostics);
        Assert.Equal(2, document.Options.Count);
    }

    [Fact]
    public void The_repository_options_files_pass_the_schema_and_the_reader()
    {
        var files = Directory.EnumerateFiles(Path.Combine(JsonCorpus.RepoRoot, "schemas"), "*.json")
            .Where(p => File.ReadAllText(p).Contains("table-options.schema.json", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            Assert.True(IsValid(File.ReadAllText(path), out var errors), path + ": " + errors);
            var document = JsonCorpus.Read(path);
            Assert.Equal(SchemaFormat.TableOptions, document.Format);
            Assert.Empty(document.Diagnostics);
            Assert.NotEmpty(document.Options);
        }
    }

    [Fact]
    public void The_invalid_example_file_fails_the_schema() =>
        Assert.False(IsValid(File.ReadAllText(Path.Combine(JsonCorpus.Fixtures, "table-options.invalid.json")), out _));

    public static TheoryData<string> Accepted => new()
    {
        """{"$schema": "table-options.schema.json", "tables": []}""",
        """{"$comment": "none yet", "tables": [{"tableName": "T"}]}""",
        """{"tables": [{"tableName": "My_Table_CL", "standardColumns": "resourceLog"}]}""",
        """{"tables": [{"tableName": "T", "standardColumns": []}]}""",
        """{"tables": [{"tableName": "T", "standardColumns": ["resourceLog", "_ItemId", "_TimeReceived"]}]}""",
        """{"tables": [{"tableName": "T", "source": {"table": "Resource logs"}, "description": ""}]}""",
        """{"tables": [{"tableName": "T", "columns": [{"column": "source.namespace", "rename": "SourceNamespace"}]}]}""",
        """{"tables": [{"tableName": "T", "columns": [{"column": "x", "action": "drop", "$comment": "gone"}]}]}""",
        """{"tables": [{"tableName": "T", "columns": [{"column": "New_1", "action": "add", "type": "dynamic", "required": false, "propertyName": "New1", "description": ""}]}]}""",
        """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "update"}, {"column": "b", "type": "timespan", "required": true}]}]}""",
        """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": {"reason": "Gone soon.", "replacement": "B", "$comment": "x"}}]}]}""",
        """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": {"reason": "Gone soon."}}]}]}""",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Both_accept(string text)
    {
        Assert.True(IsValid(text, out var errors), errors);
        var document = Read(text);
        Assert.Equal(SchemaFormat.TableOptions, document.Format);
        Assert.Empty(document.Diagnostics);
    }

    public static TheoryData<string, string> Rejected => new()
    {
        { """{"tables": [{"tableName": "T", "colour": "red"}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T"}], "version": 2}""", "CLG1014" },
        { """{"$schema": "table-options.schema.json", "tables": [{"tableName": 5}]}""", "CLG1014" },
        { """{"$schema": "table-options.schema.json", "tables": [{"typeName": "X"}]}""", "CLG1014" },
        { """{"$schema": "table-options.schema.json", "tables": [{"tableName": "Bad-Name"}]}""", "CLG1014" },
        { """{"$schema": "table-options.schema.json"}""", "CLG1014" },
        { """{"$schema": "table-options.schema.json", "tables": {}}""", "CLG1014" },
        { """{"$schema": "table-options.schema.json", "tables": ["T"]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "typeName": ""}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "category": 7}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "description": null}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "$comment": 5}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "source": {}}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "source": "file.md"}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "source": {"file": ""}}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "source": {"file": "a.md", "heading": "x"}}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "standardColumns": "all"}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "standardColumns": true}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "standardColumns": ["TenantID"]}]}""", "CLG1015" },
        { """{"tables": [{"tableName": "T", "standardColumns": ["TenantId", "TenantId"]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "standardColumns": [1]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": {}}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [1]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"rename": "B"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": ""}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "remove"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "Drop"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "type": "Double"}]}]}""", "CLG1006" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "type": "DateTime"}]}]}""", "CLG1006" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "type": 1}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "required": "yes"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "rename": "1abc"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "propertyName": ""}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "nmae": "b"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "acceptUndocumentedColumns": "yes"}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "routes": [{"resourceType": "Microsoft.Contoso/widgets"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "routes": [{"category": "Usage", "kind": "x"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a b", "action": "add", "type": "string"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "add", "type": "string", "rename": "B"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "drop", "required": true}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "drop", "type": "string"}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": true}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": {}}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": {"reason": ""}}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": {"reason": "x", "replacement": "b c"}}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "obsolete": {"reason": "x", "since": "2024"}}]}]}""", "CLG1014" },
        { """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "drop", "obsolete": {"reason": "x"}}]}]}""", "CLG1014" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Both_reject(string text, string id)
    {
        Assert.False(IsValid(text, out _), "the JSON Schema accepts it");
        var document = Read(text);
        Assert.Equal(SchemaFormat.TableOptions, document.Format);
        Assert.Contains(id, document.Diagnostics.Select(d => d.Id));
        Assert.All(document.Diagnostics, d => Assert.Contains(d.Id, new[] { "CLG1006", "CLG1014", "CLG1015" }));
    }

    [Fact]
    public void Both_accept_an_add_without_a_type_which_the_resolver_takes_from_the_real_table()
    {
        const string Text = """{"tables": [{"tableName": "T", "columns": [{"column": "a", "action": "add"}]}]}""";
        Assert.True(IsValid(Text, out var errors), errors);
        Assert.Empty(Read(Text).Diagnostics);
    }

    [Theory]
    [InlineData("""{"tables": [{"tableName": "T", "typeName": "A", "typeName": "B"}]}""")]
    [InlineData("""{"tables": [{"tableName": "T"}, {"tableName": "T"}]}""")]
    [InlineData("""{"tables": [{"tableName": "T", "columns": [{"column": "a"}, {"column": "a", "action": "drop"}]}]}""")]
    public void Only_the_reader_sees_repetitions(string text)
    {
        // Documented in docs/table-options.md: a JSON Schema cannot say "unique by this property".
        Assert.Equal("CLG1014", Assert.Single(Read(text).Diagnostics).Id);
        using var document = JsonDocument.Parse(text);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag });
        Assert.True(result.IsValid);
    }
}

/// <summary>
/// Every option the reader accepts is documented in docs/table-options.md and declared in the JSON Schema, on the
/// object it belongs to: the lists come from the reader itself, so a new option cannot be added silently.
/// </summary>
public class TableOptionsDocumentationTests
{
    public static TheoryData<string, string> Options()
    {
        var data = new TheoryData<string, string>();
        foreach (var (owner, names) in new[]
        {
            ("root", TableOptionsReader.RootProperties),
            ("table", TableOptionsReader.TableProperties),
            ("source", TableOptionsReader.SourceProperties),
            ("route", TableOptionsReader.RouteProperties),
            ("column", TableOptionsReader.ColumnProperties),
            ("obsolete", TableOptionsReader.ObsoleteProperties),
        })
        {
            foreach (var name in names.Where(n => n != "$comment"))
            {
                data.Add(owner, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void The_option_is_in_the_format_doc(string owner, string name)
    {
        var markdown = File.ReadAllText(Path.Combine(JsonCorpus.RepoRoot, "docs", "table-options.md"));
        // A row of the property tables, or (for the source object's members) a mention in the source row.
        var documented = owner == "source"
            ? markdown.Contains("`" + name + "`", StringComparison.Ordinal)
            : markdown.Contains("| `" + name + "` |", StringComparison.Ordinal);
        Assert.True(documented, $"docs/table-options.md does not document the {owner} option '{name}'");
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void The_option_is_in_the_JSON_Schema(string owner, string name)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(JsonCorpus.OptionsSchemaPath));
        var root = schema.RootElement;
        var definitions = root.GetProperty("$defs");
        var properties = owner switch
        {
            "root" => root.GetProperty("properties"),
            "source" => definitions.GetProperty("table").GetProperty("properties").GetProperty("source").GetProperty("properties"),
            "route" => definitions.GetProperty("table").GetProperty("properties").GetProperty("routes").GetProperty("items").GetProperty("properties"),
            "obsolete" => definitions.GetProperty("column").GetProperty("properties").GetProperty("obsolete").GetProperty("properties"),
            _ => definitions.GetProperty(owner).GetProperty("properties"),
        };
        Assert.True(properties.TryGetProperty(name, out _), $"the JSON Schema does not declare the {owner} option '{name}'");
    }
}
