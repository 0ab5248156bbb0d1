namespace CallLogGen.Model;

/// <summary>Which reader understood a file.</summary>
internal enum SchemaFormat
{
    /// <summary>Read, but holds nothing CallLogGen uses (an unknown JSON shape, invalid JSON).</summary>
    None,
    Markdown,
    AzureMonitorTablesApi,
    SentinelCustomTable,
    KustoTableSchema,
    TableOptions,
}
