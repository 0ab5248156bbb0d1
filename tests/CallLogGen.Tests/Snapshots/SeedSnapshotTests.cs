using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Snapshots;

public class SeedSnapshotTests
{
    [Fact]
    public void The_seed_tables_generate_the_committed_code()
    {
        var run = new GeneratorHarness(RepositorySchemaFiles.Read()).Run();

        Snapshot.Verify("Seed", run.Sources);
    }

    [Fact]
    public void Snapshots_are_stable_when_the_generator_runs_again_on_a_clone()
    {
        var harness = new GeneratorHarness(RepositorySchemaFiles.Read());
        var first = harness.Run();
        harness.EditUserCode("namespace User { public static class Program { public const int Edited = 1; } }");
        var second = harness.Run();

        Assert.Equal(first.Sources, second.Sources);
        Assert.All(second.GeneratorResult.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, o.Reason));
    }
}
