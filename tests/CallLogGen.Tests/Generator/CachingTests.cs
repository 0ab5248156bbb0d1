using System.Collections;
using System.Globalization;
using System.Reflection;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Tests.Generator;

/// <summary>The generator re-runs only what an edit touches: the incremental-generator contract.</summary>
public class CachingTests
{
    private static string Page(string heading, params string[] columns) =>
        $"# {heading}\n\nSome prose.\n\n| Column | Type | Description |\n|---|---|---|\n"
        + string.Concat(columns.Select(c => $"| {c} | string | The {c} column. |\n"));

    private static GeneratorHarness ThreeFiles() => GeneratorHarness.ForFiles(
        ("schemas/a.md", Page("Alpha", "TimeGenerated", "A1", "A2")),
        ("schemas/b.md", Page("Beta", "B1", "B2")),
        ("schemas/c.json", """{"Name": "Gamma", "Properties": [{"Name": "C1", "Type": "string"}, {"Name": "C2", "Type": "int"}]}"""));

    private static IEnumerable<(string HintName, IncrementalStepRunReason Reason)> TableOutputs(GeneratorRun run) =>
        run.StepOutputs(CallLogGenerator.Steps.Tables).Select(o => (((TableSpec)o.Value).HintName, o.Reason));

    [Fact]
    public void The_first_run_generates_one_file_per_table_plus_the_catalogue()
    {
        var run = ThreeFiles().Run();

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(
            new[] { "CallLogTables.g.cs", "schemas_a.md.Alpha.g.cs", "schemas_b.md.Beta.g.cs", "schemas_c.json.Gamma.g.cs" },
            run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var harness = ThreeFiles();
        harness.Run();
        harness.EditUserCode("namespace User { public static class Program { public static int X => 42; } }");
        var run = harness.Run();

        foreach (var step in new[]
        {
            CallLogGenerator.Steps.Settings, CallLogGenerator.Steps.SchemaFiles, CallLogGenerator.Steps.SchemaDocuments,
            CallLogGenerator.Steps.SchemaPlan, CallLogGenerator.Steps.BuiltTables, CallLogGenerator.Steps.ResolvedSchema, CallLogGenerator.Steps.Tables, CallLogGenerator.Steps.EmittedTables,
            CallLogGenerator.Steps.TablesIndex, CallLogGenerator.Steps.LanguageSupport, CallLogGenerator.Steps.BuildSummary, CallLogGenerator.Steps.LockFile,
        })
        {
            var reasons = run.StepReasons(step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        Assert.All(run.GeneratorResult.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_of_three_schema_files_re_emits_only_that_files_tables()
    {
        var harness = ThreeFiles();
        var before = harness.Run();
        harness.EditSchema("schemas/b.md", Page("Beta", "B1", "B2", "B3"));
        var run = harness.Run();

        var tables = TableOutputs(run).ToDictionary(t => t.HintName, t => t.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, tables["schemas_b.md.Beta.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, tables["schemas_a.md.Alpha.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, tables["schemas_c.json.Gamma.g.cs"]);

        // Only the edited table is rebuilt; the others' inputs compare equal, so their build step is cached.
        var built = run.StepReasons(CallLogGenerator.Steps.BuiltTables);
        Assert.Equal(1, built.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, built.Count(r => r == IncrementalStepRunReason.Cached));

        var documents = run.StepReasons(CallLogGenerator.Steps.SchemaDocuments);
        Assert.Equal(1, documents.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, documents.Count(r => r == IncrementalStepRunReason.Cached));

        Assert.All(run.StepReasons(CallLogGenerator.Steps.TablesIndex), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        var modifiedOutputs = run.GeneratorResult.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(1, modifiedOutputs);
        Assert.Equal(before.Sources["schemas_a.md.Alpha.g.cs"], run.Sources["schemas_a.md.Alpha.g.cs"]);
        Assert.Contains("B3", run.Sources["schemas_b.md.Beta.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_real_docs_page_re_emits_only_the_tables_it_documents()
    {
        // Real pages, matched to the Azure Monitor reference's tables: the matching runs in the plan over every page,
        // but each table's build sees only its own documents, so a description edited on one page rebuilds its tables alone.
        static string Read(string path) => File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "docs-pages", path)).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string Redis = "schemas/redis.md";
        var redis = Read("cache-for-redis/cache-monitor-diagnostic-settings.md");
        var harness = GeneratorHarness.ForFiles((Redis, redis), ("schemas/gateway.md", Read("api-management/gateway-log-schema-reference.md")));
        var before = harness.Run();
        var emitted = TableOutputs(before).Select(t => t.HintName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, emitted.Count);
        Assert.Empty(before.Warnings);

        const string Edited = "The location (region) the cache was accessed in.";
        harness.EditSchema(Redis, redis.Replace("The location (region) the Azure Cache for Redis instance was accessed in.", Edited, StringComparison.Ordinal));
        var run = harness.Run();

        var tables = TableOutputs(run).ToDictionary(t => t.HintName, t => t.Reason);
        var gateway = Assert.Single(tables, t => t.Key.Contains("ApiManagementGatewayLogs", StringComparison.Ordinal));
        Assert.Equal(IncrementalStepRunReason.Unchanged, gateway.Value);
        Assert.All(tables.Where(t => t.Key.StartsWith("schemas_redis.md", StringComparison.Ordinal)), t => Assert.Equal(IncrementalStepRunReason.Modified, t.Value));
        var built = run.StepReasons(CallLogGenerator.Steps.BuiltTables);
        Assert.Equal(2, built.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, built.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(before.Sources[gateway.Key], run.Sources[gateway.Key]);
        Assert.Contains(Edited, string.Concat(run.Sources.Where(s => s.Key.StartsWith("schemas_redis.md", StringComparison.Ordinal)).Select(s => s.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_merged_table_on_one_of_its_other_pages_re_emits_nothing_but_tells_the_build_summary()
    {
        const string Audit = "# SentinelAudit table columns\n\n| ColumnName | ColumnType | Description |\n|---|---|---|\n| TimeGenerated | datetime | When. |\n| Status | string | How. |\n";
        var harness = GeneratorHarness.ForFiles(("schemas/a.md", Audit), ("schemas/b.md", Audit));
        var before = harness.Run();
        var summaryBefore = before.WithId(DiagnosticCatalog.BuildSummary.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

        harness.EditSchema("schemas/b.md", "A new paragraph.\n\n" + Audit);
        var run = harness.Run();

        // The resolved table changed (its other page moved); what the emitters get did not.
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(TableOutputs(run)).Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(run.StepReasons(CallLogGenerator.Steps.EmittedTables)));
        Assert.Contains(IncrementalStepRunReason.Modified, run.StepReasons(CallLogGenerator.Steps.BuildSummary));
        var summary = run.WithId(DiagnosticCatalog.BuildSummary.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(summaryBefore, line => line.Contains("schemas/b.md: generated 1 type in Contoso.CallLogs: SentinelAudit (table SentinelAudit, line 3, one model with schemas/a.md, line 3)", StringComparison.Ordinal));
        Assert.Contains(summary, line => line.Contains("schemas/b.md: generated 1 type in Contoso.CallLogs: SentinelAudit (table SentinelAudit, line 5, one model with schemas/a.md, line 3)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("| B2 | string | The B2 column.     |")]
    [InlineData("| B2   |   string | The B2 column. |  ")]
    public void Whitespace_inside_cells_emits_nothing_new(string changedRow)
    {
        var harness = ThreeFiles();
        harness.Run();
        harness.EditSchema("schemas/b.md", Page("Beta", "B1", "B2").Replace("| B2 | string | The B2 column. |", changedRow, StringComparison.Ordinal));
        var run = harness.Run();

        Assert.All(TableOutputs(run), t => Assert.NotEqual(IncrementalStepRunReason.Modified, t.Reason));
        Assert.All(TableOutputs(run), t => Assert.NotEqual(IncrementalStepRunReason.New, t.Reason));
    }

    [Fact]
    public void A_prose_change_that_moves_no_table_emits_nothing_new()
    {
        var harness = ThreeFiles();
        harness.Run();
        harness.EditSchema("schemas/b.md", Page("Beta", "B1", "B2").Replace("Some prose.", "Other words, same line.", StringComparison.Ordinal));
        var run = harness.Run();

        Assert.Contains(IncrementalStepRunReason.Modified, run.StepReasons(CallLogGenerator.Steps.SchemaDocuments));
        Assert.Equal(3, TableOutputs(run).Count());
        Assert.All(TableOutputs(run), t => Assert.True(
            t.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{t.HintName} was {t.Reason}"));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_locations_or_compilations()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SyntaxTree), typeof(AdditionalText) };
        var modelTypes = typeof(CallLogGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace is "CallLogGen.Model" or "CallLogGen.Schema" or "CallLogGen.Resolve")
            .Where(t => t.GetMethod("Equals", new[] { t }) is not null) // the records and equatable structs that flow through the pipeline
            .ToList();
        Assert.Contains(typeof(TableSpec), modelTypes);
        Assert.Contains(typeof(SchemaDocument), modelTypes);

        foreach (var type in modelTypes)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                foreach (var reachable in ReachableTypes(field.FieldType))
                {
                    Assert.False(
                        forbidden.Any(f => f.IsAssignableFrom(reachable)),
                        $"{type.Name}.{field.Name} holds a {reachable.Name}, which breaks incremental caching.");
                }
            }
        }
    }

    [Fact]
    public void What_flows_between_the_pipeline_steps_is_declared_in_Model()
    {
        var run = ThreeFiles().Run();
        var steps = typeof(CallLogGenerator.Steps).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Contains(CallLogGenerator.Steps.BuiltTables, steps);

        foreach (var step in steps)
        {
            var outputs = run.StepOutputs(step);
            Assert.NotEmpty(outputs);
            foreach (var reachable in outputs.SelectMany(o => ReachableTypes(o.Value.GetType())))
            {
                // Besides Model's records: strings, the tuples Combine makes, and the C# language version.
                Assert.True(
                    reachable.Namespace == "CallLogGen.Model" || reachable == typeof(string) || reachable.Name.StartsWith("ValueTuple", StringComparison.Ordinal)
                        || reachable == typeof(Microsoft.CodeAnalysis.CSharp.LanguageVersion),
                    $"step {step} passes a {reachable.FullName}, which is not a pipeline record of CallLogGen.Model");
            }
        }
    }

    [Fact]
    public void Pipeline_models_compare_by_value()
    {
        var first = ThreeFiles().Run();
        var second = ThreeFiles().Run();

        var a = first.StepOutputs(CallLogGenerator.Steps.ResolvedSchema).Single().Value;
        var b = second.StepOutputs(CallLogGenerator.Steps.ResolvedSchema).Single().Value;
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    private static IEnumerable<Type> ReachableTypes(Type type)
    {
        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(ReachableTypes))
            {
                yield return argument;
            }
        }

        if (type.IsArray && type.GetElementType() is { } element)
        {
            yield return element;
        }
    }
}
