using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CallLogGen.Kql;
using static CallLogGen.Kql.KqlFunctions;

namespace CallLogGen.Benchmarks;

/// <summary>
/// Building and rendering a typical query (a time range, three filters, a summarize by bin, order, take) with the
/// typed builder, against a hand-written interpolated string that escapes its values correctly.
/// The columns class is what the generator emits for ACSCallAutomationIncomingOperations, written out here so
/// that this project needs no generator run; the work measured is all in the runtime library.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly TableSchema Schema = new("ACSCallAutomationIncomingOperations", "CallAutomationOperational", new[]
    {
        Column("TimeGenerated", KqlType.DateTime), Column("OperationName", KqlType.String), Column("ResultType", KqlType.String),
        Column("DurationMs", KqlType.Int), Column("CorrelationId", KqlType.String), Column("CallConnectionId", KqlType.String),
        Column("CallerIpAddress", KqlType.String), Column("Level", KqlType.String), Column("OperationId", KqlType.String),
        Column("OperationVersion", KqlType.String), Column("ResultSignature", KqlType.Int), Column("SdkType", KqlType.String),
        Column("SdkVersion", KqlType.String), Column("ServerCallId", KqlType.String), Column("SubOperationName", KqlType.String),
        Column("URI", KqlType.String), Column("TenantId", KqlType.String), Column("SourceSystem", KqlType.String),
        Column("Type", KqlType.String), Column("_ResourceId", KqlType.String), Column("_SubscriptionId", KqlType.String),
        Column("_BilledSize", KqlType.Real), Column("_IsBillable", KqlType.String),
    });

    private static readonly KqlLong Failures = KqlLong.Column("Failures");
    private static readonly KqlDateTime Window = KqlDateTime.Column("Window");

    private readonly DateTimeOffset _from = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private readonly DateTimeOffset _to = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private readonly string _operation = "Play";
    private readonly string _sdk = "dotnet'; drop";
    private readonly int _minimumDuration = 250;

    [Benchmark(Baseline = true)]
    public string HandWrittenInterpolation() =>
        $"ACSCallAutomationIncomingOperations\n" +
        $"| where TimeGenerated >= datetime({Utc(_from)}) and TimeGenerated < datetime({Utc(_to)})\n" +
        $"| where OperationName == {Quote(_operation)} and ResultType != 'Succeeded'\n" +
        $"| where DurationMs > int({_minimumDuration.ToString(CultureInfo.InvariantCulture)}) and SdkType != {Quote(_sdk)}\n" +
        $"| summarize Failures = count() by OperationName, Window = bin(TimeGenerated, time(00:05:00))\n" +
        $"| order by Window asc\n" +
        $"| take 100";

    [Benchmark]
    public string TypedBuilder() =>
        KqlQuery<OperationsColumns>.From(Schema, OperationsColumns.Instance)
            .InTimeRange(_from, _to)
            .Where(t => t.OperationName == _operation && t.ResultType != "Succeeded")
            .Where(t => t.DurationMs > _minimumDuration && t.SdkType != _sdk)
            .Summarize(t => new KqlAggregation { Failures.Is(Count()) }, by: t => new KqlProjection { t.OperationName, Window.Is(t.TimeGenerated.Bin(TimeSpan.FromMinutes(5))) })
            .OrderBy(t => new KqlOrdering { { Window, KqlSortDirection.Ascending } })
            .Take(100)
            .ToKql();

    private KqlQuery<OperationsColumns>? _built;

    [Benchmark]
    public object BuildOnly() => Build();

    [Benchmark]
    public string RenderOnly() => (_built ??= Build()).ToKql();

    private KqlQuery<OperationsColumns> Build() =>
        KqlQuery<OperationsColumns>.From(Schema, OperationsColumns.Instance)
            .InTimeRange(_from, _to)
            .Where(t => t.OperationName == _operation && t.ResultType != "Succeeded")
            .Where(t => t.DurationMs > _minimumDuration && t.SdkType != _sdk)
            .Summarize(t => new KqlAggregation { Failures.Is(Count()) }, by: t => new KqlProjection { t.OperationName, Window.Is(t.TimeGenerated.Bin(TimeSpan.FromMinutes(5))) })
            .OrderBy(t => new KqlOrdering { { Window, KqlSortDirection.Ascending } })
            .Take(100);

    private static ColumnSchema Column(string name, KqlType type) => new(name, type, name, false, string.Empty, string.Empty, 0);

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // What a careful hand-written query does for a string value: single quotes, escapes for quote, backslash and
    // line breaks, \u for other control characters.
    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\'': builder.Append("\\'"); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>The generated columns class, as emitted for the table (the columns the query uses).</summary>
    public sealed class OperationsColumns
    {
        public static readonly OperationsColumns Instance = new();

        public KqlDateTime TimeGenerated { get; } = KqlDateTime.Column("TimeGenerated");

        public KqlString OperationName { get; } = KqlString.Column("OperationName");

        public KqlString ResultType { get; } = KqlString.Column("ResultType");

        public KqlInt DurationMs { get; } = KqlInt.Column("DurationMs");

        public KqlString SdkType { get; } = KqlString.Column("SdkType");
    }
}
