using System.Globalization;
using System.Text;

namespace CallLogGen.Benchmarks;

/// <summary>One log column as both workloads write it: a docs-page row for CallLogGen, a property for System.Text.Json.</summary>
public sealed record ColumnDef(string Name, string KqlType, string Description)
{
    /// <summary>The C# type CallLogGen generates for the column (optional columns are nullable; TimeGenerated is required).</summary>
    public string ClrType
    {
        get
        {
            // The generator's own table of KQL type facts (this project sees its internals).
            var type = CallLogGen.Model.KqlTypes.TryParse(KqlType, out var parsed)
                ? CallLogGen.Model.KqlTypes.Of(parsed)
                : throw new InvalidOperationException("no CLR type for " + KqlType);
            return Name == "TimeGenerated" ? type.CSharpType : type.NullableCSharpType;
        }
    }
}

/// <summary>One table: its name and its ~30 columns.</summary>
public sealed record TableDef(string Name, IReadOnlyList<ColumnDef> Columns);

/// <summary>
/// The inputs both generators get, made deterministically: N tables of 30 columns with real-looking
/// Azure Monitor names and descriptions, written as docs pages (<c>| Column | Type | Description |</c>)
/// for CallLogGen and as model classes with a <c>[JsonSerializable]</c> context for System.Text.Json.
/// </summary>
public static class Workload
{
    public const int ColumnsPerTable = 30;
    public const string ModelNamespace = "Contoso.Telemetry";
    public const string ContextName = "TelemetryJsonContext";

    /// <summary>The column that the "one schema edited" scenario renames in the first table.</summary>
    public const int EditedColumn = 7;

    private static readonly string[] Services =
    {
        "ACSCallAutomation", "ACSChat", "ACSSMS", "ACSEmail", "ACSRooms",
        "ACSCallRecording", "ACSJobRouter", "ACSAdvancedMessaging", "ACSCallingMedia", "ACSIdentity",
    };

    private static readonly string[] Kinds =
    {
        "IncomingOperations", "Summary", "Diagnostics", "Events", "MediaStats",
        "DeliveryStatus", "Usage", "ClientOperations", "Incidents", "AuditLogs",
    };

