using System.Text.Json;
using CallLogGen.Catalog;
using CallLogGen.Model;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Catalog;

// The generator's KqlType: from this namespace a plain KqlType would find the runtime's CallLogGen.KqlType first.
using KqlType = CallLogGen.Model.KqlType;

/// <summary>
/// The catalogue built into the generator says exactly what its source files (tools/catalog/source, the reference
/// facts it was built from) say: every table, every column in order with its type, every category route.
/// </summary>
public class AzureMonitorCatalogTests
{
    private static readonly string SourceFolder = Path.Combine(RepositoryPaths.Root, "tools", "catalog", "source");

    [Fact]
    public void Every_table_of_the_source_is_in_the_catalogue_with_its_columns_in_order_and_their_types()
    {
        using var source = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SourceFolder, "azure-monitor-tables.json")));
        var expected = source.RootElement.GetProperty("tables");
        var catalog = AzureMonitorCatalog.Instance;

        Assert.Equal(expected.EnumerateObject().Count(), catalog.Tables.Count);
        foreach (var table in expected.EnumerateObject())
        {
            Assert.True(catalog.TryGetTable(table.Name, out var built), table.Name);
            Assert.Equal(table.Name, built.Name);
            var columns = table.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString()).ToList();
            Assert.Equal(columns, built.Columns.Select(c => c.Name + ":" + c.Type.ToKqlName()).ToList());
        }
    }

    [Fact]
    public void Every_category_route_of_the_source_is_on_its_table()
    {
        using var source = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SourceFolder, "diagnostic-categories.json")));
        var catalog = AzureMonitorCatalog.Instance;
        var routes = 0;
        var resourceTypes = source.RootElement.GetProperty("resourceTypes");
        Assert.Equal(resourceTypes.EnumerateObject().Count(), catalog.ResourceTypes.Count);
        foreach (var resourceType in resourceTypes.EnumerateObject())
        {
            var built = Assert.Single(catalog.ResourceTypes, r => r.Name == resourceType.Name);
            Assert.Equal(resourceType.Value.GetArrayLength(), built.Categories.Count);
            foreach (var entry in resourceType.Value.EnumerateArray())
            {
                var category = entry.GetProperty("category").GetString()!;
                var table = entry.GetProperty("table").GetString();
                Assert.Contains(built.Categories, c => c.Name == category && c.Table == table);
                if (table is not null && catalog.TryGetTable(table, out var target))
                {
                    routes++;
                    Assert.Contains(target.Routes, r => r.ResourceType == resourceType.Name && r.Category == category);
                }
            }
        }

        Assert.Equal(routes, catalog.Tables.Sum(t => t.Routes.Count));
    }

    [Fact]
    public void The_seed_tables_are_there_with_their_real_columns_and_routes()
    {
        Assert.True(AzureMonitorCatalog.Instance.TryGetTable("acsbillingusage", out var usage));
        Assert.Equal("ACSBillingUsage", usage.Name);
        Assert.Equal(21, usage.Columns.Count);
        Assert.Contains(new CatalogColumn("Quantity", KqlType.Real), usage.Columns);
        Assert.Contains(usage.Routes, r => r.ResourceType == "Microsoft.Communication/CommunicationServices" && r.Category == "Usage");

        Assert.True(AzureMonitorCatalog.Instance.TryGetTable("ACSCallAutomationIncomingOperations", out var operations));
        var route = Assert.Single(operations.Routes);
        Assert.Equal(new TableRoute("Microsoft.Communication/CommunicationServices", "CallAutomationOperational"), route);
        var category = Assert.Single(AzureMonitorCatalog.Instance.ResourceTypes.Single(r => r.Name == route.ResourceType).Categories, c => c.Name == route.Category);
        Assert.Equal("Operational Call Automation Logs", category.DisplayName);
    }

    [Theory]
    [InlineData("ACSBillingUsag", "ACSBillingUsage")]
    [InlineData("AzKvAuditLog", "AZKVAuditLogs")]
    [InlineData("BillingUsage", "ACSBillingUsage")]
    public void An_unknown_name_gets_the_nearest_catalogue_names(string wanted, string nearest)
    {
        Assert.False(AzureMonitorCatalog.Instance.TryGetTable(wanted, out _));
        Assert.Contains(nearest, AzureMonitorCatalog.Instance.NearestNames(wanted, 3));
    }

    [Fact]
    public void A_lookup_by_name_knows_every_table_and_only_those()
    {
        Assert.All(AzureMonitorCatalog.Instance.Tables, t => Assert.True(AzureMonitorCatalog.HasTable(t.Name), t.Name));
        Assert.True(AzureMonitorCatalog.HasTable("azkvauditlogs"));
        Assert.False(AzureMonitorCatalog.HasTable("MyTable_CL"));
        Assert.Equal("AZKVAuditLogs", AzureMonitorCatalog.Find("azkvauditlogs")?.Name);
        Assert.Null(AzureMonitorCatalog.Find("MyTable_CL"));
    }

    [Fact]
    public void Text_it_cannot_read_gives_no_table_rather_than_an_exception()
    {
        var catalog = AzureMonitorCatalog.Parse("table\n\ntable\tT\tA:nosuchtype\tB:long\tC\ncategory\tX\tY\tT\nresource\nnonsense\tline\n");
        var table = Assert.Single(catalog.Tables);
        Assert.Equal(["B:long", "C:string"], table.Columns.Select(c => c.Name + ":" + c.Type.ToKqlName()));
        Assert.Empty(table.Routes);
    }
}
