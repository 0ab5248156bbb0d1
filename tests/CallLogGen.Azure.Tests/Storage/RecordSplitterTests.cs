using System.Text;
using CallLogGen.Azure.Storage;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>
/// The splitter that cuts a blob into records, on its own: whatever sizes the network hands the bytes in (one byte,
/// random short reads, all at once), it finds the same records at the same places with the same resume points.
/// Quick: 300 cuts per blob; CALLLOGGEN_LONG_TESTS=1: 3,000. The seed is in the test name's output on failure.
/// </summary>
public class RecordSplitterTests
{
    private const int Seed = 15_2026;
    private static readonly int Cuts = TestSize.Cases(quick: 300, @long: 3000);
    private static readonly string Resource = ArchiveBuilder.Resource(1);
    private static readonly DateTimeOffset Time = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, bool> Blobs()
    {
        var big = TestRecords.Operation(Time, Resource, new string('x', 200_000));
        var line = TestRecords.Operation(Time, Resource, "a");
        return new TheoryData<string, bool>
        {
            { line + "\n" + TestRecords.Usage(Time.AddMinutes(1), Resource, "b") + "\r\n\n" + line + "\n", true },
            { "\uFEFF" + line + "\n" + big + "\n" + line, true },
            { line + "\n" + "{\"time\": nope}\n" + line + "\n" + line[..25], false },
            { line + "\n" + line[..25], true },
            { "{\n  \"records\": [\n    " + line + ",\n    " + big + "\n  ]\n}\n" + line + "\n", true },
            { "{\"records\":[" + line + "," + line + "]}{\"records\":[" + line + "]}\n[" + line + "]", true },
            { "{\"records\":[" + line + ", {\"time\": nope}, " + line + "]}", true },
            { "{\"records\":[" + line + "," + line, false },
            { "{\"records\":[" + line + "," + line, true },
            { "{\"TimeGenerated\":\"2026-03-10T09:00:00\"}\n42\n{\"time\":\"not a time\"}\n{\"time\":\"x\"} {\"time\":\"y\"}\n", true },
        };
    }

    [Theory]
    [MemberData(nameof(Blobs))]
    public async Task The_same_records_problems_and_resume_points_whatever_the_read_sizes(string blob, bool closed)
    {
        var bytes = Encoding.UTF8.GetBytes(blob);
        var whole = await SplitAsync(bytes, closed, _ => bytes.Length);
        Assert.NotEmpty(whole);
        Assert.Equal(whole, await SplitAsync(bytes, closed, _ => 1));
        var random = new Random(Seed);
        for (var cut = 0; cut < Cuts; cut++)
        {
            var seed = random.Next();
            var sizes = new Random(seed);
            Assert.True(whole.SequenceEqual(await SplitAsync(bytes, closed, _ => sizes.Next(1, 300))), "seed " + seed);
        }
    }

    [Fact]
    public async Task Lines_records_and_documents_are_found_where_they_are()
    {
        var line = TestRecords.Operation(Time, Resource, "a");
        var blob = line + "\n{\"time\": nope}\n{\"records\":[\n" + line + ",\n" + line + "\n]}\n" + line[..30];
        var steps = await SplitAsync(Encoding.UTF8.GetBytes(blob), closed: false, _ => 4096);

        Assert.Equal(
            [
                $"record at 0 line 1 #0 {Time:O} resume {line.Length + 1}/1/0",
                $"problem line 2 #1 resume {line.Length + 16}/2/0",
                $"record at {line.Length + 29} line 4 #2 {Time:O} resume {line.Length + 16}/2/1",
                $"record at {(2 * line.Length) + 31} line 5 #3 {Time:O} resume {line.Length + 16}/2/2",
                $"end resume {(3 * line.Length) + 35}/6/0",
            ],
            steps);

        // Resuming inside the document: it is read again from its start and its first record is skipped.
        var resumed = await SplitAsync(Encoding.UTF8.GetBytes(blob[(line.Length + 16)..]), closed: false, _ => 4096, new ResumePoint(line.Length + 16, 2, 1), recordIndex: 2);
        Assert.Equal(steps[3..], resumed);
    }

    private static async Task<List<string>> SplitAsync(byte[] bytes, bool closed, Func<int, int> readSize, ResumePoint from = default, long recordIndex = 0)
    {
        var steps = new List<string>();
        using var splitter = new RecordSplitter(new ShortReads(bytes, readSize), from, recordIndex, closed, hash: false, maxDepth: 64, _ => { });
        while (true)
        {
            var step = await splitter.NextAsync(CancellationToken.None);
            var resume = $"resume {splitter.Resume.Length}/{splitter.Resume.Lines}/{splitter.Resume.RecordsPastLength}";
            switch (step)
            {
                case SplitStep.Record:
                    var chunk = splitter.Current;
                    Assert.Equal(resume, $"resume {chunk.Resume.Length}/{chunk.Resume.Lines}/{chunk.Resume.RecordsPastLength}");
                    var text = Encoding.UTF8.GetString(splitter.CurrentBytes);
                    Assert.StartsWith(text[..1], Encoding.UTF8.GetString(bytes, (int)(chunk.BytePosition - from.Length), 1), StringComparison.Ordinal);
                    steps.Add($"record at {chunk.BytePosition} line {chunk.Line} #{chunk.RecordIndex} {chunk.Time:O} {resume}");
                    break;
                case SplitStep.Problem:
                    steps.Add($"problem line {splitter.Problem!.Line} #{splitter.Problem.RecordIndex} {resume}");
                    break;
                default:
                    steps.Add("end " + resume);
                    return steps;
            }
        }
    }

    /// <summary>A stream that hands out at most as many bytes per read as it is told.</summary>
    private sealed class ShortReads(byte[] bytes, Func<int, int> readSize) : MemoryStream(bytes, writable: false)
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => base.ReadAsync(buffer, offset, Math.Min(count, Math.Max(1, readSize(count))), cancellationToken);
    }
}
