using System;
using System.Collections.Generic;
using System.Threading;
using Azure.Storage.Blobs;
using CallLogGen.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// Reads the archives a diagnostic setting writes to a storage account: containers <c>insights-logs-&lt;category&gt;</c>,
/// one append blob per resource and hour (<c>resourceId=/SUBSCRIPTIONS/.../y=/m=/d=/h=/m=00/PT1H.json</c>), one JSON
/// record per line or <c>{"records":[...]}</c>. Records come out typed through the generated export reader (which
/// picks each record's table), filtered by their own time, in the documented order: blob by blob (folder hour, then
/// container, then resource), each blob's records in the order they were written.
/// </summary>
/// <example>
/// <code>
/// var archive = new DiagnosticLogArchive(new BlobServiceClient(connectionString), CallLogTables.CreateExportReader());
/// await foreach (var item in archive.ReadAsync(from, to, resourceId, checkpoint))
/// {
///     if (item.Record is AcsCallAutomationIncomingOperations operation) { ... }
/// }
/// </code>
/// </example>
public sealed class DiagnosticLogArchive
{
    private readonly ArchiveReader<object> _reader;

    /// <summary>Reads the containers of every category <paramref name="reader"/> dispatches.</summary>
    /// <param name="account">The storage account, with any credential: a connection string, a SAS or a <c>TokenCredential</c>.</param>
    /// <param name="reader">The generated export reader (<c>CallLogTables.CreateExportReader()</c>), which types each record.</param>
    /// <param name="options">Parallelism, late appends, problems and progress.</param>
    public DiagnosticLogArchive(BlobServiceClient account, LogExportReader reader, ArchiveReadOptions? options = null)
        : this(account, reader, (reader ?? throw new ArgumentNullException(nameof(reader))).Categories, options)
    {
    }

    /// <summary>Reads the containers of the given categories (a category no table claims comes out as an <c>UnknownLogRecord</c>).</summary>
    public DiagnosticLogArchive(BlobServiceClient account, LogExportReader reader, IEnumerable<string> categories, ArchiveReadOptions? options = null)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var containers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var category in categories ?? throw new ArgumentNullException(nameof(categories)))
        {
            containers.Add(ArchiveLayout.DiagnosticSettings.Container(category));
        }

        _reader = new ArchiveReader<object>(account, ArchiveLayout.DiagnosticSettings, new List<string>(containers), options, reader.ReadAsync);
    }

    /// <summary>The containers read: <c>insights-logs-</c> and each category in lower case.</summary>
    public IReadOnlyList<string> Containers => _reader.Containers;

    /// <summary>
    /// Reads the records whose own time is in [<paramref name="from"/>, <paramref name="to"/>): the blobs of the range's
    /// hours and of the 48 hours after it (a blob holds records up to 48 hours older than its hour), listed by
    /// prefix. With a checkpoint, only what was not read before; the checkpoint is updated as records go out.
    /// </summary>
    /// <param name="from">The range's start (included).</param>
    /// <param name="to">The range's end (excluded); null reads up to now, for tailing.</param>
    /// <param name="resourceId">One resource (<c>/subscriptions/.../providers/Microsoft.Communication/CommunicationServices/name</c>), or null for all.</param>
    /// <param name="checkpoint">Where an earlier read of the same range stopped; updated as records are handed out.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public IAsyncEnumerable<ArchiveRecord<object>> ReadAsync(DateTimeOffset from, DateTimeOffset? to = null, string? resourceId = null, ArchiveCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
        => _reader.ReadAsync(from, to, resourceId, checkpoint, cancellationToken);
}
