using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallLogGen.SampleData;

/// <summary>Which tables' records an export holds. The diagnostic <c>category</c> of each record says its table.</summary>
[Flags]
public enum RecordKinds
{
    /// <summary>ACSCallAutomationIncomingOperations: category <c>CallAutomationOperational</c>, one record per API request.</summary>
    Operational = 1,

    /// <summary>ACSBillingUsage: category <c>Usage</c>, one record per billed usage (written when a call ends).</summary>
    Usage = 2,

    /// <summary>Both tables, in the order the records happen.</summary>
    Both = Operational | Usage,
}

/// <summary>
/// Realistic diagnostic-settings exports (storage or Event Hubs) of the Call Automation logs, made deterministically
/// from a seed: calls on a few ACS resources, each answered or created by an app, then media operations (play,
/// recognize), sometimes recording, transfers and participants, then a hang-up; when a call ends, its usage records.
/// The operations of one call share the <c>correlationId</c>, the <c>CallConnectionId</c> and the <c>ServerCallId</c>.
/// Written with <see cref="Utf8JsonWriter"/> directly, so that the data does not depend on the serializers it is
/// used to test. An operational record is about 900 bytes compact, a usage record about 800.
/// </summary>
/// <remarks>
/// Quirks of real exports kept on purpose: about one <c>resultSignature</c> in ten is a string (<c>"200"</c>),
/// <c>SubOperationName</c> only appears on media operations, <c>UserIdB</c> is missing on one-party usage, and
/// the records of one file are in call order, not strictly in time order (calls overlap).
/// </remarks>
public sealed class RealisticCallLogs
{
    public const string OperationalCategory = "CallAutomationOperational";
    public const string UsageCategory = "Usage";

    private static readonly string[] Subscriptions =
    {
        "6c5b3e2a-91d4-4f1b-8e2a-3b7c9d0e1f24",
        "d2f7a9c1-4e6b-48a3-b5d0-7c1e2f3a4b59",
    };

    private static readonly (string Group, string Name, string Location, string Host)[] Resources =
    {
        ("CONTOSO-CC-PROD", "ACS-CONTOSO-WEU", "westeurope", "acs-contoso-weu"),
        ("CONTOSO-CC-PROD", "ACS-CONTOSO-NEU", "northeurope", "acs-contoso-neu"),
        ("FABRIKAM-IVR", "ACS-FABRIKAM-IVR", "eastus2", "acs-fabrikam-ivr"),
    };

    private static readonly string[] ApiVersions = { "2024-09-15", "2024-09-15", "2025-05-15", "2023-10-15" };

    private static readonly (string Type, string[] Versions)[] Sdks =
    {
        ("dotnet", new[] { "1.3.1", "1.3.1", "1.4.0", "1.5.0-beta.1" }),
        ("java", new[] { "1.3.2", "1.4.0" }),
        ("javascript", new[] { "1.3.0", "1.4.1" }),
        ("python", new[] { "1.2.0", "1.3.0" }),
    };

    // What Azure Monitor's exports escape: quotes, backslashes and control characters, not '+' or '<'.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly int _seed;
    private readonly DateTime _start;

    /// <param name="seed">The same seed gives the same records, byte for byte.</param>
    /// <param name="start">When the first call starts (UTC); 2026-11-24 00:00 if not given.</param>
    public RealisticCallLogs(int seed = 20261124, DateTime? start = null)
    {
        _seed = seed;
        _start = DateTime.SpecifyKind(start ?? new DateTime(2026, 11, 24, 0, 0, 0), DateTimeKind.Utc);
    }

