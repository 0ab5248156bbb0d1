using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>
/// Writes archives into the emulator as Azure does: diagnostic settings in <c>insights-logs-&lt;category&gt;</c>, one
/// append blob per resource and hour, appended in several blocks; or <c>{"records":[...]}</c> block blobs (the shape
/// before November 2018); workspace exports in <c>am-&lt;table&gt;</c> five-minute folders.
/// </summary>
public sealed class ArchiveBuilder(BlobServiceClient account)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _containers = new();

    public const string Operations = "CallAutomationOperational";
    public const string Usage = "Usage";

    public static string Resource(int number)
        => $"/subscriptions/6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24/resourceGroups/contoso-cc-prod/providers/Microsoft.Communication/CommunicationServices/acs-contoso-{number}";

    public static string DiagnosticBlobName(string resourceId, DateTimeOffset hour)
        => "resourceId=" + resourceId.ToUpperInvariant() + string.Create(CultureInfo.InvariantCulture, $"/y={hour:yyyy}/m={hour:MM}/d={hour:dd}/h={hour:HH}/m=00/PT1H.json");

    public static string WorkspaceBlobName(string workspaceId, DateTimeOffset folder, int sequence)
        => "WorkspaceResourceId=" + workspaceId.ToLowerInvariant() + string.Create(CultureInfo.InvariantCulture, $"/y={folder:yyyy}/m={folder:MM}/d={folder:dd}/h={folder:HH}/m={folder:mm}/PT05M{(sequence == 0 ? string.Empty : "_" + sequence)}.json");

    public BlobClient DiagnosticBlob(string category, string resourceId, DateTimeOffset hour)
        => account.GetBlobContainerClient("insights-logs-" + category.ToLowerInvariant()).GetBlobClient(DiagnosticBlobName(resourceId, hour));

    /// <summary>Appends text to a diagnostic-settings hour blob (creating it and its container), as one append block.</summary>
    public Task AppendAsync(string category, string resourceId, DateTimeOffset hour, string text)
        => AppendAsync(account.GetBlobContainerClient("insights-logs-" + category.ToLowerInvariant()), DiagnosticBlobName(resourceId, hour), text);

    /// <summary>Appends one JSON line per record, in <paramref name="blocks"/> append blocks.</summary>
    public async Task AppendLinesAsync(string category, string resourceId, DateTimeOffset hour, IReadOnlyList<string> records, int blocks = 1)
    {
        var perBlock = Math.Max(1, (records.Count + blocks - 1) / blocks);
        for (var i = 0; i < records.Count; i += perBlock)
        {
            await AppendAsync(category, resourceId, hour, string.Concat(records.Skip(i).Take(perBlock).Select(r => r + "\n")));
        }
    }

    /// <summary>A block blob holding <c>{"records":[...]}</c>, pretty-printed as the old archives were.</summary>
    public async Task WriteRecordsDocumentAsync(string category, string resourceId, DateTimeOffset hour, IReadOnlyList<string> records)
    {
        var container = account.GetBlobContainerClient("insights-logs-" + category.ToLowerInvariant());
        await CreateAsync(container);
        var document = "{\n  \"records\": [\n    " + string.Join(",\n    ", records) + "\n  ]\n}\n";
        await container.GetBlobClient(DiagnosticBlobName(resourceId, hour)).UploadAsync(BinaryData.FromString(document), overwrite: true);
    }

    public Task AppendWorkspaceLinesAsync(string table, string workspaceId, DateTimeOffset folder, int sequence, IEnumerable<string> records)
        => AppendAsync(account.GetBlobContainerClient("am-" + table.ToLowerInvariant()), WorkspaceBlobName(workspaceId, folder, sequence), string.Concat(records.Select(r => r + "\n")));

    private Task CreateAsync(BlobContainerClient container) => _containers.GetOrAdd(container.Name, _ => container.CreateIfNotExistsAsync());

    private async Task AppendAsync(BlobContainerClient container, string name, string text)
    {
        await CreateAsync(container);
        var blob = container.GetAppendBlobClient(name);
        await blob.CreateIfNotExistsAsync();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await blob.AppendBlockAsync(content);
    }
}

/// <summary>Realistic Call Automation records as diagnostic settings export them, each identified by its correlation id.</summary>
public static class TestRecords
{
    public static string Operation(DateTimeOffset time, string resourceId, string id, string operationName = "Play", object? durationMs = null)
        => Write(w =>
        {
            w.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteString("resourceId", resourceId.ToUpperInvariant());
            w.WriteString("operationName", operationName);
            w.WriteString("operationVersion", "2023-10-15");
            w.WriteString("category", ArchiveBuilder.Operations);
            w.WriteString("resultType", "Succeeded");
            w.WriteNumber("resultSignature", 202);
            if (durationMs is string text)
            {
                w.WriteString("durationMs", text);
            }
            else
            {
                w.WriteNumber("durationMs", durationMs as int? ?? 135);
            }

            w.WriteString("callerIpAddress", "52.164.177.8");
            w.WriteString("correlationId", id);
            w.WriteString("level", "Informational");
            w.WriteString("location", "westeurope");
            w.WriteStartObject("properties");
            w.WriteString("CallConnectionId", "2741c7c5-5bf2-43a8-9267-018be0a0f0a9");
            w.WriteString("SdkVersion", "1.3.1");
            w.WriteString("SdkType", "dotnet");
            w.WriteString("URI", "https://acs-contoso.communication.azure.com/calling/callConnections/x:play?api-version=2023-10-15");
            w.WriteEndObject();
        });

    public static string Usage(DateTimeOffset time, string resourceId, string id, double quantity = 1.5)
        => Write(w =>
        {
            w.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteString("resourceId", resourceId.ToUpperInvariant());
            w.WriteString("operationName", "CallingUsage");
            w.WriteString("operationVersion", "2023-10-15");
            w.WriteString("category", ArchiveBuilder.Usage);
            w.WriteString("correlationId", id);
            w.WriteStartObject("properties");
            w.WriteString("RecordId", "r-" + id);
            w.WriteString("UsageType", "Calling");
            w.WriteString("UnitType", "Minute");
            w.WriteNumber("Quantity", quantity);
            w.WriteString("ParticipantId", "p-" + id);
            w.WriteEndObject();
        });

    /// <summary>A workspace-export record: Log Analytics column names, with the standard columns the workspace adds.</summary>
    public static string UsageRow(DateTimeOffset time, string id, double quantity = 2)
        => Write(w =>
        {
            w.WriteString("TimeGenerated", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteString("OperationName", "CallingUsage");
            w.WriteString("Category", ArchiveBuilder.Usage);
            w.WriteString("CorrelationId", id);
            w.WriteString("RecordId", "r-" + id);
            w.WriteString("UsageType", "Calling");
            w.WriteString("UnitType", "Minute");
            w.WriteNumber("Quantity", quantity);
            w.WriteString("TenantId", "4b2c7b0e-1d7e-4c55-9d7f-0d6f6f1c2a11");
            w.WriteString("Type", "ACSBillingUsage");
            w.WriteString("_ResourceId", Resource(1).ToLowerInvariant());
        });

    private static string Resource(int number) => ArchiveBuilder.Resource(number);

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
