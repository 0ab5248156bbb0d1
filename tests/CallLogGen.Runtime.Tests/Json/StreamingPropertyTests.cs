using System.Diagnostics;
using System.Text;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;
using CallLogGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Every export, read through a stream that hands out 1 byte a read, then random short reads, then all at once,
/// gives the same records (compared as written back), the same reports and the same error as reading it from
/// memory, in the typed readers and the mixed-category reader, synchronous and asynchronous; and nothing but a
/// <see cref="LogJsonException"/> ever ends a read. The exports are the test data's and generated ones (see
/// <see cref="ExportGenerator"/>), a third of them damaged; query results written from what was read go through
/// the query-result readers the same way. 2,000 cases from a fixed seed by default, 20,000 from a fresh one in the long
/// run (<see cref="TestSize"/>); the seed is logged, and CALLLOGGEN_STREAMING_SEED replays a run.
/// </summary>
public class StreamingPropertyTests(ITestOutputHelper output)
{

    private enum Mode
    {
        Strict,
        Lenient,
        SkipInvalid,
        /// <summary>Every record into the typed model (values it cannot type kept, as they would fail most of them).</summary>
        OtherTablesToo,
        ShallowDepth,
    }

    private static int Cases => TestSize.Cases(quick: 2_000, @long: 20_000);

