using CallLogGen.SampleData;

// Writes the sample's bundled exports into the folder given, e.g.
//   dotnet run --project tools/CallLogGen.SampleData -- samples/CallAutomationInsights/data
// Deterministic: running it again rewrites the same bytes.
if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: CallLogGen.SampleData <output folder>");
    return 2;
}

var folder = args[0];
Directory.CreateDirectory(folder);

(string Name, byte[] Bytes)[] files =
{
    // A storage-account blob: both tables' categories in one {"records":[...]} document, compact as Azure writes it
    // (SampleTests tells the shapes apart by a leading {"records").
    ("export-records-mixed.json", new RealisticCallLogs(seed: 1).RecordsDocument(60, RecordKinds.Both)),
    // The operational table alone as an Event Hubs capture would hold it: {"records":[...]}, compact.
    ("export-records-operations.json", new RealisticCallLogs(seed: 2, start: new DateTime(2026, 11, 24, 9, 0, 0)).RecordsDocument(70)),
    // One JSON object per line, both tables.
    ("export-mixed.ndjson", new RealisticCallLogs(seed: 3, start: new DateTime(2026, 11, 24, 10, 0, 0)).Ndjson(60, RecordKinds.Both)),
    // Usage records only, one per line.
    ("export-usage.ndjson", new RealisticCallLogs(seed: 4, start: new DateTime(2026, 11, 24, 11, 0, 0)).Ndjson(80, RecordKinds.Usage)),
};

long total = 0;
foreach (var (name, bytes) in files)
{
    File.WriteAllBytes(Path.Combine(folder, name), bytes);
    total += bytes.Length;
    Console.WriteLine($"{name}: {bytes.Length:N0} bytes");
}

Console.WriteLine($"total: {total:N0} bytes");
return 0;
