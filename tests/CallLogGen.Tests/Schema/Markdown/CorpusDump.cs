using Xunit;
using CallLogGen.Schema.Markdown;
using Xunit.Abstractions;

namespace CallLogGen.Tests.Schema.Markdown;

public class CorpusDumpScratch(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (var rel in Corpus.MarkdownFiles())
        {
            var doc = MarkdownSchemaReader.Read(Corpus.Load(rel), CancellationToken.None);
            output.WriteLine($"=== {rel}");
            foreach (var t in doc.Tables)
            {
                output.WriteLine($"  TABLE '{t.Name}' {t.Location.Display} cols={t.Columns.Count}");
                foreach (var c in t.Columns)
                    output.WriteLine($"    {c.Location.Line}:{c.Location.Column} '{c.Name}' [{c.TypeText}/{c.Type}] {c.Required} :: {(c.Description.Length > 70 ? c.Description.Substring(0, 70) : c.Description)}");
            }
            foreach (var i in doc.Includes) output.WriteLine($"  INCLUDE '{i.Target}' hint='{i.NameHint}' {i.Location.Display}");
            foreach (var d in doc.Diagnostics) output.WriteLine($"  DIAG {d.Id} {d.Location?.Display} {string.Join(" | ", d.Arguments)}");
        }
    }
}