    public static TheoryData<string> ExportFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine("tests", "data", "corpus", "samples"), Path.Combine("tests", "data", "exports"), Path.Combine("samples", "CallAutomationInsights", "data") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".ndjson", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExportFiles))]
    public async Task Every_export_in_the_test_data_reads_the_same_in_any_chunks(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, file));
        var random = new Random(file.Length);
        var context = file;

        foreach (var mode in new[] { Mode.Strict, Mode.OtherTablesToo })
        {
            var typed = await CompareAsync(bytes, mode, random, context, asynchronousFirst: mode == Mode.Strict);
            Assert.True(typed.End == "end", context + ": " + typed.End);
        }
    }

    [Fact]
    public async Task Generated_exports_read_the_same_in_any_chunks()
    {
        var seed = TestSize.Seed("CALLLOGGEN_STREAMING_SEED", quickSeed: 20261204);
        output.WriteLine($"seed {seed} (replay with CALLLOGGEN_STREAMING_SEED={seed}), {Cases} cases");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var ends = new Dictionary<string, int>();
        var deepRead = 0;
        var tooDeep = 0;
        var otherTables = 0;

        for (var i = 0; i < Cases; i++)
        {
            var mode = (Mode)random.Next(5);
            var text = new ExportGenerator(random, Options(mode, new List<string>()).MaxDepth).Export();
            var bytes = Encoding.UTF8.GetBytes(text);
            var damaged = random.Next(3) == 0;
            if (damaged)
            {
                bytes = MutationPropertyTests.Mutate(bytes, random);
            }

            var context = $"case {i} (seed {seed}, {mode}{(damaged ? ", damaged" : string.Empty)}): {Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 400)])}";
            var typed = await CompareAsync(bytes, mode, random, context, asynchronousFirst: i % 4 < 2, oneByteForOneReader: i % 2 == 0);

            var kind = typed.End == "end" ? "read" : typed.End.Contains("nesting deeper", StringComparison.Ordinal) ? "too deep" : "error";
            ends[kind] = ends.GetValueOrDefault(kind) + 1;
            deepRead += typed.End == "end" && text.Contains(new string('[', 3), StringComparison.Ordinal) ? 1 : 0;
            tooDeep += kind == "too deep" ? 1 : 0;
            otherTables += typed.Reports.Count(r => r.StartsWith("other", StringComparison.Ordinal));

            if (typed.Read is { Count: > 0 } records && i % 2 == 0)
            {
                await CompareQueryResultsAsync(records, mode, random, context);
            }
        }

        output.WriteLine(string.Join(", ", ends.Select(e => e.Key + ": " + e.Value)) + $"; {otherTables} other tables' records skipped; {clock.ElapsedMilliseconds} ms");
        Assert.True(ends.GetValueOrDefault("read") > Cases / 4, "too few exports were read whole: the cases prove little");
        Assert.True(ends.GetValueOrDefault("error") > Cases / 10, "too few exports failed: the damage proves little");
        Assert.True(tooDeep > 0 && deepRead > 0, "no value reached the depth limit, or none passed it");
        Assert.True(otherTables > Cases / 10, "typed readers skipped almost no records of other tables");
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> from memory, then through streams of each chunking, with the typed reader and
    /// the mixed-category reader (one synchronous, the other asynchronous, swapped by <paramref name="asynchronousFirst"/>),
    /// and checks every outcome agrees; returns the typed reader's from memory. Where <paramref name="oneByteForOneReader"/>,
    /// only one of the two (by turns) reads a byte at a time, which is most of the cost.
    /// </summary>
    private static async Task<Outcome> CompareAsync(byte[] bytes, Mode mode, Random random, string context, bool asynchronousFirst, bool oneByteForOneReader = false)
    {
        var typed = await Run(context, mode, options => AcsCallAutomationIncomingOperations.Json.ReadExport(bytes, options));
        var mixed = await Run(context, mode, options => NewMixedReader().Read(bytes, options));
        var chunkings = new (string Name, Func<int> Next)[] { ("1 byte", () => 1), ("short reads", () => random.Next(1, 17)), ("whole", () => int.MaxValue) };
        Outcome? typedStreamed = null;
        Outcome? mixedStreamed = null;
        foreach (var (name, next) in chunkings)
        {
            var where = context + " [" + name + "]";
            var oneByte = oneByteForOneReader && name == "1 byte";
            if (!oneByte || asynchronousFirst)
            {
                var typedNow = asynchronousFirst
                    ? await RunAsync(where + " typed async", mode, options => AcsCallAutomationIncomingOperations.Json.ReadExportAsync(new ChunkedStream(bytes, next), options))
                    : await Run(where + " typed sync", mode, options => AcsCallAutomationIncomingOperations.Json.ReadExport(new ChunkedStream(bytes, next), options));
                typed.AssertSameAs(typedNow, where + " typed");
                typedStreamed?.AssertSameAs(typedNow, where + " typed, against the previous chunking", includingRecordsBeforeAnError: true);
                typedStreamed = typedNow;
            }

            if (!oneByte || !asynchronousFirst)
            {
                var mixedNow = asynchronousFirst
                    ? await Run(where + " mixed sync", mode, options => NewMixedReader().Read(new ChunkedStream(bytes, next), options))
                    : await RunAsync(where + " mixed async", mode, options => NewMixedReader().ReadAsync(new ChunkedStream(bytes, next), options));
                mixed.AssertSameAs(mixedNow, where + " mixed");
                mixedStreamed?.AssertSameAs(mixedNow, where + " mixed, against the previous chunking", includingRecordsBeforeAnError: true);
                mixedStreamed = mixedNow;
            }
        }

        return typed;
    }

    /// <summary>Query results written from records read: the same through the query-result readers from memory and from streams, and written again the same.</summary>
    private static async Task CompareQueryResultsAsync(List<AcsCallAutomationIncomingOperations> records, Mode mode, Random random, string context)
    {
        var written = Encoding.UTF8.GetBytes(WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteQueryResult(w, records)));
        var damaged = random.Next(3) == 0;
        var bytes = damaged ? MutationPropertyTests.Mutate(written, random) : written;
        context += " [query result " + Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 600)]) + "]";

        List<AcsCallAutomationIncomingOperations>? again = null;
        var fromMemory = await Run(context, mode, options => again = AcsCallAutomationIncomingOperations.Json.ReadQueryResult(bytes, options: options));
        foreach (var chunk in new[] { 1, random.Next(2, 17), int.MaxValue })
        {
            var streamed = await RunAsync(context + " [chunks of " + chunk + "]", mode, options => Enumerate(AcsCallAutomationIncomingOperations.Json.ReadQueryResultAsync(new ChunkedStream(bytes, chunk), options: options)));
            fromMemory.AssertSameAs(streamed, context + " [chunks of " + chunk + "]", includingRecordsBeforeAnError: true);
        }

        await Run(context + " [KqlResultTable]", mode, options => KqlResultTable.Read(bytes, options).Select(row => (object)row));
        if (!damaged)
        {
            Assert.True(fromMemory.End == "end", context + ": " + fromMemory.End);

            // The same columns, names and types, and the same cells: what a query result kept, it writes back.
            var rewritten = WritingTests.Write(w => AcsCallAutomationIncomingOperations.Json.WriteQueryResult(w, again!));
            Assert.True(Encoding.UTF8.GetString(written) == rewritten, context + "\nwritten again as\n" + rewritten);
        }
    }

    private static async IAsyncEnumerable<object> Enumerate(Task<List<AcsCallAutomationIncomingOperations>> read)
    {
        foreach (var record in await read)
        {
            yield return record;
        }
    }

    private static LogExportReader NewMixedReader() => new(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json);

    private static LogReadOptions Options(Mode mode, List<string> reports) => new()
    {
        KeepUntypedValues = mode is Mode.Lenient or Mode.OtherTablesToo,
        OnInvalidRecord = mode == Mode.SkipInvalid ? e => reports.Add("invalid " + e.Message) : null,
        OnOtherTableRecord = o => reports.Add("other " + o + " at byte " + o.BytePosition + ", " + o.Count + " so far"),
        ReadOtherTableRecords = mode == Mode.OtherTablesToo,
        MaxDepth = mode == Mode.ShallowDepth ? 20 : 64,
    };

    /// <summary>A synchronous read, run as an asynchronous one so that one method captures both: its enumerator is still the synchronous one.</summary>
    private static Task<Outcome> Run<T>(string context, Mode mode, Func<LogReadOptions, IEnumerable<T>> read)
        => RunAsync(context, mode, options => Synchronously(read(options)));

    private static async IAsyncEnumerable<T> Synchronously<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }

    private static async Task<Outcome> RunAsync<T>(string context, Mode mode, Func<LogReadOptions, IAsyncEnumerable<T>> read)
    {
        var reports = new List<string>();
        var records = new List<object>();
        try
        {
            await foreach (var record in read(Options(mode, reports)))
            {
                records.Add(record!);
            }

            return new Outcome(records, reports, "end");
        }
        catch (LogJsonException e)
        {
            return new Outcome(records, reports, Ended(e));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException(context + "\nthrew " + e);
        }
    }

    private static string Ended(LogJsonException e)
    {
        Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", e.Message, StringComparison.Ordinal);

        // The reader refused JSON that JsonSyntax found sound (or the other way round): the two disagree.
        Assert.DoesNotContain("the JSON is not valid here", e.Message, StringComparison.Ordinal);
        return "error at " + e.BytePosition + " (line " + e.Line + ", record index " + e.RecordIndex + "): " + e.Message;
    }

    /// <summary>What a read gave: its records, what it reported, and how it ended.</summary>
    private sealed class Outcome(List<object> records, List<string> reports, string end)
    {
        public List<string> Reports { get; } = reports;

        public string End { get; } = end;

        /// <summary>The typed records, where the read was a typed one.</summary>
        public List<AcsCallAutomationIncomingOperations>? Read => records.Count > 0 && records.All(r => r is AcsCallAutomationIncomingOperations)
            ? records.Cast<AcsCallAutomationIncomingOperations>().ToList()
            : null;

        private List<string> Records { get; } = records.Select(Describe).ToList();

        /// <summary>
        /// The same reports and end as <paramref name="other"/>, and the same records; from memory a read that fails
        /// returns no records, so those before the error are compared only between streams.
        /// </summary>
        public void AssertSameAs(Outcome other, string context, bool includingRecordsBeforeAnError = false)
        {
            Assert.True(End == other.End, $"{context}\nended\n  {End}\nthen\n  {other.End}");
            Assert.True(Reports.SequenceEqual(other.Reports), $"{context}\nreported\n  {string.Join("\n  ", Reports)}\nthen\n  {string.Join("\n  ", other.Reports)}");
            if (End == "end" || includingRecordsBeforeAnError)
            {
                Assert.True(Records.SequenceEqual(other.Records), $"{context}\nread\n  {string.Join("\n  ", Records)}\nthen\n  {string.Join("\n  ", other.Records)}");
            }
        }

        private static string Describe(object record) => record switch
        {
            AcsCallAutomationIncomingOperations operation => "operation " + WritingTests.WriteExportRecord(operation),
            AcsBillingUsage usage => "usage " + WritingTests.Write(w => AcsBillingUsage.Json.WriteExportRecord(w, usage)),
            UnknownLogRecord unknown => "unknown " + unknown.Category + " " + unknown.Json.GetRawText(),
            _ => record.ToString() ?? string.Empty,
        };
    }
}
