using System.Text.Json.Serialization;
using NewtonsoftProperty = Newtonsoft.Json.JsonPropertyAttribute;

namespace CallLogGen.Benchmarks.Serializers;

/// <summary>
/// What a developer writes by hand to read an ACSCallAutomationIncomingOperations export with a general-purpose
/// serializer: the camelCase top level, the table's own columns nested under <c>properties</c>. Attributed for
/// both System.Text.Json and Newtonsoft.Json, so that all of them read and write the same shape.
/// </summary>
public sealed class ExportRecord
{
    [JsonPropertyName("time"), NewtonsoftProperty("time")]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("resourceId"), NewtonsoftProperty("resourceId")]
    public string? ResourceId { get; set; }

    [JsonPropertyName("operationName"), NewtonsoftProperty("operationName")]
    public string? OperationName { get; set; }

    [JsonPropertyName("operationVersion"), NewtonsoftProperty("operationVersion")]
    public string? OperationVersion { get; set; }

    [JsonPropertyName("category"), NewtonsoftProperty("category")]
    public string? Category { get; set; }

    [JsonPropertyName("resultType"), NewtonsoftProperty("resultType")]
    public string? ResultType { get; set; }

    /// <summary>An HTTP status code; some exports write it as a string (<c>"200"</c>).</summary>
    [JsonPropertyName("resultSignature"), NewtonsoftProperty("resultSignature")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? ResultSignature { get; set; }

    [JsonPropertyName("durationMs"), NewtonsoftProperty("durationMs")]
    public int? DurationMs { get; set; }

    [JsonPropertyName("callerIpAddress"), NewtonsoftProperty("callerIpAddress")]
    public string? CallerIpAddress { get; set; }

    [JsonPropertyName("correlationId"), NewtonsoftProperty("correlationId")]
    public string? CorrelationId { get; set; }

    [JsonPropertyName("level"), NewtonsoftProperty("level")]
    public string? Level { get; set; }

    [JsonPropertyName("location"), NewtonsoftProperty("location")]
    public string? Location { get; set; }

    [JsonPropertyName("properties"), NewtonsoftProperty("properties")]
    public ExportProperties? Properties { get; set; }
}

/// <summary>The <c>properties</c> object of an operational record: the table's own columns under their column names.</summary>
public sealed class ExportProperties
{
    [JsonPropertyName("CallConnectionId"), NewtonsoftProperty("CallConnectionId")]
    public string? CallConnectionId { get; set; }

    [JsonPropertyName("ServerCallId"), NewtonsoftProperty("ServerCallId")]
    public string? ServerCallId { get; set; }

    [JsonPropertyName("SdkVersion"), NewtonsoftProperty("SdkVersion")]
    public string? SdkVersion { get; set; }

    [JsonPropertyName("SdkType"), NewtonsoftProperty("SdkType")]
    public string? SdkType { get; set; }

    [JsonPropertyName("SubOperationName"), NewtonsoftProperty("SubOperationName")]
    public string? SubOperationName { get; set; }

    [JsonPropertyName("URI"), NewtonsoftProperty("URI")]
    public string? Uri { get; set; }

    [JsonPropertyName("OperationId"), NewtonsoftProperty("OperationId")]
    public string? OperationId { get; set; }
}

/// <summary>The <c>{"records":[...]}</c> document a storage account or an Event Hub receives.</summary>
public sealed class ExportDocument
{
    [JsonPropertyName("records"), NewtonsoftProperty("records")]
    public List<ExportRecord> Records { get; set; } = new();
}

/// <summary>System.Text.Json's source generator for the same POCOs: metadata and the fast-path writer.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExportDocument))]
[JsonSerializable(typeof(ExportRecord))]
public sealed partial class ExportJsonContext : JsonSerializerContext;
