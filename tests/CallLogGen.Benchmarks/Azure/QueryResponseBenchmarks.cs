using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CallLogGen.Azure.Query;
using CallLogGen.Benchmarks.Logs;
using CallLogGen.Benchmarks.Serializers;

namespace CallLogGen.Benchmarks.Azure;

/// <summary>
/// Reading a Log Analytics query API response of 100,000 ACSCallAutomationIncomingOperations rows (every column of
/// the table, the records of <see cref="SerializerData"/> written by the generated query-result writer) into models:
/// CallLogGen.Azure's buffered and streamed readers beside System.Text.Json read by hand (a Utf8JsonReader that binds
/// the columns by name once and sets each property by its column's position), and JsonDocument with lookups by name,
/// the usual loose way. Each returns the number of rows and a checksum of one column, so that nothing is optimized away.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[GcConcurrent(true)]
public class QueryResponseBenchmarks
{
    public const int Rows = SerializerData.Records;

    private byte[] _body = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup() => _body = Response.Value;

    /// <summary>The response body, made once per process.</summary>
    public static readonly Lazy<byte[]> Response = new(() =>
    {
        var records = AcsCallAutomationIncomingOperations.Json.ReadExport(SerializerData.Get(ExportShape.Ndjson));
        foreach (var record in records)
        {
            record.UnmappedFields = null; // the table's columns only, whatever the writer does with kept fields
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AcsCallAutomationIncomingOperations.Json.WriteQueryResult(writer, records);
        }

        return buffer.ToArray();
    });

    [Benchmark]
    public long CallLogGen_Buffered()
    {
        var result = LogAnalyticsResponse.Read(AcsCallAutomationIncomingOperations.Json, _body);
        return Checksum(result.Rows);
    }

    [Benchmark]
    public async Task<long> CallLogGen_Streamed()
    {
        long sum = 0;
        await foreach (var row in LogAnalyticsResponse.ReadRowsAsync(AcsCallAutomationIncomingOperations.Json, new MemoryStream(_body, writable: false)))
        {
            sum += 1 + (row.DurationMs ?? 0);
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public long Stj_ByHand() => Checksum(ReadByHand(_body));

    [Benchmark]
    public long Stj_JsonDocument() => Checksum(ReadWithDocument(_body));

    private static long Checksum(IReadOnlyList<AcsCallAutomationIncomingOperations> rows)
    {
        long sum = 0;
        foreach (var row in rows)
        {
            sum += 1 + (row.DurationMs ?? 0);
        }

        return sum;
    }

    /// <summary>What a careful hand-written reader does: columns bound by name once, rows read by position.</summary>
    public static List<AcsCallAutomationIncomingOperations> ReadByHand(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        var rows = new List<AcsCallAutomationIncomingOperations>();
        var columns = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("columns"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    using var column = JsonDocument.ParseValue(ref reader);
                    columns.Add(column.RootElement.GetProperty("name").GetString()!);
                }
            }
            else if (reader.ValueTextEquals("rows"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
#pragma warning disable CLG2001 // TimeGenerated is set from the row's cells just below, like every other column
                    var row = new AcsCallAutomationIncomingOperations();
#pragma warning restore CLG2001
                    for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                    {
                        if (reader.TokenType == JsonTokenType.Null)
                        {
                            continue;
                        }

                        Set(row, columns[i], ref reader);
                    }

                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    private static void Set(AcsCallAutomationIncomingOperations row, string column, ref Utf8JsonReader reader)
    {
        switch (column)
        {
            case "TimeGenerated": row.TimeGenerated = reader.GetDateTimeOffset(); break;
            case "DurationMs": row.DurationMs = reader.GetInt32(); break;
            case "ResultSignature": row.ResultSignature = reader.GetInt32(); break;
            case "_BilledSize": row.BilledSize = reader.GetDouble(); break;
            case "CallConnectionId": row.CallConnectionId = reader.GetString(); break;
            case "CallerIpAddress": row.CallerIpAddress = reader.GetString(); break;
            case "CorrelationId": row.CorrelationId = reader.GetString(); break;
            case "Level": row.Level = reader.GetString(); break;
            case "OperationId": row.OperationId = reader.GetString(); break;
            case "OperationName": row.OperationName = reader.GetString(); break;
            case "OperationVersion": row.OperationVersion = reader.GetString(); break;
            case "ResultType": row.ResultType = reader.GetString(); break;
            case "SdkType": row.SdkType = reader.GetString(); break;
            case "SdkVersion": row.SdkVersion = reader.GetString(); break;
            case "ServerCallId": row.ServerCallId = reader.GetString(); break;
            case "SubOperationName": row.SubOperationName = reader.GetString(); break;
            case "URI": row.Uri = reader.GetString(); break;
            case "TenantId": row.TenantId = reader.GetString(); break;
            case "SourceSystem": row.SourceSystem = reader.GetString(); break;
            case "Type": row.Type = reader.GetString(); break;
            case "_ResourceId": row.ResourceId = reader.GetString(); break;
            case "_SubscriptionId": row.SubscriptionId = reader.GetString(); break;
            case "_IsBillable": row.IsBillable = reader.GetString(); break;
            default: reader.Skip(); break;
        }
    }

    /// <summary>The loose way: the whole response as a DOM, each cell found by its column's name.</summary>
    public static List<AcsCallAutomationIncomingOperations> ReadWithDocument(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var table = document.RootElement.GetProperty("tables")[0];
        var ordinals = new Dictionary<string, int>();
        var index = 0;
        foreach (var column in table.GetProperty("columns").EnumerateArray())
        {
            ordinals[column.GetProperty("name").GetString()!] = index++;
        }

        var rows = new List<AcsCallAutomationIncomingOperations>();
        foreach (var cells in table.GetProperty("rows").EnumerateArray())
        {
            string? Text(string name) => cells[ordinals[name]].ValueKind == JsonValueKind.Null ? null : cells[ordinals[name]].GetString();
            int? Int(string name) => cells[ordinals[name]].ValueKind == JsonValueKind.Null ? null : cells[ordinals[name]].GetInt32();
            rows.Add(new AcsCallAutomationIncomingOperations
            {
                TimeGenerated = cells[ordinals["TimeGenerated"]].GetDateTimeOffset(),
                DurationMs = Int("DurationMs"),
                ResultSignature = Int("ResultSignature"),
                BilledSize = cells[ordinals["_BilledSize"]].ValueKind == JsonValueKind.Null ? null : cells[ordinals["_BilledSize"]].GetDouble(),
                CallConnectionId = Text("CallConnectionId"),
                CallerIpAddress = Text("CallerIpAddress"),
                CorrelationId = Text("CorrelationId"),
                Level = Text("Level"),
                OperationId = Text("OperationId"),
                OperationName = Text("OperationName"),
                OperationVersion = Text("OperationVersion"),
                ResultType = Text("ResultType"),
                SdkType = Text("SdkType"),
                SdkVersion = Text("SdkVersion"),
                ServerCallId = Text("ServerCallId"),
                SubOperationName = Text("SubOperationName"),
                Uri = Text("URI"),
                TenantId = Text("TenantId"),
                SourceSystem = Text("SourceSystem"),
                Type = Text("Type"),
                ResourceId = Text("_ResourceId"),
                SubscriptionId = Text("_SubscriptionId"),
                IsBillable = Text("_IsBillable"),
            });
        }

        return rows;
    }
}
