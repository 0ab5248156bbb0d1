using CallLogGen.Model;
using CallLogGen.Schema;
using CallLogGen.Schema.Markdown;
using Xunit;
using Xunit.Abstractions;

namespace CallLogGen.Tests.Schema;

// The generator's KqlType: from this namespace a plain KqlType would find the runtime's CallLogGen.KqlType first.
using KqlType = CallLogGen.Model.KqlType;


public class TypeInferenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Inference_agrees_with_the_documented_types_of_the_corpus_tables()
    {
        int total = 0, agree = 0, nonString = 0, nonStringAgree = 0;
        var misses = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Corpus.PathOf("corpus/tables"), "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = "corpus/tables/" + Path.GetFileName(path);
            var document = MarkdownSchemaReader.Read(Corpus.Load(relative), CancellationToken.None);
            foreach (var table in document.Tables)
            {
                foreach (var column in table.Columns)
                {
                    if (column.Type is not { } actual)
                    {
                        continue;
                    }

                    // The type is hidden: only the name and the description go in.
                    var inferred = TypeInference.Infer(column.Name, column.Description);
                    total++;
                    var ok = inferred.Type == actual;
                    agree += ok ? 1 : 0;
                    if (actual != KqlType.String)
                    {
                        nonString++;
                        nonStringAgree += ok ? 1 : 0;
                    }

                    if (!ok)
                    {
                        misses.Add($"{relative} {column.Name}: documented {actual.ToKqlName()}, inferred {inferred.Type.ToKqlName()} ({inferred.Rule})");
                    }
                }
            }
        }

        var overall = (double)agree / total;
        var typed = (double)nonStringAgree / nonString;
        output.WriteLine($"all columns: {agree}/{total} = {overall:P1}");
        output.WriteLine($"non-string columns: {nonStringAgree}/{nonString} = {typed:P1}");
        foreach (var miss in misses)
        {
            output.WriteLine("  miss: " + miss);
        }

        Assert.True(total > 300, $"expected the corpus tables to hold over 300 typed columns, found {total}");
        Assert.True(overall >= 0.90, $"agreement over all columns {overall:P1} < 90%");
        Assert.True(typed >= 0.70, $"agreement over non-string columns {typed:P1} < 70%");
    }

    [Theory]
    [InlineData("TimeGenerated", "", KqlType.DateTime)]
    [InlineData("LastModifiedTime", "When the object changed.", KqlType.DateTime)]
    [InlineData("EventTimestamp", "", KqlType.DateTime)]
    [InlineData("CreatedOn", "The date the item was created.", KqlType.DateTime)]
    [InlineData("TimeTaken", "Time taken by the request in milliseconds", KqlType.String)]
    [InlineData("_BilledSize", "The record size in bytes", KqlType.Real)]
    [InlineData("Quantity", "The number of units used.", KqlType.Real)]
    [InlineData("RequestBodySize", "", KqlType.Long)]
    [InlineData("ReceivedBytes", "", KqlType.Long)]
    [InlineData("RetryCount", "", KqlType.Long)]
    [InlineData("DurationMs", "The duration of the operation in milliseconds.", KqlType.Long)]
    [InlineData("IsInteractive", "", KqlType.Bool)]
    [InlineData("_IsBillable", "", KqlType.Bool)]
    [InlineData("HasErrors", "", KqlType.Bool)]
    [InlineData("Issuer", "", KqlType.String)]
    [InlineData("Enabled", "Whether the rule is on.", KqlType.Bool)]
    [InlineData("CorrelationId", "A GUID that groups related events.", KqlType.Guid)]
    [InlineData("CorrelationId", "Usually a GUID in the string format.", KqlType.String)]
    [InlineData("CorrelationId", "The correlation identifier.", KqlType.String)]
    [InlineData("Properties", "", KqlType.Dynamic)]
    [InlineData("AdditionalFields", "", KqlType.Dynamic)]
    [InlineData("Identity", "A JSON blob that describes the identity.", KqlType.Dynamic)]
    [InlineData("Policies", "A list of policies that applied.", KqlType.Dynamic)]
    [InlineData("DeviceDetail", "The device information, such as OS and browser.", KqlType.Dynamic)]
    [InlineData("Properties", "Set of pairs. Stored as string.", KqlType.String)]
    [InlineData("Claims_d", "Stored as dynamic column.", KqlType.Dynamic)]
    [InlineData("rows_d", "", KqlType.Real)]
    [InlineData("name_s", "", KqlType.String)]
    [InlineData("runId_g", "", KqlType.Guid)]
    [InlineData("enabled_b", "", KqlType.Bool)]
    [InlineData("start_t", "", KqlType.DateTime)]
    [InlineData("ScStatus", "HTTP status code", KqlType.Int)]
    [InlineData("DestinationPort", "", KqlType.Int)]
    [InlineData("OperationName", "The operation.", KqlType.String)]
    [InlineData("", "", KqlType.String)]
    internal void Rules(string name, string description, KqlType expected)
    {
        var inferred = TypeInference.Infer(name, description);
        Assert.Equal(expected, inferred.Type);
        Assert.False(string.IsNullOrWhiteSpace(inferred.Rule));
    }
}
