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

        var report = new CallReport();
        var reader = CallLogTables.CreateExportReader();
        var options = new LogReadOptions
        {
            // A bad record is reported and skipped; one bad line must not cost the rest of the file.
            OnInvalidRecord = error =>
            {
                report.BadRecords++;
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
                    report.Add(record);
                }
            }
            catch (LogJsonException error)
            {
                errors.WriteLine($"{file}: {error.Message}");
                return 1;
            }
        }

        report.Write(output);
        return 0;
    }

    private static List<string> BundledData()
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data")).Order(StringComparer.Ordinal).ToList();

    /// <summary>The per-call summary of every record read, whatever it was read from (files, a storage account).</summary>
    internal sealed class CallReport
    {
        private readonly SortedDictionary<string, CallSummary> _calls = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _unknownCategories = new(StringComparer.Ordinal);

        public int BadRecords { get; set; }

        public void Add(object record)
        {
            switch (record)
            {
                case AcsCallAutomationIncomingOperations operation:
                    Summary(operation.CorrelationId).Add(operation);
                    break;
                case AcsBillingUsage usage:
                    Summary(usage.CorrelationId).Add(usage);
                    break;
                case UnknownLogRecord other:
                    var category = other.Category ?? "(none)";
                    _unknownCategories[category] = _unknownCategories.GetValueOrDefault(category) + 1;
                    break;
            }
        }

        public void Write(TextWriter output)
        {
            foreach (var call in _calls.Values)
            {
                call.Write(output);
            }

            output.WriteLine($"{_calls.Count} calls, {_calls.Values.Sum(c => c.OperationCount)} operations, {_calls.Values.Sum(c => c.UsageCount)} usage records"
                + (BadRecords > 0 ? $", {BadRecords} records skipped" : string.Empty)
                + (_unknownCategories.Count > 0 ? ", other categories kept aside: " + string.Join(", ", _unknownCategories.Select(c => $"{c.Key} ({c.Value})")) : string.Empty));
        }

        private CallSummary Summary(string? correlationId)
        {
            var key = string.IsNullOrEmpty(correlationId) ? "(no correlation id)" : correlationId;
            if (!_calls.TryGetValue(key, out var summary))
            {
                summary = new CallSummary(key);
                _calls.Add(key, summary);
            }

            return summary;
        }
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