    private static readonly ColumnDef[] Pool =
    {
        new("OperationName", "string", "The operation associated with the log record."),
        new("OperationVersion", "string", "The api-version associated with the operation, if the operation was performed using an API."),
        new("Category", "string", "The log category of the event. Category is the granularity at which you can enable or disable logs on a resource."),
        new("CorrelationId", "string", "The ID for correlated events. Can be used to identify correlated events between multiple tables."),
        new("ResultType", "string", "The status of the operation: Succeeded, Failed or Canceled."),
        new("ResultSignature", "int", "The sub status of the operation. For a REST call, the HTTP status code of the response."),
        new("ResultDescription", "string", "The static text description of this operation."),
        new("DurationMs", "long", "The duration of the operation in milliseconds."),
        new("CallerIpAddress", "string", "The caller IP address, if the operation corresponds to an API call from an entity with a public IP address."),
        new("Level", "string", "The severity level of the event: Informational, Warning, Error or Critical."),
        new("Location", "string", "The region of the resource that emitted the event."),
        new("Identity", "dynamic", "A JSON structure that describes the identity of the user or application that performed the operation."),
        new("Properties", "dynamic", "Other data applicable to various modes of Communication Services."),
        new("SdkType", "string", "The SDK type used in the request, such as dotnet, java or javascript."),
        new("SdkVersion", "string", "The SDK version used in the request."),
        new("UserAgent", "string", "The user agent string of the client that sent the request."),
        new("Uri", "string", "The URI of the request, without its query string."),
        new("CallConnectionId", "string", "ID representing the call connection, if available. This ID is different for each participant."),
        new("ServerCallId", "string", "A unique ID to identify a call across every participant."),
        new("ParticipantId", "string", "The ID that identifies the participant leg of the call."),
        new("RecordId", "string", "The unique ID for a given usage record."),
        new("UsageType", "string", "The mode of usage, for example Chat, PSTN or NAT."),
        new("UnitType", "string", "The type of unit that usage is based on for a given mode of usage, for example minutes or messages."),
        new("Quantity", "real", "The number of units used or consumed for this record."),
        new("StartTime", "datetime", "The time at which the operation or usage started (UTC)."),
        new("EndTime", "datetime", "The time at which the operation or usage ended (UTC)."),
        new("ChatThreadId", "string", "The ID of the chat thread the message was sent to."),
        new("MessageId", "string", "The ID of the message, unique within the resource."),
        new("MessageSize", "long", "The size of the message body in bytes."),
        new("IsRetry", "bool", "Whether this request is a retry of an earlier one."),
        new("RetryCount", "int", "How many times the service retried the operation before it completed."),
        new("RecipientCount", "int", "The number of recipients the message was addressed to."),
        new("DeliveryStatus", "string", "The final delivery status reported by the carrier or the mail server."),
        new("DeliveryAttemptCount", "int", "The number of delivery attempts made for the message."),
        new("InternetMessageId", "string", "The message ID as the email protocol gives it, in angle brackets."),
        new("SenderDomain", "string", "The domain the message was sent from."),
        new("RoomId", "string", "The ID of the room the operation applies to."),
        new("ValidFrom", "datetime", "The start of the time window in which the room can be joined (UTC)."),
        new("ValidUntil", "datetime", "The end of the time window in which the room can be joined (UTC)."),
        new("JobId", "string", "The ID of the router job the event is about."),
        new("QueueId", "string", "The ID of the queue the job was placed in."),
        new("WorkerId", "string", "The ID of the worker the job was offered to, if any."),
        new("WaitTime", "timespan", "How long the job waited in the queue before it was assigned."),
        new("Priority", "int", "The priority of the job; higher values are served first."),
        new("MediaType", "string", "The type of media of the stream: audio, video or screen share."),
        new("PacketLossRate", "real", "The fraction of packets lost on the stream over the reporting interval."),
        new("JitterMs", "real", "The average jitter of the stream in milliseconds."),
        new("RoundTripTimeMs", "real", "The average round-trip time of the stream in milliseconds."),
        new("BitRateKbps", "real", "The average bit rate of the stream in kilobits per second."),
        new("Codec", "string", "The codec the stream was encoded with."),
        new("RecordingId", "string", "The ID of the recording the event is about."),
        new("RecordingLength", "timespan", "The duration of the recording."),
        new("ChunkCount", "int", "The number of chunks the recording was split into."),
        new("ContentType", "string", "The content type of the recording: audio or audio and video."),
        new("ChannelType", "string", "The channel type of the recording: mixed or unmixed."),
        new("TenantId", "string", "The ID of the Microsoft Entra tenant the resource belongs to."),
        new("ResourceGuid", "guid", "The immutable ID of the Communication Services resource."),
        new("ApplicationId", "guid", "The ID of the application that sent the request."),
        new("ErrorCode", "string", "The error code returned by the service when the operation failed."),
        new("ErrorMessage", "string", "The error message returned by the service when the operation failed."),
        new("Region", "string", "The Azure region that served the request."),
        new("Endpoint", "string", "The endpoint the client connected to."),
        new("ClientRequestId", "string", "The ID the client gave the request, echoed for tracing."),
        new("IsSuccess", "bool", "Whether the operation succeeded."),
        new("Attributes", "dynamic", "Additional attributes of the event, as a JSON object."),
    };

    private static readonly ColumnDef TimeGenerated = new("TimeGenerated", "datetime", "The timestamp (UTC) of when the log was generated.");

    /// <summary>The <paramref name="count"/> tables of a run; table i is the same in every run.</summary>
    public static IReadOnlyList<TableDef> Tables(int count)
    {
        if (count > Services.Length * Kinds.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "at most " + Services.Length * Kinds.Length + " tables");
        }

