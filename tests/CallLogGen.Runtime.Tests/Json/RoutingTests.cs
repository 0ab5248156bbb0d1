using System.Text;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Records are routed by the resource type in their <c>resourceId</c> and their <c>category</c>, as the Azure Monitor
/// reference says they land: <c>Usage</c> records of Communication Services go to ACSBillingUsage, those of a dev
/// center to DevCenterBillingEventLogs (a table this project names in its project file), and a Usage record of a
/// resource type neither receives is reported whole, not guessed.
/// </summary>
public class RoutingTests
{
    private const string Acs = "/SUBSCRIPTIONS/6C5B3E2A-91D4-4F1B-8E2A-3B7C9D0E1F24/RESOURCEGROUPS/CONTOSO/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/ACS-CONTOSO";
    private const string DevCenter = "/subscriptions/6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24/resourceGroups/contoso/providers/Microsoft.DevCenter/devcenters/dc-contoso";
    private const string Unknown = "/subscriptions/6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24/resourceGroups/contoso/providers/Microsoft.Contoso/widgets/w1";

    private static string Usage(string? resourceId, double quantity, bool categoryFirst = false)
    {
        var id = resourceId is null ? string.Empty : $"\"resourceId\":\"{resourceId}\",";
        return categoryFirst
            ? $"{{\"time\":\"2026-11-24T10:00:00Z\",\"category\":\"Usage\",{id}\"properties\":{{\"Quantity\":{quantity}}}}}"
            : $"{{\"time\":\"2026-11-24T10:00:00Z\",{id}\"category\":\"Usage\",\"properties\":{{\"Quantity\":{quantity}}}}}";
    }

    private static byte[] Export(params string[] records) => Encoding.UTF8.GetBytes(string.Join("\n", records));

    [Fact]
    public void The_tables_carry_the_reference_routes()
    {
        Assert.Equal(new[] { "Microsoft.Communication/CommunicationServices/Usage" }, AcsBillingUsage.Schema.Routes.Select(r => r.ToString()));
        Assert.Contains(DevCenterBillingEventLogs.Schema.Routes, r => r.ResourceType == "Microsoft.DevCenter/devcenters" && r.Category == "Usage");
    }

    [Fact]
    public void An_export_mixing_Usage_records_of_two_resource_types_goes_to_the_two_right_tables()
    {
        var export = Export(Usage(Acs, 1), Usage(DevCenter, 2), Usage(Acs, 3, categoryFirst: true), Usage(DevCenter, 4, categoryFirst: true), Usage(Unknown, 5));

        var records = CallLogTables.CreateExportReader().Read(export);

        Assert.Equal(new double?[] { 1, 3 }, records.OfType<AcsBillingUsage>().Select(r => r.Quantity));
        Assert.Equal(new double?[] { 2, 4 }, records.OfType<DevCenterBillingEventLogs>().Select(r => r.Quantity));
        var unknown = Assert.Single(records.OfType<UnknownLogRecord>());
        Assert.Equal(("Usage", "Microsoft.Contoso/widgets"), (unknown.Category, unknown.ResourceType));
        Assert.Equal(5, unknown.Json.GetProperty("properties").GetProperty("Quantity").GetDouble());
    }

    [Fact]
    public void A_record_without_a_resource_id_is_routed_by_its_category_only_where_one_table_takes_it()
    {
        var records = CallLogTables.CreateExportReader().Read(Export(Usage(null, 1)));

        // Two tables take Usage: the category alone names neither, so the record is kept whole.
        var unknown = Assert.Single(records.OfType<UnknownLogRecord>());
        Assert.Null(unknown.ResourceType);

        var operations = CallLogTables.CreateExportReader().Read(Export("{\"time\":\"2026-11-24T10:00:00Z\",\"category\":\"CallAutomationOperational\",\"operationName\":\"Play\"}"));
        Assert.Equal("Play", Assert.IsType<AcsCallAutomationIncomingOperations>(Assert.Single(operations)).OperationName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_typed_reader_skips_its_category_from_another_resource_type_and_reports_it(bool categoryFirst)
    {
        var export = Export(Usage(Acs, 1, categoryFirst), Usage(DevCenter, 2, categoryFirst), Usage(Unknown, 3, categoryFirst), Usage(null, 4, categoryFirst));
        var others = new List<OtherTableRecord>();
        var options = new LogReadOptions { OnOtherTableRecord = others.Add };

        var usage = AcsBillingUsage.Json.ReadExport(export, options);
        var streamed = new List<AcsBillingUsage>();
        await foreach (var record in AcsBillingUsage.Json.ReadExportAsync(new ChunkedStream(export, 7), new LogReadOptions()))
        {
            streamed.Add(record);
        }

        // The dev center's and the unknown resource type's records are not ACSBillingUsage's; one without a resource id cannot be placed and is read.
        Assert.Equal(new double?[] { 1, 4 }, usage.Select(r => r.Quantity));
        Assert.Equal(new double?[] { 1, 4 }, streamed.Select(r => r.Quantity));
        Assert.Equal(new long[] { 1, 2 }, others.Select(o => o.RecordIndex));
        Assert.All(others, o => Assert.Equal("Usage", o.Category));
        Assert.Equal(new double?[] { 2 }, DevCenterBillingEventLogs.Json.ReadExport(export).Select(r => r.Quantity).Where(q => q != 4));
    }

    [Fact]
    public void A_record_that_fails_before_its_resource_id_is_judged_by_it_first()
    {
        // The dev center's record has a value ACSBillingUsage cannot type ahead of its resource id: it is still the
        // dev center's record, skipped and reported, never a bad record of this table.
        var record = "{\"time\":\"2026-11-24T10:00:00Z\",\"category\":\"Usage\",\"properties\":{\"Quantity\":\"lots\"},\"resourceId\":\"" + DevCenter + "\"}";
        var others = new List<OtherTableRecord>();
        var usage = AcsBillingUsage.Json.ReadExport(Export(record, Usage(Acs, 1)), new LogReadOptions { OnOtherTableRecord = others.Add });

        Assert.Equal(new double?[] { 1 }, usage.Select(r => r.Quantity));
        Assert.Single(others);
    }

    [Theory]
    [InlineData("Usage", Acs, true)]
    [InlineData("usage", "/subscriptions/x/resourcegroups/y/providers/microsoft.communication/communicationservices/z", true)]
    [InlineData("Usage", DevCenter, false)]
    [InlineData("Usage", Unknown, false)]
    [InlineData("Usage", null, true)]
    [InlineData("Usage", "not a resource id", true)]
    [InlineData(null, DevCenter, true)]
    [InlineData("CallAutomationOperational", Acs, false)]
    [InlineData("Usage", Acs + "/SUBRESOURCES/S1", false)]
    public void IsOwnRecord_weighs_category_and_resource_type(string? category, string? resourceId, bool own) =>
        Assert.Equal(own, AcsBillingUsage.Json.IsOwnRecord(category, resourceId));
}
