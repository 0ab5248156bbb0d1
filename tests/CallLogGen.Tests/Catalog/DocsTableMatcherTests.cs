using CallLogGen.Catalog;
using CallLogGen.Model;

namespace CallLogGen.Tests.Catalog;

/// <summary>
/// The matcher on the pair that makes the subset rule matter: the Azure Monitor reference's
/// ACSCallRecordingIncomingOperations has 21 columns, all of them among ACSCallAutomationIncomingOperations' 23
/// (which adds OperationId and SubOperationName). A docs table with the larger set is the larger table; one with only
/// the smaller set is the smaller table; what the page says outranks the columns as long as they fit.
/// </summary>
public class DocsTableMatcherTests
{
    private const string CallAutomation = "ACSCallAutomationIncomingOperations";
    private const string CallRecording = "ACSCallRecordingIncomingOperations";

    private static readonly DocsTableMatcher Matcher = new(AzureMonitorCatalog.Instance, Array.Empty<SourceTable>());

    [Fact]
    public void The_reference_really_has_one_table_within_the_other()
    {
        var automation = ColumnsOf(CallAutomation);
        var recording = ColumnsOf(CallRecording);

        Assert.Equal(23, automation.Count);
        Assert.Equal(21, recording.Count);
        Assert.Subset(automation.ToHashSet(StringComparer.Ordinal), recording.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(new[] { "OperationId", "SubOperationName" }, automation.Except(recording).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_columns_only_the_larger_table_has_decide_for_it()
    {
        var match = Matcher.Match(DocsTable("Operational logs", ColumnsOf(CallAutomation)), Array.Empty<string>());

        Assert.NotNull(match);
        Assert.Equal(CallAutomation, match.TableName);
        Assert.Null(match.RunnerUp);
    }

    [Fact]
    public void One_extra_column_of_the_larger_table_is_enough_to_choose_it()
    {
        var columns = ColumnsOf(CallRecording).Append("SubOperationName").ToList();

        Assert.Equal(CallAutomation, Matcher.Match(DocsTable("Operational logs", columns), Array.Empty<string>())?.TableName);
    }

    [Fact]
    public void The_columns_of_the_smaller_table_alone_choose_the_smaller_table()
    {
        var match = Matcher.Match(DocsTable("Operational logs", ColumnsOf(CallRecording)), Array.Empty<string>());

        Assert.NotNull(match);
        Assert.Equal(CallRecording, match.TableName);
    }

    [Fact]
    public void Columns_spelt_as_pages_spell_them_fold_to_the_same_choice()
    {
        // Pages write "Correlation ID", "callConnectionId", "URI": case, spaces and punctuation do not count.
        var columns = ColumnsOf(CallAutomation).Select(Respell).ToList();

        Assert.Equal(CallAutomation, Matcher.Match(DocsTable("Operational logs", columns), Array.Empty<string>())?.TableName);
    }

    [Fact]
    public void Export_record_names_count_as_the_columns_they_stand_for()
    {
        // An export-record page writes time and resourceId for TimeGenerated and _ResourceId.
        var columns = ColumnsOf(CallRecording).Select(c => c switch { "TimeGenerated" => "time", "_ResourceId" => "resourceId", _ => c }).ToList();

        Assert.Equal(CallRecording, Matcher.Match(DocsTable("Operational logs", columns), Array.Empty<string>())?.TableName);
    }

    [Fact]
    public void Where_the_larger_table_adds_only_fields_every_log_has_the_columns_do_not_decide()
    {
        // SynapseDXCommand's columns are all ADXCommand's, which adds only OperationName: a page of properties fields
        // leaves that out whichever table it documents, so the page's words (here: none) must decide, not the subset.
        var columns = ColumnsOf("SynapseDXCommand");

        Assert.Equal(25, columns.Count);
        Assert.Equal(new[] { "OperationName" }, ColumnsOf("ADXCommand").Except(columns));
        Assert.Null(Matcher.Match(DocsTable("Command logs", columns), Array.Empty<string>()));
        Assert.Contains("ADXCommand", new[] { Matcher.Ambiguity?.First, Matcher.Ambiguity?.Second });
    }

    [Fact]
    public void A_heading_that_is_the_smaller_tables_category_wins_over_columns_that_fit_both()
    {
        // "Operational Call Recording Logs" is the display name of the CallRecordingOperational category.
        var recording = Matcher.Match(DocsTable("Operational Call Recording Logs", ColumnsOf(CallRecording), heading: true), Array.Empty<string>());
        var automation = Matcher.Match(DocsTable("Operational Call Automation Logs", ColumnsOf(CallRecording), heading: true), Array.Empty<string>());

        Assert.Equal(CallRecording, recording?.TableName);
        Assert.Equal(CallAutomation, automation?.TableName);
    }

    [Fact]
    public void A_heading_naming_the_smaller_table_outranks_columns_only_the_larger_has()
    {
        // What the page says outranks the columns while they fit what it says (most of them do): the two extra columns
        // are then the page's drift from the reference, reported as such, not a reason to take another table.
        var match = Matcher.Match(DocsTable(CallRecording + " logs", ColumnsOf(CallAutomation), heading: true), Array.Empty<string>());

        Assert.Equal(CallRecording, match?.TableName);
        Assert.Equal("a heading names it", match?.Reason);
    }

    private static List<string> ColumnsOf(string table) =>
        AzureMonitorCatalog.Find(table)!.Columns.Select(c => c.Name).ToList();

    private static string Respell(string name) => name switch
    {
        "CorrelationId" => "Correlation ID",
        "CallConnectionId" => "callConnectionId",
        "SdkVersion" => "SDK version",
        _ => name,
    };

    private static SourceTable DocsTable(string title, IEnumerable<string> columns, bool heading = false)
    {
        var at = SourceSpan.At("/project/schemas/call-logs.md", "schemas/call-logs.md", 0, 0, 0);
        var evidence = heading ? TableEvidence.None with { Headings = new[] { title }.ToEquatableArray() } : TableEvidence.None;
        return new SourceTable(title, NameIsTableName: false, Description: null, at,
            columns.Select((name, i) => new SourceColumn(name, TypeText: null, Type: null, Requiredness.Unspecified, "", at with { Line = i + 2 })).ToEquatableArray())
        {
            Evidence = evidence,
        };
    }
}
