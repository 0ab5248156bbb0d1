using CallLogGen.Kql;

namespace CallLogGen.Tests.Runtime;

/// <summary>
/// What generated code builds its <c>Schema</c> and its <c>KqlColumns</c> from: columns described by the facts at hand
/// (the KQL type by name, the property and the file only where they differ), and the typed columns made once per table.
/// </summary>
public class TableSchemaTests
{
    private static TableSchema Table() => new(
        "Requests",
        "Audit",
        "schemas/requests.md",
        new ColumnSchema[]
        {
            new("TimeGenerated", "datetime", "When.", 7, isRequired: true),
            new("_ResourceId", "string", "The resource.", propertyName: "ResourceId", sourceFile: ""),
            new("DurationMs", "long", "How long.", 12, sourceFile: "schemas/requests.json"),
        });

    [Fact]
    public void Columns_take_the_tables_file_unless_they_name_another_and_their_name_as_property_unless_given_one()
    {
        var table = Table();

        Assert.Equal(
            new[]
            {
                ("TimeGenerated", KqlType.DateTime, "TimeGenerated", true, "When.", "schemas/requests.md", 7, typeof(DateTimeOffset)),
                ("_ResourceId", KqlType.String, "ResourceId", false, "The resource.", "", 0, typeof(string)),
                ("DurationMs", KqlType.Long, "DurationMs", false, "How long.", "schemas/requests.json", 12, typeof(long)),
            },
            table.Columns.Select(c => (c.Name, c.Type, c.PropertyName, c.IsRequired, c.Description, c.SourceFile, c.SourceLine, c.ClrType)));
        Assert.Equal("(TimeGenerated:datetime, _ResourceId:string, DurationMs:long)", table.ToCslSchema());
        Assert.Equal(new[] { "*/Audit" }, table.Routes.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("Int")]
    [InlineData("int32")]
    [InlineData("")]
    public void A_type_that_is_not_a_kql_types_name_is_refused(string type)
    {
        var error = Assert.Throws<ArgumentException>(() => new ColumnSchema("A", type, ""));
        Assert.Equal("type", error.ParamName);
    }

    [Fact]
    public void The_typed_columns_are_made_once_per_table_and_each_accessor_checks_the_columns_type()
    {
        var table = Table();
        var columns = KqlColumnSet.Of(table);

        Assert.Same(columns, KqlColumnSet.Of(table));
        Assert.Same(columns.DateTime(0), columns.DateTime(0));
        Assert.Equal("_ResourceId", Assert.Single(columns.String(1).Columns));
        Assert.Equal(KqlType.Long, columns.Long(2).Type);
        Assert.Contains("'DurationMs'", Assert.Throws<InvalidOperationException>(() => columns.Int(2)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => columns.String(3));
        Assert.NotSame(columns, KqlColumnSet.Of(Table()));
    }
}
