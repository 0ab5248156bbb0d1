using System.Globalization;
using CallAutomationInsights.Logs;
using CallLogGen.Json;

namespace CallAutomationInsights;

/// <summary>
/// The per-call summary of every record read, whatever it was read from (files, a storage account), with what was
/// skipped on the way, and the exit code that follows from it: the same rules for <c>analyze</c> and <c>analyze --storage</c>.
/// </summary>
internal sealed class CallReport
{
    /// <summary>Everything was read (records of other categories are read too: they are kept aside, not skipped).</summary>
    public const int AllRead = 0;

    /// <summary>Some records, files or blobs were skipped; the summary counts what was read.</summary>
    public const int SomeSkipped = 1;

    /// <summary>Nothing could be read: every file or record given was skipped. Also the code of a wrong command line.</summary>
    public const int NothingRead = 2;

    private readonly SortedDictionary<string, CallSummary> _calls = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _unknownCategories = new(StringComparer.Ordinal);

    /// <param name="sourceNoun">What the records come from, for the summary line: <c>file</c> or <c>blob</c>.</param>
    public CallReport(string sourceNoun) => SourceNoun = sourceNoun;

    public string SourceNoun { get; }

    /// <summary>Records that could not be read and were skipped, each reported on a <c>skipped:</c> line.</summary>
    public int SkippedRecords { get; set; }

    /// <summary>Files or blobs that could not be read, or only up to a point, each reported on a line of its own.</summary>
    public int SkippedSources { get; set; }

    /// <summary>Every record read, other categories' included.</summary>
    public int RecordsRead { get; private set; }

    /// <summary>0 when everything was read, 1 when something was skipped but something was read, 2 when nothing could be read.</summary>
    public int ExitCode => SkippedRecords + SkippedSources == 0 ? AllRead : RecordsRead > 0 ? SomeSkipped : NothingRead;

    public void Add(object record)
    {
        RecordsRead++;
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
            + (SkippedRecords > 0 ? $", {SkippedRecords} records skipped" : string.Empty)
            + (SkippedSources > 0 ? $", {SkippedSources} {SourceNoun}s skipped" : string.Empty)
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
