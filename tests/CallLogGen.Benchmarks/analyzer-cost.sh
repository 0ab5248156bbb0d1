#!/usr/bin/env bash
# Measures CallLogGen's analyzers' and generator's share of a build: a synthetic project of 500 files that use the
# generated seed models and queries, compiled with -p:ReportAnalyzer=true. Prints the compiler's own report lines.
# Usage: bash tests/CallLogGen.Benchmarks/analyzer-cost.sh [files]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
files=${1:-500}
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

cat > "$work/Cost.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/CallLogGen.Package/build/CallLogGen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <CallLogGenNamespace>Cost.Logs</CallLogGenNamespace>
    <CallLogGenSchemaFiles>$repo/schemas/**/*.md;$repo/schemas/**/*.json</CallLogGenSchemaFiles>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$repo/src/CallLogGen/bin/Release/netstandard2.0/CallLogGen.dll" />
    <Analyzer Include="$repo/src/CallLogGen/bin/Release/netstandard2.0/Markdig.dll" />
    <Reference Include="$repo/src/CallLogGen.Runtime/bin/Release/net8.0/CallLogGen.Runtime.dll" />
  </ItemGroup>
</Project>
XML

for i in $(seq 1 "$files"); do
  cat > "$work/File$i.cs" <<CS
using CallLogGen.Kql;
using Cost.Logs;
using static CallLogGen.Kql.KqlFunctions;

namespace Cost;

public static class File$i
{
    public static AcsCallAutomationIncomingOperations Record(string id) => new()
    {
        TimeGenerated = DateTimeOffset.UtcNow, CorrelationId = id, OperationName = "Play", DurationMs = $i,
    };

    public static AcsBillingUsage Usage(double quantity) => new() { TimeGenerated = DateTimeOffset.UtcNow, Quantity = quantity };

    public static string Query(string id)
    {
        var failures = KqlLong.Column("Failures");
        return AcsCallAutomationIncomingOperations.Query()
            .InLast(TimeSpan.FromHours($i))
            .Where(t => t.CorrelationId == id && t.DurationMs > $i)
            .Summarize(t => new KqlAggregation { failures.Is(Count()) }, by: t => new KqlProjection { t.OperationName })
            .ToKql();
    }
}
CS
done

dotnet build "$repo/src/CallLogGen" -c Release -v:q -nologo >/dev/null
dotnet build "$repo/src/CallLogGen.Runtime" -c Release -v:q -nologo >/dev/null
cd "$work"
dotnet build -c Release -nologo -v:d -p:ReportAnalyzer=true -p:TreatWarningsAsErrors=false -clp:PerformanceSummary > build.log 2>&1 || { tail -30 build.log; exit 1; }
# The compiler's report: totals, then one line per analyzer or generator assembly and type (seconds, percent).
grep -E "Total (analyzer|generator) execution time|^ *[0-9.]+ +[0-9<]+ +(CallLogGen|Microsoft|System)" build.log | sed 's/^ *//' | sort -u
# The compiler task's own time, from MSBuild's performance summary.
grep -E "^ +[0-9]+ ms +Csc " build.log | sed 's/^ *//' 
