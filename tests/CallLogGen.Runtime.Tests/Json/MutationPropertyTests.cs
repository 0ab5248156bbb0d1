using System.Text;
using System.Text.Json;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;
using CallLogGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Real records, damaged at random (bytes cut, inserted or replaced, values swapped for other JSON,
/// input truncated, invalid UTF-8, deep nesting): every read ends in records or a
/// <see cref="LogJsonException"/>, never another exception; and records that were read write back and
/// read again to the same values. 1,500 cases from a fixed seed by default, 15,000 from a fresh one in the long run
/// (<see cref="TestSize"/>); set CALLLOGGEN_JSON_MUTATION_SEED to replay a failing run.
/// </summary>
public class MutationPropertyTests(ITestOutputHelper output)
{
    private static readonly int Cases = TestSize.Cases(quick: 1_500, @long: 15_000);

    private static readonly string[] Replacements =
    {
        "null", "true", "false", "0", "-0", "1e400", "-1e400", "2147483648", "9223372036854775808", "0.1", "1.5e-7",
        "\"\"", "\"82\"", "\"TRUE\"", "\"NaN\"", "\"2025-13-45T99:99:99Z\"", "\"2025-03-01T10:00:00Z\"", "\"1.02:03:04\"",
        "\"\\ud800\"", "\"\\u0000\"", "\"{\\\"a\\\":1}\"", "{}", "[]", "[1,[2,[3]]]", "{\"a\":{\"b\":null}}",
        new string('[', 70) + new string(']', 70), "\"" + new string('x', 5000) + "\"",
    };

    private static readonly Lazy<List<string>> Records = new(() =>
    {
        var records = new List<string> { ExportReadingTests.Operation, StreamingTests.Record(7) };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestData, "corpus", "samples"), "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            foreach (var record in (root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("records")).EnumerateArray())
            {
                records.Add(record.GetRawText());
            }
        }

        Assert.True(records.Count >= 10, "the corpus in tests/data was not found");
        return records;
    });

    [Fact]
    public void Mutated_records_end_in_records_or_a_located_exception()
    {
        var seed = TestSize.Seed("CALLLOGGEN_JSON_MUTATION_SEED", quickSeed: 20261204);
        output.WriteLine($"seed {seed} (replay with CALLLOGGEN_JSON_MUTATION_SEED={seed})");
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Cases; i++)
        {
            var records = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Records.Value[random.Next(Records.Value.Count)]).ToList();
            var shape = random.Next(3);
            var text = shape switch
            {
                0 => "{\"records\":[" + string.Join(",", records) + "]}",
                1 => string.Join("\n", records),
                _ => "[" + string.Join(",\n", records) + "]",
            };
            var bytes = Mutate(Encoding.UTF8.GetBytes(text), random);
            // Most corpus records are other services' categories: half the reads take them into the model anyway.
            var options = random.Next(3) switch
            {
                0 => new LogReadOptions { ReadOtherTableRecords = random.Next(2) == 0 },
                1 => new LogReadOptions { KeepUntypedValues = true, ReadOtherTableRecords = random.Next(2) == 0 },
                _ => new LogReadOptions { KeepUntypedValues = random.Next(2) == 0, ReadOtherTableRecords = random.Next(2) == 0, OnInvalidRecord = e => Assert.NotNull(e.Problem) },
            };
            var context = $"case {i} (seed {seed}): {Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 300)])}";

            var outcome = Outcome(context, () =>
            {
                var read = AcsCallAutomationIncomingOperations.Json.ReadExport(bytes, options);
                foreach (var record in read)
                {
                    var written = Encoding.UTF8.GetBytes(WritingTests.WriteExportRecord(record));
                    var again = AcsCallAutomationIncomingOperations.Json.ReadExportRecord(written, new LogReadOptions { KeepUntypedValues = true, ReadOtherTableRecords = true });
                    Assert.True(SameColumns(record, again), $"{context}: the record changed on a round trip: {Encoding.UTF8.GetString(written)}");
                }
            });
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            Outcome(context + " (mixed reader)", () => new LogExportReader(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json).Read(bytes, options));
            var result = Mutate(QueryResult(random), random);
            Outcome(context + " (query result)", () => EveryColumnType.Json.ReadQueryResult(result, options: options));
            Outcome(context + " (result table)", () => KqlResultTable.Read(result));
        }

        output.WriteLine(string.Join(", ", outcomes.Select(o => o.Key + ": " + o.Value)));
        Assert.True(outcomes.GetValueOrDefault("read") > Cases / 20, "almost nothing was read: the mutations prove little");
        Assert.True(outcomes.GetValueOrDefault(nameof(LogJsonException)) > Cases / 20, "almost nothing failed: the mutations prove little");
    }

    private static string Outcome(string context, Action read)
    {
        try
        {
            read();
            return "read";
        }
        catch (LogJsonException e)
        {
            Assert.False(string.IsNullOrEmpty(e.Problem), context);
            Assert.True(e.Line >= 1 && e.BytePosition >= 0, context);
            Assert.False(e.Message.Contains("LineNumber", StringComparison.Ordinal) || e.Message.Contains("the JSON is not valid here", StringComparison.Ordinal), context + ": " + e.Message);
            return nameof(LogJsonException);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{context}\nthrew {e}");
        }
    }

    private static bool SameColumns(AcsCallAutomationIncomingOperations left, AcsCallAutomationIncomingOperations right)
    {
        var a = default(CellValue);
        var b = default(CellValue);
        foreach (var (column, index) in AcsCallAutomationIncomingOperations.Schema.Columns.Select((c, i) => (c, i)))
        {
            var x = column.PropertyName;
            var l = typeof(AcsCallAutomationIncomingOperations).GetProperty(x)!.GetValue(left);
            var r = typeof(AcsCallAutomationIncomingOperations).GetProperty(x)!.GetValue(right);
            if (!Equals(l, r) && !(l is double dl && r is double dr && double.IsNaN(dl) && double.IsNaN(dr)))
            {
                return false;
            }
        }

        _ = a;
        _ = b;
        return true;
    }

    private static byte[] QueryResult(Random random)
    {
        var rows = string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(i =>
            $"[\"2025-03-01T10:00:0{i}Z\",\"n{i}\",{i},{i * 2},{i}.5,\"{i}.25\",{(i % 2 == 0 ? "true" : "\"False\"")},\"00:00:0{i}\",\"3f2504e0-4f89-11d3-9a0c-0305e82c330{i}\",\"{{\\\"a\\\":{i}}}\"]"));
        var columns = string.Join(",", EveryColumnType.Schema.Columns.Select(c => $"{{\"name\":\"{c.Name}\",\"type\":\"{c.KqlTypeName}\"}}"));
        return Encoding.UTF8.GetBytes($"{{\"tables\":[{{\"name\":\"PrimaryResult\",\"columns\":[{columns}],\"rows\":[{rows}]}}]}}");
    }

    internal static byte[] Mutate(byte[] bytes, Random random)
    {
        var data = new List<byte>(bytes);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0:
                    data.RemoveRange(at, Math.Min(random.Next(1, 20), data.Count - at));
                    break;
                case 1:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Replacements[random.Next(Replacements.Length)]));
                    break;
                case 2:
                    data[at] = (byte)random.Next(256);
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 4:
                    data.InsertRange(at, new[] { (byte)0xC3, (byte)0x28, (byte)0xFF });
                    break;
                default:
                    ReplaceValue(data, random);
                    break;
            }
        }

        return data.ToArray();
    }

    /// <summary>Swaps a value after a ':' for another JSON value: the mutation most likely to stay valid JSON and reach the typing code.</summary>
    private static void ReplaceValue(List<byte> data, Random random)
    {
        var colons = Enumerable.Range(0, data.Count).Where(i => data[i] == (byte)':').ToList();
        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        while (end < data.Count && data[end] is not ((byte)',' or (byte)'}' or (byte)'\n'))
        {
            end++;
        }

        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.UTF8.GetBytes(Replacements[random.Next(Replacements.Length)]));
    }
}
