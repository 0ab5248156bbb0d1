using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// A column whose type changed at the source (Log Analytics made an int a string, say): each value that cannot be read
/// as the schema's type names the column, the type and the JSON kind that arrived, and the read options count them per
/// column, in strict mode (records skipped) and lenient mode (values kept) alike.
/// </summary>
public class TypeMismatchTests
{
    private const string Export = """
        {"time":"2025-03-01T10:00:00Z","durationMs":"slow","resultSignature":200}
        {"time":"2025-03-01T10:00:01Z","durationMs":12,"resultSignature":"OK"}
        {"time":"2025-03-01T10:00:02Z","durationMs":true,"resultSignature":{"code":1}}
        {"time":"2025-03-01T10:00:03Z","durationMs":"15","resultSignature":"201"}
        """;

    [Fact]
    public void Kept_values_are_counted_per_column_with_their_json_kind()
    {
        var counts = new TypeMismatchCounts();
        var seen = new List<TypeMismatch>();
        var options = new LogReadOptions { KeepUntypedValues = true, OnTypeMismatch = m => { counts.Add(m); seen.Add(m); } };

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Export, options);

        Assert.Equal(4, records.Count);
        Assert.Equal(2, counts["DurationMs"]);
        Assert.Equal(2, counts["ResultSignature"]);
        Assert.Equal(0, counts["OperationName"]);
        Assert.Equal(4, counts.Total);
        Assert.Equal(new[] { "DurationMs", "ResultSignature" }, counts.ByColumn.Select(c => c.Key));
        Assert.Equal(
            new[] { (JsonValueKind.String, "DurationMs"), (JsonValueKind.String, "ResultSignature"), (JsonValueKind.True, "DurationMs"), (JsonValueKind.Object, "ResultSignature") },
            seen.Select(m => (m.ValueKind, m.Column)));
        Assert.All(seen, m => Assert.Equal(KqlType.Int, m.SchemaType));
        Assert.All(seen, m => Assert.True(m.Kept));
        Assert.Equal("column 'DurationMs' (int): expected an int (a whole number from -2147483648 to 2147483647), found the boolean true", seen[2].ToString());

        // Kept, not lost: the value is written back in its column's place.
        Assert.Null(records[1].ResultSignature);
        Assert.Equal(15, records[3].DurationMs);
    }

    [Fact]
    public void In_strict_mode_each_mismatch_is_counted_and_its_record_fails_naming_column_type_and_kind()
    {
        var counts = new TypeMismatchCounts();
        var failures = new List<LogJsonException>();
        var options = new LogReadOptions { OnTypeMismatch = counts.Add, OnInvalidRecord = failures.Add };

        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(Export, options);

        Assert.Single(records);
        Assert.Equal(3, failures.Count);
        Assert.Equal(new[] { ("DurationMs", 1L), ("ResultSignature", 2L), ("DurationMs", 3L) }, failures.Select(f => (f.Column!, f.RecordNumber)));
        Assert.Equal("expected an int (a whole number from -2147483648 to 2147483647), found the string \"OK\"", failures[1].Problem);
        // The first bad value of a record fails it, so a record's later columns are not counted.
        Assert.Equal(2, counts["DurationMs"]);
        Assert.Equal(1, counts["ResultSignature"]);
    }

    [Fact]
    public void A_query_result_whose_column_was_retyped_counts_each_value_the_model_cannot_type()
    {
        const string Result = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"ResultSignature","type":"string"}],
            "rows":[["2025-03-01T10:00:00Z","200"],["2025-03-01T10:00:01Z","Accepted"],["2025-03-01T10:00:02Z","Created"]]}]}
            """;
        var counts = new TypeMismatchCounts();

        var rows = AcsCallAutomationIncomingOperations.Json.ReadQueryResult(Result, options: new LogReadOptions { KeepUntypedValues = true, OnTypeMismatch = counts.Add });

        Assert.Equal(3, rows.Count);
        Assert.Equal(200, rows[0].ResultSignature);
        Assert.Equal(2, counts["ResultSignature"]);
        var error = Assert.Throws<LogJsonException>(() => AcsCallAutomationIncomingOperations.Json.ReadQueryResult(Result));
        Assert.Equal("ResultSignature", error.Column);
        Assert.Contains("found the string \"Accepted\"", error.Message, StringComparison.Ordinal);
    }
}
