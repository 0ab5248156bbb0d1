using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallLogGen.Json;
using CallLogGen.Runtime.Tests.Logs;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Runtime.Tests.Json;

/// <summary>
/// Every record of every export in the test data (and of generated ones), read and then written by each writer
/// (export document, one per line, query result, Logs Ingestion array), says what the INPUT said: compared with the
/// input JSON semantically (members in any order, numbers and datetimes by value), not with a second read, so that
/// a field the reader and the writer both dropped fails. For the column-keyed formats the input's export paths are
/// mapped to the format's names here, by the rule docs/serializers.md states, written out independently of the runtime.
/// </summary>
public class WriterRoundTripTests
{
    private static readonly LogReadOptions Lenient = new() { KeepUntypedValues = true, ReadOtherTableRecords = true };

    public static TheoryData<string> ExportFiles() => StreamingPropertyTests.ExportFiles();

    [Theory]
    [MemberData(nameof(ExportFiles))]
    public void Every_record_of_the_test_data_written_by_every_writer_says_what_its_input_said(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, file));
        var checkedRecords = CheckExport(bytes, file);

        Assert.True(checkedRecords > 0, file + " has no records");
    }

    [Fact]
    public void Every_generated_record_written_by_every_writer_says_what_its_input_said()
    {
        var random = new Random(20261124);
        var checkedRecords = 0;
        for (var i = 0; i < 80; i++)
        {
            checkedRecords += CheckExport(Encoding.UTF8.GetBytes(new ExportGenerator(random, 64).Export()), "generated export " + i);
        }

        Assert.True(checkedRecords > 100);
    }

    /// <summary>Reads the export both ways (into the operations model whatever the category, and through the mixed reader), checks every record, returns how many.</summary>
    private static int CheckExport(byte[] bytes, string context)
    {
        var inputs = Inputs(bytes);
        List<AcsCallAutomationIncomingOperations> forced;
        try
        {
            forced = AcsCallAutomationIncomingOperations.Json.ReadExport(bytes, Lenient);
        }
        catch (LogJsonException e) when (e.Problem.Contains("nesting deeper", StringComparison.Ordinal))
        {
            return 0; // A generated value one level past the limit: nothing to write.
        }

        Assert.Equal(inputs.Count, forced.Count);
        for (var i = 0; i < forced.Count; i++)
        {
            CheckRecord(AcsCallAutomationIncomingOperations.Json, forced[i], inputs[i], $"{context}, record {i + 1} (read into the operations model)");
        }

        var mixed = new LogExportReader(AcsCallAutomationIncomingOperations.Json, AcsBillingUsage.Json).Read(bytes, Lenient);
        Assert.Equal(inputs.Count, mixed.Count);
        for (var i = 0; i < mixed.Count; i++)
        {
            var where = $"{context}, record {i + 1} (mixed reader)";
            switch (mixed[i])
            {
                case AcsCallAutomationIncomingOperations operation:
                    CheckRecord(AcsCallAutomationIncomingOperations.Json, operation, inputs[i], where);
                    break;
                case AcsBillingUsage usage:
                    CheckRecord(AcsBillingUsage.Json, usage, inputs[i], where);
                    break;
                case UnknownLogRecord unknown:
                    Assert.True(JsonSemantics.AreEqual(inputs[i], unknown.Json, out var difference), where + ": " + difference);
                    break;
            }
        }

        return inputs.Count;
    }

    private static void CheckRecord<T>(LogRecordJson<T> json, T record, JsonElement input, string context)
        where T : class
    {
        var records = new[] { record };
        var document = Write(w => json.WriteExport(w, records));
        Assert.True(JsonSemantics.AreEqual(input, Parse(document).GetProperty("records")[0], out var difference), $"{context}, export document: {difference}\n{document}");

        var lines = new ArrayBufferWriter<byte>();
        json.WriteExportLines(lines, records);
        var line = Encoding.UTF8.GetString(lines.WrittenSpan).TrimEnd('\n');
        Assert.True(JsonSemantics.AreEqual(input.GetRawText(), line, out difference), $"{context}, export line: {difference}\n{line}");

        var expected = ExpectedColumns(json, input, ingestion: false);
        var result = Write(w => json.WriteQueryResult(w, records));
        Assert.True(JsonSemantics.AreEqual(expected, QueryResultRow(result), out difference), $"{context}, query result: {difference}\n{result}");

        expected = ExpectedColumns(json, input, ingestion: true);
        var ingestion = Write(w => json.WriteIngestion(w, records));
        Assert.True(JsonSemantics.AreEqual(expected, Parse(ingestion)[0], out difference), $"{context}, ingestion: {difference}\n{ingestion}");
    }

    /// <summary>
    /// What a column-keyed format must hold for an export record, by the documented rule: each field in document
    /// order (top level, <c>properties</c> where it stands); a field whose name is a column's export name or the
    /// column's own name (exact case, else any ASCII case) fills that column the first time, with its value (an object
    /// or array in a string column as its JSON text); the table's own <c>category</c>, spelt exactly as exports do,
    /// is the table and no column; every other field is a column of its own named as it arrived (without
    /// <c>properties.</c>), with the smallest number appended that sets it apart from the table's columns and the
    /// fields before it. The ingestion array leaves out the columns Azure Monitor sets.
    /// </summary>
    private static JsonElement ExpectedColumns(LogRecordJson json, JsonElement input, bool ingestion)
    {
        var schema = json.Schema;
        var names = new List<(string Name, int Column)>();
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            if (json.ExportPath(i) is { } path)
            {
                names.Add((path.StartsWith("properties.", StringComparison.Ordinal) ? path["properties.".Length..] : path, i));
            }
        }

        for (var i = 0; i < schema.Columns.Count; i++)
        {
            if (json.ExportPath(i) is not null)
            {
                names.Add((schema.Columns[i].Name, i));
            }
        }

        var taken = new HashSet<string>(schema.Columns.Select(c => c.Name), StringComparer.Ordinal);
        var filled = new HashSet<int>();
        var expected = new JsonObject();
        var categorySeen = false;

        void Field(string name, JsonElement value, string? section)
        {
            if (section is null && !categorySeen && name.Equals("category", StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.String)
            {
                categorySeen = true;
                if (name == "category" && value.GetRawText() == "\"" + schema.Category + "\"" && schema.FindColumn("Category") is null)
                {
                    return;
                }
            }

            var column = names.FindIndex(n => n.Name == name) is var exact and >= 0 ? names[exact].Column
                : names.FindIndex(n => AsciiLower(n.Name) == AsciiLower(name)) is var folded and >= 0 ? names[folded].Column : -1;
            if (column >= 0 && filled.Add(column))
            {
                var columnName = schema.Columns[column].Name;
                if (!(ingestion && LogRecordJson.IsSystemColumn(columnName)))
                {
                    expected[columnName] = schema.Columns[column].Type == KqlType.String && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        ? JsonValue.Create(value.GetRawText())
                        : JsonNode.Parse(value.GetRawText());
                }

                return;
            }

            var free = name;
            for (var n = 1; !taken.Add(free); n++)
            {
                free = name + n;
            }

            expected[free] = JsonNode.Parse(value.GetRawText());
        }

        foreach (var member in input.EnumerateObject())
        {
            if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in member.Value.EnumerateObject())
                {
                    Field(property.Name, property.Value, "properties");
                }
            }
            else
            {
                Field(member.Name, member.Value, null);
            }
        }

        return Parse(expected.ToJsonString());
    }

    /// <summary>A written query result's one row as an object keyed by column name, dynamic cells' JSON text decoded.</summary>
    private static JsonElement QueryResultRow(string result)
    {
        var table = Parse(result).GetProperty("tables")[0];
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => (Name: c.GetProperty("name").GetString()!, Type: c.GetProperty("type").GetString())).ToList();
        Assert.Equal(columns.Count, columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        var row = table.GetProperty("rows")[0];
        var cells = new JsonObject();
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = row[i];
            cells[columns[i].Name] = columns[i].Type == "dynamic" && cell.ValueKind == JsonValueKind.String && cell.GetString()!.TrimStart() is ['{' or '[', ..]
                ? JsonNode.Parse(cell.GetString()!)
                : JsonNode.Parse(cell.GetRawText());
        }

        return Parse(cells.ToJsonString());
    }

    private static List<JsonElement> Inputs(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        JsonElement root;
        try
        {
            root = Parse(text);
        }
        catch (JsonException)
        {
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
        }

        return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
            : root.TryGetProperty("records", out var records) ? records.EnumerateArray().ToList()
            : new List<JsonElement> { root };
    }

    private static string AsciiLower(string name) => string.Concat(name.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 }).RootElement;

    private static string Write(Action<Utf8JsonWriter> write) => WritingTests.Write(write);
}
