using CallLogGen.Model;
using CallLogGen.Schema.Markdown;
using CsCheck;
using Xunit;

namespace CallLogGen.Tests.Schema.Markdown;

// The generator's KqlType: from this namespace a plain KqlType would find the runtime's CallLogGen.KqlType first.
using KqlType = CallLogGen.Model.KqlType;


/// <summary>The messy-page quirks, one small inline document each, with exact locations.</summary>
public class MarkdownQuirkTests
{
    private static SchemaDocument Read(string text, string path = "schemas/page.md") =>
        MarkdownSchemaReader.Read(new SchemaFile("/repo/" + path, path, text), CancellationToken.None);

    private static SourceTable Single(string text) => Assert.Single(Read(text).Tables);

    [Fact]
    public void Names_in_code_plain_or_bold_with_inner_spaces_trimmed_and_a_stray_dot()
    {
        var table = Single(
            "# T\n\n| Name | Description |\n|---|---|\n| ` timeGenerated` | a |\n| `ResultCategory ` | b |\n| **Bold** | c |\n| plain | d |\n| .`Dotted` | e |\n| Operation Name | f |\n");
        Assert.Equal(["timeGenerated", "ResultCategory", "Bold", "plain", "Dotted", "Operation Name"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void A_cell_naming_two_fields_takes_the_first()
    {
        var table = Single("# T\n\n| Name | Description |\n|---|---|\n| `category` or `type` | The category. |\n| `a`, `b` | x |\n| Foo (`bar`) | y |\n");
        Assert.Equal(["category", "a", "Foo (bar)"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Rows_without_closing_pipe_trailing_space_tabs_and_padding()
    {
        var table = Single("# T\n\n|  Field   |   Type |  Description\n|:-|--------:|---\n| a | string | no closing pipe\n|\tb\t|\tint\t|\ttabs\t| \n|      c        |    long    |    padded    |\n");
        Assert.Equal(["a", "b", "c"], table.Columns.Select(c => c.Name));
        Assert.Equal([KqlType.String, KqlType.Int, KqlType.Long], table.Columns.Select(c => c.Type!.Value));
        Assert.Equal(["no closing pipe", "tabs", "padded"], table.Columns.Select(c => c.Description));
        var b = table.Columns[1];
        Assert.Equal((5, 2, 1), (b.Location.Line, b.Location.Column, b.Location.Length)); // after "|\t"
        Assert.Equal((6, 7), (table.Columns[2].Location.Line, table.Columns[2].Location.Column));
    }

    [Fact]
    public void Descriptions_become_plain_text()
    {
        var table = Single(
            "# T\n\n| Name | Description |\n|---|---|\n| a | One<br>two<br/>three<br />four |\n| b | See [the docs](https://x.test/a) and **bold** and *em* and `code`. |\n| c |  |\n| d | |\n| e | Many    spaces &amp; an entity |\n");
        Assert.Equal(
            ["One two three four", "See the docs and bold and em and code.", "", "", "Many spaces & an entity"],
            table.Columns.Select(c => c.Description));
    }

    [Fact]
    public void A_pipe_inside_a_code_span_stays_in_its_cell()
    {
        var table = Single("# T\n\n| Name | Required | Description |\n|---|---|---|\n| `op` | Required | Form `a/<Write|Read|Delete>`, more. |\n| `x` | No | y |\n");
        Assert.Equal("Form a/<Write|Read|Delete>, more.", table.Columns[0].Description);
        Assert.Equal(Requiredness.Required, table.Columns[0].Required);
        Assert.Equal("y", table.Columns[1].Description);
    }

    [Fact]
    public void Surplus_cells_are_rejoined_into_the_cell_the_author_meant()
    {
        // A backtick that never closes is no code span, so its '|' splits: the row has 4 cells for 2 headers.
        var table = Single("# T\n\n| Name | Description |\n|---|---|\n| a | one `two|three | four |\n| b | ok |\n");
        Assert.Equal(2, table.Columns.Count);
        Assert.Equal("one `two|three | four", table.Columns[0].Description);
        Assert.Equal("ok", table.Columns[1].Description);
    }

    [Theory]
    [InlineData("Required", Requiredness.Required)]
    [InlineData("**Yes**", Requiredness.Required)]
    [InlineData("true", Requiredness.Required)]
    [InlineData("Optional", Requiredness.Optional)]
    [InlineData("No", Requiredness.Optional)]
    [InlineData("false", Requiredness.Optional)]
    [InlineData("Required for tenant logs", Requiredness.Unspecified)]
    [InlineData("", Requiredness.Unspecified)]
    internal void Required_column(string cell, Requiredness expected)
    {
        var table = Single($"# T\n\n| Name | Required or optional | Description |\n|---|---|---|\n| a | {cell} | d |\n");
        Assert.Equal(expected, table.Columns[0].Required);
    }

    [Fact]
    public void Types_unknown_empty_and_legacy()
    {
        var document = Read("# T\n\n| Column | Type | Description |\n|---|---|---|\n| a | String | x |\n| b | BigInt | x |\n| c | `datetime` | x |\n| AdditionalFields |||\n| e | Widget | x |\n");
        var table = Assert.Single(document.Tables);
        Assert.Equal(
            [(KqlType?)KqlType.String, KqlType.Long, KqlType.DateTime, null, null],
            table.Columns.Select(c => c.Type));
        Assert.Equal(["String", "BigInt", "datetime", null, "Widget"], table.Columns.Select(c => c.TypeText));
        var unknown = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1006", unknown.Id);
        Assert.Equal(["e", "Widget"], unknown.Arguments.ToArray());
        Assert.Equal((8, 6, 6), (unknown.Location!.Value.Line, unknown.Location.Value.Column, unknown.Location.Value.Length));
    }

    [Fact]
    public void A_table_of_foreign_types_is_not_a_log_schema()
    {
        var document = Read("## Spec\n\n| Field | Type | Description |\n|---|---|---|\n| a | []string | x |\n| b | Object | x |\n| c | String | x |\n");
        Assert.Empty(document.Tables);
        var info = Assert.Single(document.Diagnostics);
        Assert.Equal("CLG1008", info.Id);
        Assert.Equal(["Spec", "[]string"], info.Arguments.ToArray());
        Assert.Equal((2, 0), (info.Location!.Value.Line, info.Location.Value.Column));
        Assert.Equal("| Field | Type | Description |".Length, info.Location.Value.Length);
    }

    [Fact]
    public void Row_diagnostics_with_exact_locations()
    {
        var document = Read("# T\n\n| Name | Description |\n|---|---|\n| a | first |\n|  | no name |\n| ... | no letter |\n| a | again |\n");
        var table = Assert.Single(document.Tables);
        Assert.Equal(["a"], table.Columns.Select(c => c.Name));
        Assert.Equal(3, document.Diagnostics.Count);

        var empty = document.Diagnostics[0];
        Assert.Equal("CLG1003", empty.Id);
        Assert.Equal(["T", "the name cell is empty"], empty.Arguments.ToArray());
        Assert.Equal((5, 0), (empty.Location!.Value.Line, empty.Location.Value.Column));

        var noLetter = document.Diagnostics[1];
        Assert.Equal("CLG1007", noLetter.Id);
        Assert.Equal(["..."], noLetter.Arguments.ToArray());
        Assert.Equal((6, 2, 3), (noLetter.Location!.Value.Line, noLetter.Location.Value.Column, noLetter.Location.Value.Length));

        var duplicate = document.Diagnostics[2];
        Assert.Equal("CLG1004", duplicate.Id);
        Assert.Equal(["T", "a", "schemas/page.md(5,3)"], duplicate.Arguments.ToArray());
        Assert.Equal((7, 2), (duplicate.Location!.Value.Line, duplicate.Location.Value.Column));
        Assert.Equal("schemas/page.md", duplicate.Location.Value.RelativePath);
        Assert.Equal("/repo/schemas/page.md", duplicate.Location.Value.FilePath);
    }

    [Fact]
    public void A_schema_table_without_readable_rows_is_reported_and_dropped()
    {
        var document = Read("# Empty\n\n| Name | Description |\n|---|---|\n|  |  |\n");
        Assert.Empty(document.Tables);
        Assert.Equal(["CLG1003", "CLG1016"], document.Diagnostics.Select(d => d.Id));
        Assert.Equal(["T".Replace("T", "Empty")], document.Diagnostics[1].Arguments.ToArray());
        Assert.Equal(2, document.Diagnostics[1].Location!.Value.Line);
    }

    [Fact]
    public void Not_schemas_value_tables_code_fences_and_front_matter()
    {
        var document = Read(
            "---\ntitle: x\n---\n\n# Page\n\n|Attribute|Value|\n|---|---|\n|**Resource types**|x|\n\n| operationName | REST API command |\n|---|---|\n| a | b |\n\n| Name | Value |\n|---|---|\n| a | b |\n\n```md\n| Name | Description |\n|---|---|\n| a | b |\n```\n\n    | Name | Description |\n    |---|---|\n    | a | b |\n");
        Assert.Empty(document.Tables);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Header_cells_ignore_case_bold_and_spaces()
    {
        foreach (var first in new[] { "Property", "**Property name**", "name", "COLUMN", "Field", "Field Name", "Dimension", "FieldName" })
        {
            var table = Single($"# T\n\n| {first} | Data type |\n|---|---|\n| a | int |\n");
            Assert.Equal(KqlType.Int, table.Columns[0].Type);
        }
    }

    [Fact]
    public void Naming_rules()
    {
        var document = Read(
            "# AzureThing\n\n## Columns\n\n| Name | Description |\n|---|---|\n| a | x |\n\n| Name | Description |\n|---|---|\n| b | x |\n\n" +
            "## `Usage` [logs](x.md) *here*\n\n| Name | Description |\n|---|---|\n| c | x |\n\n" +
            "### Operation names\n\n# [Vault](#tab/Vault)\n\n| Name | Description |\n|---|---|\n| d | x |\n\n# [Keys](#tab/Keys)\n\n[!INCLUDE [k](./keys.md)]\n\n---\n\n" +
            "**Caption**\n\n| Name | Description |\n|---|---|\n| e | x |\n");
        Assert.Equal(["AzureThing", "AzureThing 2", "Usage logs here", "Vault", "Caption"], document.Tables.Select(t => t.Name));
        var include = Assert.Single(document.Includes);
        Assert.Equal("Keys", include.NameHint);
        Assert.Equal("./keys.md", include.Target);
    }

    [Fact]
    public void Without_headings_the_file_name_names_the_table()
    {
        var document = Read("| Column | Type | Description |\n|---|---|---|\n| a | string | x |\n", "tables/includes/foo-include.md");
        Assert.Equal("foo-include", Assert.Single(document.Tables).Name);
        var generic = Read("## Schema\n\n| Column | Type |\n|---|---|\n| a | string |\n", "bar.md");
        Assert.Equal("bar", Assert.Single(generic.Tables).Name);
    }

    [Fact]
    public void Includes_anywhere_in_paragraphs_lists_and_quotes()
    {
        var document = Read(
            "# Page\n\nText before [!INCLUDE [a](../a.md)] and after.\n\n   [!INCLUDE[b](<b b.md>)]\n\n* item\n\n  [!INCLUDE [c](c.md \"title\")]\n\n> [!INCLUDE [d](d.md)]\n\n```\n[!INCLUDE [not](code.md)]\n```\n");
        Assert.Equal(["../a.md", "b b.md", "c.md", "d.md"], document.Includes.Select(i => i.Target));
        Assert.Equal(["Page", "Page 2", "Page 3", "Page 4"], document.Includes.Select(i => i.NameHint));
        var a = document.Includes[0];
        Assert.Equal((2, 12, "[!INCLUDE [a](../a.md)]".Length), (a.Location.Line, a.Location.Column, a.Location.Length));
        Assert.Equal((4, 3), (document.Includes[1].Location.Line, document.Includes[1].Location.Column));
    }

    [Fact]
    public void Crlf_and_byte_order_mark_locations_are_in_the_original_text()
    {
        const string body = "# Logs\r\n\r\n| Name | Type |\r\n|---|---|\r\n| `a` | string |\r\n| b | nope |\r\n| c | int |\r\n";
        foreach (var text in new[] { body, "\uFEFF" + body })
        {
            var document = Read(text);
            var table = Assert.Single(document.Tables);
            Assert.Equal("Logs", table.Name); // a BOM does not hide the first heading
            Assert.Equal((2, 0), (table.Location.Line, table.Location.Column));
            Assert.Equal("| Name | Type |", text.Substring(table.Location.Start, table.Location.Length));
            var a = table.Columns[0];
            Assert.Equal((4, 2, 3), (a.Location.Line, a.Location.Column, a.Location.Length));
            Assert.Equal("`a`", text.Substring(a.Location.Start, a.Location.Length));
            Assert.Equal((4, 5), (a.Location.EndLine, a.Location.EndColumn));
            var unknown = Assert.Single(document.Diagnostics);
            Assert.Equal((5, 6), (unknown.Location!.Value.Line, unknown.Location.Value.Column));
            Assert.Equal("nope", text.Substring(unknown.Location.Value.Start, unknown.Location.Value.Length));
        }
    }

    [Fact]
    public void A_byte_order_mark_is_not_a_column_on_the_first_line()
    {
        var document = Read("\uFEFF| Name | Type |\n|---|---|\n| a | string |\n");
        var table = Assert.Single(document.Tables);
        Assert.Equal((0, 0, 1), (table.Location.Line, table.Location.Column, table.Location.Start));
    }

    [Fact]
    public void Cancellation_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            MarkdownSchemaReader.Read(new SchemaFile("/a.md", "a.md", "# T\n\n| Name | Description |\n|---|---|\n| a | b |\n"), cancelled.Token));
    }

    [Fact]
    public void Never_throws_on_random_text()
    {
        Gen.String.Sample(text =>
        {
            var document = MarkdownSchemaReader.Read(new SchemaFile("/r.md", "r.md", text), CancellationToken.None);
            Assert.Equal(SchemaFormat.Markdown, document.Format);
        }, iter: 300);
    }

    [Fact]
    public void Never_throws_on_random_markdown_shaped_text()
    {
        var pieces = Gen.OneOf<string>(
            "|", "| ", " |", "`", "``", "**", "*", "_", "\n", "\r\n", "\r", "\t", " ", "#", "## ", "---", "|---|", ":--",
            "Name", "Type", "Description", "Required", "string", "int", "[]x", "<br/>", "[!INCLUDE [a](b.md)]", "[!INCLUDE [",
            "[x](y)", "```", "> ", "- ", "1. ", "\uFEFF", "&amp;", "\\|", "...", "a", "é", "\u2028");
        pieces.Array[0, 120].Select(string.Concat).Sample(text =>
        {
            var document = MarkdownSchemaReader.Read(new SchemaFile("/r.md", "r.md", text), CancellationToken.None);
            foreach (var table in document.Tables)
            {
                Assert.NotEmpty(table.Columns);
                Assert.InRange(table.Location.Start, 0, text.Length);
                foreach (var column in table.Columns)
                {
                    Assert.InRange(column.Location.Start + column.Location.Length, 0, text.Length);
                }
            }
        }, iter: 400);
    }
}
