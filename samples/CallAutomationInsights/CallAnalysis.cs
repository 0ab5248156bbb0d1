using System.Globalization;
using CallAutomationInsights.Logs;
using CallLogGen.Json;

namespace CallAutomationInsights;

/// <summary>
/// The sample's main job: reads diagnostic-settings exports of both Call Automation tables, whatever their
/// shape, with the generated readers, and sums up each call (its CorrelationId): the operations in order,
/// the failures, the time the operations took, and the usage billed.
/// </summary>
internal static class CallAnalysis
{
    public static async Task<int> RunAsync(IReadOnlyList<string> files, TextWriter output, TextWriter errors)
    {
        if (files.Count == 0)
        {
            files = BundledData();
            output.WriteLine($"No files given: reading the {files.Count} bundled exports in {Path.Combine(AppContext.BaseDirectory, "data")}.");
        }

        var calls = new SortedDictionary<string, CallSummary>(StringComparer.Ordinal);
        var unknownCategories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var badRecords = 0;
        var reader = CallLogTables.CreateExportReader();
        var options = new LogReadOptions
        {
            // A bad record is reported and skipped; one bad line must not cost the rest of the file.
            OnInvalidRecord = error =>
            {
                badRecords++;
                errors.WriteLine("skipped: " + error.Message);
            },
        };

        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            try
            {
                await foreach (var record in reader.ReadAsync(stream, options))
                {
                    switch (record)
                    {
                        case AcsCallAutomationIncomingOperations operation:
                            Summary(calls, operation.CorrelationId).Add(operation);
                            break;
                        case AcsBillingUsage usage:
                            Summary(calls, usage.CorrelationId).Add(usage);
                            break;
                        case UnknownLogRecord other:
                            var category = other.Category ?? "(none)";
                            unknownCategories[category] = unknownCategories.GetValueOrDefault(category) + 1;
                            break;
                    }
                }
            }
            catch (LogJsonException error)
            {
                errors.WriteLine($"{file}: {error.Message}");
                return 1;
            }
        }

        foreach (var call in calls.Values)
        {
            call.Write(output);
        }

        output.WriteLine($"{calls.Count} calls, {calls.Values.Sum(c => c.OperationCount)} operations, {calls.Values.Sum(c => c.UsageCount)} usage records"
            + (badRecords > 0 ? $", {badRecords} records skipped" : string.Empty)
            + (unknownCategories.Count > 0 ? ", other categories kept aside: " + string.Join(", ", unknownCategories.Select(c => $"{c.Key} ({c.Value})")) : string.Empty));
        return 0;
    }

    private static List<string> BundledData()
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data")).Order(StringComparer.Ordinal).ToList();

    private static CallSummary Summary(SortedDictionary<string, CallSummary> calls, string? correlationId)
    {
        var key = string.IsNullOrEmpty(correlationId) ? "(no correlation id)" : correlationId;
        if (!calls.TryGetValue(key, out var summary))
        {
            summary = new CallSummary(key);
            calls.Add(key, summary);
        }

        return summary;
    }

    /// <summary>What one call did, from its operational and usage records.</summary>
    private sealed class CallSummary(string correlationId)
    {
        private readonly List<AcsCallAutomationIncomingOperations> _operations = new();
        private readonly SortedDictionary<string, double> _usage = new(StringComparer.Ordinal);

        public int OperationCount => _operations.Count;

        public int UsageCount { get; private set; }

        public void Add(AcsCallAutomationIncomingOperations operation) => _operations.Add(operation);

        public void Add(AcsBillingUsage usage)
        {
            UsageCount++;
            var key = $"{usage.UsageType ?? "?"} ({usage.UnitType ?? "?"})";
            _usage[key] = _usage.GetValueOrDefault(key) + (usage.Quantity ?? 0);
        }

        public void Write(TextWriter output)
        {
            var operations = _operations.OrderBy(o => o.TimeGenerated).ToList();
            var failures = operations.Where(o => IsFailure(o)).ToList();
            var duration = operations.Sum(o => (long)(o.DurationMs ?? 0));
            output.WriteLine($"call {correlationId}");
            if (operations.Count > 0)
            {
                output.WriteLine($"  {operations[0].TimeGenerated:u} .. {operations[^1].TimeGenerated:u}, {operations.Count} operations, {duration.ToString(CultureInfo.InvariantCulture)} ms in total");
                output.WriteLine("  operations: " + string.Join(" > ", operations.Select(o => o.OperationName + (IsFailure(o) ? "!" : string.Empty))));
            }

            foreach (var failure in failures)
            {
                output.WriteLine($"  failed: {failure.OperationName} at {failure.TimeGenerated:u}: {failure.ResultType} {failure.ResultSignature?.ToString(CultureInfo.InvariantCulture)}");
            }

            foreach (var (kind, quantity) in _usage)
            {
                output.WriteLine($"  usage: {kind} {quantity.ToString("0.###", CultureInfo.InvariantCulture)}");
            }
        }

        private static bool IsFailure(AcsCallAutomationIncomingOperations operation)
            => !string.Equals(operation.ResultType, "Succeeded", StringComparison.OrdinalIgnoreCase)
               || operation.ResultSignature is >= 400;
    }
}
