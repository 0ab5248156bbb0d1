using CallLogGen.Catalog;
using CallLogGen.Model;
using CallLogGen.Tool.Cli;

namespace CallLogGen.Tool.Commands;

/// <summary><c>callloggen tables [name]</c>: the Azure Monitor table reference built into CallLogGen.</summary>
internal static class TablesCommand
{
    public const string Help = """
        Usage: callloggen tables [<name>]

        Without a name: every table of the Azure Monitor table reference built into CallLogGen, with its
        number of columns and the diagnostic categories whose records land in it. With a name (any case):
        that table's columns and KQL types, and its routes (resource type and category). These are the
        tables a project can name without a schema file: <CallLogGenTable Include="ACSBillingUsage" />.

        Exit code: 0, or 2 for a name the reference does not have (the nearest names are printed).
        """;

    public static int Run(Arguments arguments, ToolContext context)
    {
        var catalog = AzureMonitorCatalog.Instance;
        if (arguments.Positional.Count == 0)
        {
            var width = catalog.Tables.Max(t => t.Name.Length);
            foreach (var table in catalog.Tables)
            {
                var categories = table.Routes.Select(r => r.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                context.Out.WriteLine($"{table.Name.PadRight(width)}  {table.Columns.Count,3} columns  {string.Join(", ", categories)}".TrimEnd());
            }

            context.Out.WriteLine($"{catalog.Tables.Count} tables ({AzureMonitorCatalog.SourceLabel}).");
            return ExitCodes.Success;
        }

        if (arguments.Positional.Count > 1)
        {
            throw new ToolException("tables takes one table name (see callloggen tables --help)");
        }

        var name = arguments.Positional[0];
        if (!catalog.TryGetTable(name, out var found))
        {
            throw new ToolException($"the Azure Monitor table reference has no table '{name}'; nearest: {string.Join(", ", catalog.NearestNames(name, 5))}");
        }

        Show(context.Out, found);
        return ExitCodes.Success;
    }

    private static void Show(TextWriter output, CatalogTable table)
    {
        output.WriteLine(table.Name);
        output.WriteLine();
        output.WriteLine("Columns:");
        var width = table.Columns.Max(c => c.Name.Length);
        foreach (var column in table.Columns)
        {
            output.WriteLine($"  {column.Name.PadRight(width)}  {column.Type.ToKqlName()}");
        }

        output.WriteLine();
        output.WriteLine(table.Routes.Count == 0 ? "Routes: none (no diagnostic category lands in it)" : "Routes (resource type: category):");
        foreach (var route in table.Routes)
        {
            output.WriteLine($"  {route.ResourceType ?? "any resource type"}: {route.Category}");
        }
    }
}
