using System.Text;
using CallLogGen.Json;
using CallLogGen.Kql;
using CallLogGen.Runtime.Tests.Logs;
using static CallLogGen.Kql.KqlFunctions;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>Results of queries that are no table's model, read with the typed columns the query was built from.</summary>
public class KqlResultTableTests
{
    private static readonly KqlLong Failures = KqlLong.Column("Failures");

    private static KqlQuery<AcsCallAutomationIncomingOperations.KqlColumns> FailuresByOperation()
        => AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromDays(1))
            .Summarize(t => new KqlAggregation { Failures.Is(Count()) }, by: t => new KqlProjection { t.OperationName });

    private const string Response = """
        {"tables":[{"name":"PrimaryResult","columns":[{"name":"OperationName","type":"string"},{"name":"Failures","type":"long"}],
          "rows":[["Play",12],["Hangup",null]]}]}
        """;

    [Fact]
    public void Cells_are_read_by_the_query_s_typed_columns()
    {
        var columns = new AcsCallAutomationIncomingOperations.KqlColumns();

        var table = KqlResultTable.Read(FailuresByOperation(), Encoding.UTF8.GetBytes(Response));

        Assert.Equal(FailuresByOperation().ResultColumns, table.Columns);
        Assert.Equal(new[] { "Play", "Hangup" }, table.Select(r => r.Get(columns.OperationName)));
        Assert.Equal(new long?[] { 12, null }, table.Select(r => r.Get(Failures)));
    }

    [Fact]
    public void A_response_without_one_of_the_query_s_columns_is_an_error()
    {
        var response = Response.Replace("\"Failures\",\"type\":\"long\"", "\"Fails\",\"type\":\"long\"", StringComparison.Ordinal);

        var error = Assert.Throws<LogJsonException>(() => KqlResultTable.Read(FailuresByOperation(), Encoding.UTF8.GetBytes(response)));

        Assert.Equal("Failures", error.Column);
        Assert.Contains("lacks the query's column Failures:long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_of_another_type_is_an_error()
    {
        var response = Response.Replace("\"Failures\",\"type\":\"long\"", "\"Failures\",\"type\":\"real\"", StringComparison.Ordinal);

        var error = Assert.Throws<LogJsonException>(() => KqlResultTable.Read(FailuresByOperation(), Encoding.UTF8.GetBytes(response)));

        Assert.Contains("Failures:real is not the query's Failures:long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_does_not_fit_its_column_names_row_and_column()
    {
        var response = Response.Replace("12]", "\"many\"]", StringComparison.Ordinal);

        var error = Assert.Throws<LogJsonException>(() => KqlResultTable.Read(FailuresByOperation(), Encoding.UTF8.GetBytes(response)));

        Assert.Equal(0, error.RecordIndex);
        Assert.Equal("Failures", error.Column);
    }

    [Fact]
    public void Reading_a_cell_by_a_column_the_result_lacks_or_of_another_type_throws()
    {
        var table = KqlResultTable.Read(Encoding.UTF8.GetBytes(Response));

        Assert.Throws<ArgumentException>(() => table[0].Get(KqlLong.Column("Other")));
        Assert.Throws<ArgumentException>(() => table[0].Get(KqlInt.Column("Failures")));
        Assert.Throws<ArgumentException>(() => table[0].Get(Failures + 1));
    }
}
