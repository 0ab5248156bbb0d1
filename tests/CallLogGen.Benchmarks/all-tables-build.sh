#!/usr/bin/env bash
# Builds a project that names every table of the built-in Azure Monitor reference (<CallLogGenTable Include="..."/>,
# no schema files) with dotnet build, and prints what the compiler reports: the compiler task's time (Csc, the
# whole compile of the generated code) and the generator's share (-p:ReportAnalyzer=true), plus the size of the
# generated source. Usage: bash tests/CallLogGen.Benchmarks/all-tables-build.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

names=$(python3 -c "import json,sys; print(';'.join(json.load(open(sys.argv[1]))['tables']))" "$repo/tools/catalog/source/azure-monitor-tables.json")

cat > "$work/AllTables.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/CallLogGen.Package/build/CallLogGen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <CallLogGenNamespace>AllTables.Logs</CallLogGenNamespace>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <CallLogGenTable Include="$names" />
    <Analyzer Include="$repo/src/CallLogGen/bin/Release/netstandard2.0/CallLogGen.dll" />
    <Analyzer Include="$repo/src/CallLogGen/bin/Release/netstandard2.0/Markdig.dll" />
    <Reference Include="$repo/src/CallLogGen.Runtime/bin/Release/net8.0/CallLogGen.Runtime.dll" />
  </ItemGroup>
</Project>
XML
echo 'namespace AllTables; public static class Startup { }' > "$work/Startup.cs"

dotnet build "$repo/src/CallLogGen" -c Release -v:q -nologo >/dev/null
dotnet build "$repo/src/CallLogGen.Runtime" -c Release -v:q -nologo >/dev/null
cd "$work"
dotnet restore -v:q -nologo >/dev/null
dotnet build --no-restore -c Release -nologo -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary > build.log 2>&1 || { grep -E "error [A-Z]+[0-9]+" build.log | sed "s/^ *//" | sort -u | head -10; exit 1; }
grep -E "Total generator execution time|^ *[0-9.]+ +[0-9<]+ +CallLogGen" build.log | sed 's/^ *//' | sort -u
grep -E "^ +[0-9]+ ms +Csc " build.log | sed 's/^ *//'
generated=$(find obj -path '*generated/CallLogGen*' -name '*.cs')
echo "generated: $(echo "$generated" | wc -l) files, $(cat $generated | wc -c) bytes"
echo "load average: $(cat /proc/loadavg)"