    /// <summary>A <c>{"records":[...]}</c> document, as a storage account or an Event Hub receives it.</summary>
    public byte[] RecordsDocument(int operationalRecords, RecordKinds kinds = RecordKinds.Operational, bool indented = false)
    {
        var output = new ArrayBufferWriter<byte>(operationalRecords * 1024 + 64);
        WriteRecordsDocument(output, operationalRecords, kinds, indented);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>One record per line, each line a compact JSON object, ending with a line feed.</summary>
    public byte[] Ndjson(int operationalRecords, RecordKinds kinds = RecordKinds.Operational)
    {
        var output = new ArrayBufferWriter<byte>(operationalRecords * 1024 + 64);
        WriteNdjson(output, operationalRecords, kinds);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="operationalRecords"/> calls' worth of operations (and, if asked, their usage) as <c>{"records":[...]}</c>.</summary>
    public void WriteRecordsDocument(IBufferWriter<byte> output, int operationalRecords, RecordKinds kinds = RecordKinds.Operational, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = Encoder });
        writer.WriteStartObject();
        writer.WriteStartArray("records");
        foreach (var record in Records(operationalRecords, kinds))
        {
            Write(writer, record);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Writes the same records as NDJSON: one compact object per line.</summary>
    public void WriteNdjson(IBufferWriter<byte> output, int operationalRecords, RecordKinds kinds = RecordKinds.Operational)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Encoder });
        foreach (var record in Records(operationalRecords, kinds))
        {
            Write(writer, record);
            writer.Flush();
            writer.Reset(output);
            output.Write("\n"u8);
        }
    }

    /// <summary>
    /// The records, in call order: calls are simulated until <paramref name="operationalRecords"/> operations have
    /// happened (the last call may be cut short); <paramref name="kinds"/> chooses which of them are returned.
    /// </summary>
    public IEnumerable<LogRecord> Records(int operationalRecords, RecordKinds kinds = RecordKinds.Operational)
    {
        var random = new Random(_seed);
        var clock = _start;
        var produced = 0;
        var pending = new List<LogRecord>(16);
        while (produced < operationalRecords)
        {
            pending.Clear();
            clock = clock.AddTicks(random.NextInt64(4_000_000, 90_000_000));
            produced += SimulateCall(random, clock, operationalRecords - produced, pending);
            foreach (var record in pending)
            {
                if (kinds.HasFlag(record.Kind))
                {
                    yield return record;
                }
            }
        }
    }

    // One call: its operations (at most `budget`), then its usage records. Returns the number of operations.
    private static int SimulateCall(Random random, DateTime start, int budget, List<LogRecord> records)
    {
        var resource = Resources[Weighted(random, 5, 3, 2)];
        var subscription = resource.Group.StartsWith("FABRIKAM", StringComparison.Ordinal) ? Subscriptions[1] : Subscriptions[0];
        var resourceId = "/SUBSCRIPTIONS/" + subscription.ToUpperInvariant() + "/RESOURCEGROUPS/" + resource.Group
            + "/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/" + resource.Name;
        var endpoint = "https://" + resource.Host + ".communication.azure.com";
        var apiVersion = ApiVersions[random.Next(ApiVersions.Length)];
        var sdk = Sdks[Weighted(random, 6, 2, 2, 1)];
        var sdkVersion = sdk.Versions[random.Next(sdk.Versions.Length)];
        var callerIp = random.Next(3) switch
        {
            0 => "20." + random.Next(40, 250) + "." + random.Next(256) + "." + random.Next(1, 255),
            1 => "52." + random.Next(100, 180) + "." + random.Next(256) + "." + random.Next(1, 255),
            _ => "40." + random.Next(64, 127) + "." + random.Next(256) + "." + random.Next(1, 255),
        };
        var correlationId = NewGuid(random);
        var callConnectionId = NewGuid(random);
        var serverCallId = ServerCallId(random);
        var inbound = random.Next(10) < 6;
        var caller = inbound ? PhoneNumber(random) : AcsUser(random);
        var callee = inbound ? AcsUser(random) : PhoneNumber(random);

        var time = start;
        var count = 0;

        void Operation(string name, string? subOperation, string path, int minMs, int maxMs, int successCode, int failurePercent)
        {
            if (count >= budget)
            {
                return;
            }

            time = time.AddTicks(random.NextInt64(1_500_000, 60_000_000));
            var failed = random.Next(100) < failurePercent;
            var code = failed ? FailureCode(random) : successCode;
            records.Add(new LogRecord
            {
                Kind = RecordKinds.Operational,
                Time = time,
                ResourceId = resourceId,
                OperationName = name,
                OperationVersion = apiVersion,
                Category = OperationalCategory,
                ResultType = failed ? "Failed" : "Succeeded",
                ResultSignature = code,
                ResultSignatureAsString = random.Next(10) == 0,
                DurationMs = failed && code >= 500 ? random.Next(1000, 30000) : LogNormalish(random, minMs, maxMs),
                CallerIpAddress = callerIp,
                CorrelationId = correlationId,
                Level = failed ? (code >= 500 ? "Error" : "Warning") : "Informational",
                Location = resource.Location,
                CallConnectionId = name == "CreateCall" && failed ? null : callConnectionId,
                ServerCallId = serverCallId,
                SdkVersion = sdkVersion,
                SdkType = sdk.Type,
                SubOperationName = subOperation,
                Uri = endpoint + path + "?api-version=" + apiVersion,
                OperationId = NewGuid(random),
            });
            count++;
        }

        var connection = "/calling/callConnections/" + callConnectionId;
        if (inbound)
        {
            Operation("Answer", null, "/calling/callConnections:answer", 120, 650, 200, 6);
        }
        else
        {
            Operation("CreateCall", null, "/calling/callConnections", 180, 900, 201, 8);
        }

        if (random.Next(4) == 0)
        {
            Operation("StartRecording", null, "/calling/recordings", 90, 400, 200, 4);
        }

        // The IVR: a greeting, then rounds of prompt and recognition.
        Operation("Play", random.Next(3) == 0 ? "Ssml" : "File", connection + ":play", 20, 180, 202, 4);
        var rounds = random.Next(1, 5);
        for (var i = 0; i < rounds; i++)
        {
            var mode = Weighted(random, 4, 3, 2);
            Operation("Recognize", mode switch { 0 => "Dtmf", 1 => "Speech", _ => "Choices" }, connection + ":recognize", 25, 220, 202, 8);
            if (random.Next(3) == 0)
            {
                Operation("Play", "Text", connection + ":play", 20, 180, 202, 4);
            }

            if (random.Next(8) == 0)
            {
                Operation("CancelAllMediaOperations", null, connection + ":cancelAllMediaOperations", 15, 90, 202, 2);
            }
        }

        if (random.Next(5) == 0)
        {
            Operation("SendDtmfTones", null, connection + ":sendDtmfTones", 30, 200, 202, 6);
        }

        switch (random.Next(6))
        {
            case 0:
                Operation("Transfer", null, connection + ":transferToParticipant", 200, 1200, 202, 12);
                break;
            case 1:
                Operation("AddParticipant", null, connection + "/participants:add", 150, 900, 202, 10);
                if (random.Next(2) == 0)
                {
                    Operation("MuteParticipants", null, connection + "/participants:mute", 30, 160, 200, 4);
                }

                Operation("RemoveParticipant", null, connection + "/participants:remove", 60, 300, 202, 6);
                break;
        }

        Operation("Hangup", null, connection + ":terminate", 30, 250, 204, 2);

        // Usage, when the call is over: minutes of each leg, and the automation's media events.
        var usageTime = time.AddTicks(random.NextInt64(200_000_000, 900_000_000));
        var minutes = Math.Round((time - start).TotalMinutes + random.NextDouble(), 6);
        AddUsage(random, records, usageTime, resourceId, resource.Location, correlationId, start, time,
            inbound ? "PSTN" : "Audio", "Minute", minutes, caller, callee);
        if (random.Next(3) == 0)
        {
            AddUsage(random, records, usageTime.AddTicks(random.NextInt64(50_000, 9_000_000)), resourceId, resource.Location, correlationId, start, time,
                "CallAutomation", "Event", count, AcsUser(random), null);
        }

        return count;
    }

    private static void AddUsage(Random random, List<LogRecord> records, DateTime time, string resourceId, string location,
        string correlationId, DateTime startTime, DateTime endTime, string usageType, string unitType, double quantity, string userA, string? userB)
    {
        records.Add(new LogRecord
        {
            Kind = RecordKinds.Usage,
            Time = time,
            ResourceId = resourceId,
            OperationName = "CallingUsage",
            OperationVersion = "1.0",
            Category = UsageCategory,
            CorrelationId = correlationId,
            Level = "Informational",
            Location = location,
            RecordId = NewGuid(random),
            UsageType = usageType,
            UnitType = unitType,
            Quantity = quantity,
            StartTime = startTime,
            EndTime = endTime,
            ParticipantId = NewGuid(random),
            UserIdA = userA,
            UserIdB = userB,
        });
    }

    /// <summary>Writes one record as an export does: camelCase top level, the table's own columns under <c>properties</c>.</summary>
    public static void Write(Utf8JsonWriter writer, LogRecord record)
    {
        Span<char> buffer = stackalloc char[28];
        writer.WriteStartObject();
        writer.WriteString("time", Timestamp(record.Time, buffer));
        writer.WriteString("resourceId", record.ResourceId);
        writer.WriteString("operationName", record.OperationName);
        writer.WriteString("operationVersion", record.OperationVersion);
        writer.WriteString("category", record.Category);
        if (record.Kind == RecordKinds.Operational)
        {
            writer.WriteString("resultType", record.ResultType);
            if (record.ResultSignatureAsString)
            {
                writer.WriteString("resultSignature", record.ResultSignature.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumber("resultSignature", record.ResultSignature);
            }

            writer.WriteNumber("durationMs", record.DurationMs);
            writer.WriteString("callerIpAddress", record.CallerIpAddress);
        }

        writer.WriteString("correlationId", record.CorrelationId);
        writer.WriteString("level", record.Level);
        writer.WriteString("location", record.Location);
        writer.WriteStartObject("properties");
        if (record.Kind == RecordKinds.Operational)
        {
            if (record.CallConnectionId is not null)
            {
                writer.WriteString("CallConnectionId", record.CallConnectionId);
            }

            writer.WriteString("ServerCallId", record.ServerCallId);
            writer.WriteString("SdkVersion", record.SdkVersion);
            writer.WriteString("SdkType", record.SdkType);
            if (record.SubOperationName is not null)
            {
                writer.WriteString("SubOperationName", record.SubOperationName);
            }

            writer.WriteString("URI", record.Uri);
            writer.WriteString("OperationId", record.OperationId);
        }
        else
        {
            writer.WriteString("RecordId", record.RecordId);
            writer.WriteString("UsageType", record.UsageType);
            writer.WriteString("UnitType", record.UnitType);
            writer.WriteNumber("Quantity", record.Quantity);
            writer.WriteString("StartTime", Timestamp(record.StartTime, buffer));
            writer.WriteString("EndTime", Timestamp(record.EndTime, buffer));
            writer.WriteString("ParticipantId", record.ParticipantId);
            writer.WriteString("UserIdA", record.UserIdA);
            if (record.UserIdB is not null)
            {
                writer.WriteString("UserIdB", record.UserIdB);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // 2026-11-24T08:15:42.1234567Z: seven fractional digits and Z, as Azure Monitor writes them.
    private static ReadOnlySpan<char> Timestamp(DateTime time, Span<char> buffer)
    {
        time.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return buffer[..written];
    }

    private static int Weighted(Random random, params int[] weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    // Most requests are quick, a few are slow: the sum of three uniforms, skewed towards the low end.
    private static int LogNormalish(Random random, int min, int max)
    {
        var u = (random.NextDouble() + random.NextDouble() + random.NextDouble()) / 3;
        return min + (int)((max - min) * u * u * 1.6);
    }

    private static int FailureCode(Random random) => Weighted(random, 4, 1, 2, 3, 2, 2, 1) switch
    {
        0 => 400,
        1 => 401,
        2 => 403,
        3 => 404,
        4 => 409,
        5 => 500,
        _ => 503,
    };

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private static string AcsUser(Random random) =>
        "8:acs:" + Subscriptions[0] + "_" + NewGuid(random).Replace("-", string.Empty, StringComparison.Ordinal)[..8] + "-"
        + random.Next(0x1000, 0xFFFF).ToString("x4", CultureInfo.InvariantCulture) + "-" + random.Next(0x1000, 0xFFFF).ToString("x4", CultureInfo.InvariantCulture)
        + "-ac00-" + random.NextInt64(0x100000000000, 0xFFFFFFFFFFFF).ToString("x12", CultureInfo.InvariantCulture);

    private static string PhoneNumber(Random random) => random.Next(3) switch
    {
        0 => "4:+1425555" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
        1 => "4:+4420794" + random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
        _ => "4:+3120521" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
    };

    // What ACS puts in ServerCallId: the base64 of the conversation's URL on the calling service.
    private static string ServerCallId(Random random)
    {
        var region = random.Next(3) switch { 0 => "euwe", 1 => "euno", _ => "usea2" };
        var url = "https://api.flightproxy.skype.com/conv-" + region + "-0" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture)
            + ".conv.skype.com/conv/" + RandomToken(random, 22) + "?i=" + random.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(url));
    }

    private static string RandomToken(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}

/// <summary>One export record of either table, as the generator made it (only the fields of its <see cref="Kind"/> are set).</summary>
public sealed class LogRecord
{
    public RecordKinds Kind { get; init; }

    public DateTime Time { get; init; }

    public string ResourceId { get; init; } = string.Empty;

    public string OperationName { get; init; } = string.Empty;

    public string OperationVersion { get; init; } = string.Empty;

    public string Category { get; init; } = string.Empty;

    public string CorrelationId { get; init; } = string.Empty;

    public string Level { get; init; } = string.Empty;

    public string Location { get; init; } = string.Empty;

    // ACSCallAutomationIncomingOperations
    public string? ResultType { get; init; }

    public int ResultSignature { get; init; }

    /// <summary>Whether the export writes <see cref="ResultSignature"/> as a string (<c>"200"</c>), as some do.</summary>
    public bool ResultSignatureAsString { get; init; }

    public int DurationMs { get; init; }

    public string? CallerIpAddress { get; init; }

    public string? CallConnectionId { get; init; }

    public string? ServerCallId { get; init; }

    public string? SdkVersion { get; init; }

    public string? SdkType { get; init; }

    public string? SubOperationName { get; init; }

    public string? Uri { get; init; }

    public string? OperationId { get; init; }

    // ACSBillingUsage
    public string? RecordId { get; init; }

    public string? UsageType { get; init; }

    public string? UnitType { get; init; }

    public double Quantity { get; init; }

    public DateTime StartTime { get; init; }

    public DateTime EndTime { get; init; }

    public string? ParticipantId { get; init; }

    public string? UserIdA { get; init; }

    public string? UserIdB { get; init; }
}
