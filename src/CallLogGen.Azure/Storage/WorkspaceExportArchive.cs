using System;
using System.Collections.Generic;
using System.Threading;
using Azure.Storage.Blobs;
using CallLogGen.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// Reads what a Log Analytics workspace data export rule writes to a storage account: a container per table
/// (<c>am-&lt;table&gt;</c>), five-minute folders
/// (<c>WorkspaceResourceId=/subscriptions/.../y=/m=/d=/h=/m=&lt;mm&gt;/PT05M.json</c>, then <c>PT05M_1.json</c>...),
/// one JSON record per line in Log Analytics column names, placed by its <c>TimeGenerated</c>. Records come out
/// typed as the table's model, in the documented order: folder by folder, <c>PT05M.json</c> before
/// <c>PT05M_1.json</c>, each blob's records in the order they were written.
/// </summary>
public sealed class WorkspaceExportArchive
{
    private readonly BlobServiceClient _account;
    private readonly ArchiveReadOptions? _options;

    /// <summary>Reads from <paramref name="account"/>, with any credential: a connection string, a SAS or a <c>TokenCredential</c>.</summary>
    public WorkspaceExportArchive(BlobServiceClient account, ArchiveReadOptions? options = null)
    {
        _account = account ?? throw new ArgumentNullException(nameof(account));
        _options = options;
    }

    /// <summary>The container a table is exported to: <c>am-</c> and the table's name in lower case.</summary>
    public static string ContainerOf(TableSchema table) => ArchiveLayout.WorkspaceExport.Container((table ?? throw new ArgumentNullException(nameof(table))).TableName);

    /// <summary>
    /// Reads the table's records whose <c>TimeGenerated</c> is in [<paramref name="from"/>, <paramref name="to"/>).
    /// Columns are matched by their Log Analytics names; see docs/azure-storage.md for the columns exports carry.
    /// </summary>
    /// <param name="table">The generated model's <c>Json</c> (<c>AcsBillingUsage.Json</c>).</param>
    /// <param name="from">The range's start (included).</param>
    /// <param name="to">The range's end (excluded); null reads up to now, for tailing.</param>
    /// <param name="workspaceResourceId">One workspace's resource id, or null for every workspace exporting to the account.</param>
    /// <param name="checkpoint">Where an earlier read of the same range stopped; updated as records are handed out.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public IAsyncEnumerable<ArchiveRecord<T>> ReadAsync<T>(LogRecordJson<T> table, DateTimeOffset from, DateTimeOffset? to = null, string? workspaceResourceId = null, ArchiveCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
        where T : class
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        var reader = new ArchiveReader<T>(_account, ArchiveLayout.WorkspaceExport, new[] { ContainerOf(table.Schema) }, _options, table.ReadExportAsync);
        return reader.ReadAsync(from, to, workspaceResourceId, checkpoint, cancellationToken);
    }
}
