#if CALLLOGGEN_SHOWCASE
// Each mistake CallLogGen reports while you type, on purpose. Built only with
//   dotnet build samples/CallAutomationInsights -p:ShowCallLogGenDiagnostics=true
// (the build then fails: that is the point). The broken schema files beside this file show the CLG1xxx ones.
using CallAutomationInsights.Logs;
using CallLogGen.Kql;

namespace CallAutomationInsights.DiagnosticsShowcase;

internal static class Showcase
{
    // CLG2001: a record without its required TimeGenerated.
    public static object MissingRequiredColumn() => new AcsBillingUsage { Quantity = 1.5 };

    // CLG2002: a required column set to nothing.
    public static object RequiredColumnSetToNothing() => new AcsBillingUsage { TimeGenerated = default };

    // CLG3001: a value pasted into raw KQL.
    public static string RawKqlFromInput(string input) =>
        AcsBillingUsage.Query().InLast(TimeSpan.FromDays(1)).AppendRawOperator($"where UsageType == '{input}'").ToKql();

    // CLG3002: a query over the whole retention.
    public static string NoTimeFilter() => AcsBillingUsage.Query().Where(t => t.UsageType == "PSTN").ToKql();

    // CLG3003: a column read after a project dropped it.
    public static string ColumnUsedAfterProject() => AcsBillingUsage.Query().InLast(TimeSpan.FromDays(1))
        .Project(t => new KqlProjection { t.UsageType, t.Quantity })
        .Where(t => t.UnitType == "Minute")
        .ToKql();

    // CLG2003: a query's result read into a model whose required column the query drops.
    public static int ResultWithoutRequiredColumn(byte[] response) => AcsBillingUsage.Json.ReadQueryResult(
        AcsBillingUsage.Query().InLast(TimeSpan.FromDays(1)).Project(t => new KqlProjection { t.UsageType, t.Quantity }),
        response).Count;
}
#endif
