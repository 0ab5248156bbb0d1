using System.Text.RegularExpressions;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Sample;

/// <summary>
/// The sample's <c>tables</c>: every generated type with its table, where its columns came from and its routes, read
/// from <c>CallLogTables.Json</c>. Checked against the schema files themselves, and, for a table of the built-in Azure
/// Monitor reference (which the sample does not use), by compiling the sample's listing with such a table.
/// </summary>
public class TablesCommandTests
{
    private static readonly Regex FileSource = new(@"^(?<file>\S+) (line (?<first>\d+)|lines (?<first>\d+)-(?<last>\d+)) \((?<count>\d+) columns?\)$");

    private sealed record Listing(string Type, string Table, int Columns, string[] Sources, string Routes);

    private static List<Listing> Parse(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length % 3 == 0, "expected three lines per table:\n" + output);
        return lines.Chunk(3).Select(table =>
        {
            var head = Regex.Match(table[0], @"^(?<type>\S+)  table (?<table>\S+), (?<columns>\d+) columns$");
            Assert.True(head.Success, table[0]);
            Assert.StartsWith("  from: ", table[1], StringComparison.Ordinal);
            Assert.StartsWith("  routes: ", table[2], StringComparison.Ordinal);
            return new Listing(head.Groups["type"].Value, head.Groups["table"].Value, int.Parse(head.Groups["columns"].Value, System.Globalization.CultureInfo.InvariantCulture),
                table[1]["  from: ".Length..].Split("; "), table[2]["  routes: ".Length..]);
        }).ToList();
    }

    private static int Count(string source) => int.Parse(Regex.Match(source, @"\((\d+) columns?\)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Tables_lists_each_generated_type_its_table_the_schema_lines_its_columns_came_from_and_its_routes()
    {
        var (exitCode, output, error) = SampleProcess.Run("tables");
        var (_, schema, _) = SampleProcess.Run("schema");

        Assert.True(exitCode == 0, error);
        var tables = Parse(output);
        Assert.Equal(
            new[] { ("CallAutomationInsights.Logs.AcsBillingUsage", "ACSBillingUsage"), ("CallAutomationInsights.Logs.AcsCallAutomationIncomingOperations", "ACSCallAutomationIncomingOperations") },
            tables.Select(t => (t.Type, t.Table)));
        Assert.Equal("Usage from Microsoft.Communication/CommunicationServices", tables[0].Routes);
        Assert.Equal("CallAutomationOperational from Microsoft.Communication/CommunicationServices", tables[1].Routes);

        foreach (var table in tables)
        {
            // The column count is the table's (as `schema` prints it), and the sources account for every column.
            var csl = schema.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith(table.Table + " ", StringComparison.Ordinal));
            Assert.Equal(csl.Split(", ").Length, table.Columns);
            Assert.Equal(table.Columns, table.Sources.Sum(Count));
            Assert.Equal("Azure Monitor standard columns (7 columns)", table.Sources[^1]);

            // Each schema file exists, and the lines named are column rows in it: a markdown table row, a JSON column's name.
            Assert.Contains(table.Sources, s => s.StartsWith("schemas/call-automation-logs.md lines ", StringComparison.Ordinal));
            foreach (var source in table.Sources.SkipLast(1))
            {
                var match = FileSource.Match(source);
                Assert.True(match.Success, source);
                var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, match.Groups["file"].Value));
                foreach (var line in new[] { match.Groups["first"].Value, match.Groups["last"].Value }.Where(l => l.Length > 0).Select(int.Parse))
                {
                    var text = lines[line - 1].Trim();
                    Assert.True(
                        match.Groups["file"].Value.EndsWith(".md", StringComparison.Ordinal) ? text.StartsWith("| `", StringComparison.Ordinal) : text.Contains("\"name\"", StringComparison.OrdinalIgnoreCase),
                        $"{source}: line {line} is not a column row: {text}");
                }
            }
        }
    }

    [Fact]
    public void A_table_of_the_built_in_reference_is_listed_as_coming_from_it_with_its_resource_type_routes()
    {
        // The sample's own listing code, compiled with a table named in the project file (CallLogGenTable) and one from a page.
        var listing = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "CallAutomationInsights", "TableListing.cs"));
        const string program = """
            namespace User
            {
                public static class Program
                {
                    public static object Run(string input)
                    {
                        var output = new System.IO.StringWriter();
                        CallAutomationInsights.TableListing.Write(Contoso.CallLogs.CallLogTables.Json, output);
                        return output.ToString();
                    }
                }
            }
            """;
        var page = new SchemaInput("schemas/requests.md", "# Requests\n\n| Column | Type | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| Level | string | How bad. |\n");
        var run = new GeneratorHarness(new[] { page }, program, properties: new Dictionary<string, string> { ["CallLogGenTables"] = "AZKVAuditLogs" }, moreUserCode: new[] { listing }).Run();

        // Emitting the assembly fails with the compiler's errors, if any.
        var (result, failure) = UserProgram.Execute(run);
        Assert.Null(failure);
        var tables = Parse((string)result!);

        var requests = tables.Single(t => t.Table == "Requests");
        Assert.Equal("Contoso.CallLogs.Requests", requests.Type);
        Assert.Equal(new[] { "schemas/requests.md lines 5-6 (2 columns)" }, requests.Sources);
        Assert.StartsWith("none", requests.Routes, StringComparison.Ordinal);

        var keyVault = tables.Single(t => t.Table == "AZKVAuditLogs");
        Assert.Equal("Contoso.CallLogs.AzkvAuditLogs", keyVault.Type);
        Assert.StartsWith("Azure Monitor table reference (2024-09) (", keyVault.Sources[0], StringComparison.Ordinal);
        Assert.Equal(keyVault.Columns, keyVault.Sources.Sum(Count));
        Assert.Contains("AuditEvent from Microsoft.KeyVault/vaults", keyVault.Routes, StringComparison.Ordinal);
    }
}