        return Enumerable.Range(0, count).Select(Table).ToList();
    }

    private static TableDef Table(int index)
    {
        var name = Services[index % Services.Length] + Kinds[index / Services.Length % Kinds.Length];
        // A fixed seed per table: the same columns in every run and on every machine.
        var random = new Random(7919 * (index + 1));
        var columns = new List<ColumnDef> { TimeGenerated };
        columns.AddRange(Pool.OrderBy(_ => random.Next()).Take(ColumnsPerTable - 1));
        return new TableDef(name, columns);
    }

    /// <summary>The table with <see cref="EditedColumn"/> renamed: the one-file edit of both scenarios.</summary>
    public static TableDef Edited(TableDef table) =>
        table with
        {
            Columns = table.Columns.Select((c, i) => i == EditedColumn ? c with { Name = c.Name + "Renamed" } : c).ToList(),
        };

    public static string SchemaPath(TableDef table) => "schemas/" + table.Name + ".md";

    public static string ModelPath(TableDef table) => "Models/" + table.Name + ".cs";

    /// <summary>A docs page as learn.microsoft.com writes them for a log table.</summary>
    public static string MarkdownPage(TableDef table)
    {
        var text = new StringBuilder();
        text.Append("---\n")
            .Append("title: Azure Monitor Logs reference - ").Append(table.Name).Append('\n')
            .Append("description: Reference for ").Append(table.Name).Append(" table in Azure Monitor Logs.\n")
            .Append("ms.topic: generated-reference\n")
            .Append("ms.service: azure-monitor\n")
            .Append("ms.date: 11/25/2026\n")
            .Append("---\n\n")
            .Append("# ").Append(table.Name).Append("\n\n")
            .Append("Records of ").Append(table.Name).Append(" are written by Azure Communication Services when the matching diagnostic setting is enabled. ")
            .Append("See [Enable logging in diagnostic settings](../enable-logging.md) to route them to a Log Analytics workspace.\n\n")
            .Append("## Table attributes\n\n")
            .Append("- **Resource types**: microsoft.communication/communicationservices\n")
            .Append("- **Categories**: Audit, Azure Resources\n")
            .Append("- **Basic log**: No\n\n")
            .Append("## Columns\n\n")
            .Append("| Column | Type | Description |\n")
            .Append("| --- | --- | --- |\n");
        foreach (var column in table.Columns)
        {
            text.Append("| ").Append(column.Name).Append(" | ").Append(column.KqlType).Append(" | ").Append(column.Description).Append(" |\n");
        }

        text.Append("\n## Next steps\n\n")
            .Append("- [Analyze logs with Log Analytics](/azure/azure-monitor/logs/log-analytics-tutorial)\n")
            .Append("- [Communication Services logs overview](../logs.md)\n");
        return text.ToString();
    }

    /// <summary>The model class a developer would write for System.Text.Json: the same properties CallLogGen generates.</summary>
    public static string ModelClass(TableDef table)
    {
        var text = new StringBuilder();
        text.Append("#nullable enable\n")
            .Append("namespace ").Append(ModelNamespace).Append("\n{\n")
            .Append("    /// <summary>A record of the Log Analytics table ").Append(table.Name).Append(".</summary>\n")
            .Append("    public sealed class ").Append(table.Name).Append("\n    {\n");
        foreach (var column in table.Columns)
        {
            text.Append("        /// <summary>").Append(column.Description).Append("</summary>\n")
                .Append("        public ").Append(column.ClrType).Append(' ').Append(column.Name).Append(" { get; set; }\n\n");
        }

        text.Append("    }\n}\n");
        return text.ToString();
    }

    /// <summary>The <c>JsonSerializerContext</c> naming every model type, in a file of its own.</summary>
    public static string JsonContext(IReadOnlyList<TableDef> tables)
    {
        var text = new StringBuilder();
        text.Append("using System.Text.Json.Serialization;\n\n")
            .Append("namespace ").Append(ModelNamespace).Append("\n{\n");
        foreach (var table in tables)
        {
            text.Append("    [JsonSerializable(typeof(").Append(table.Name).Append("))]\n");
        }

        text.Append("    internal partial class ").Append(ContextName).Append(" : JsonSerializerContext\n    {\n    }\n}\n");
        return text.ToString();
    }

    /// <summary>The user's own code, which neither generator reads; <paramref name="version"/> changes a method body.</summary>
    public static string UserCode(int version) => string.Create(CultureInfo.InvariantCulture, $$"""
        namespace Contoso.App
        {
            public static class Startup
            {
                public static int Configure(int retries)
                {
                    var total = 0;
                    for (var i = 0; i < retries; i++)
                    {
                        total += i * {{version + 1}};
                    }

                    return total;
                }
            }
        }
        """);
}
