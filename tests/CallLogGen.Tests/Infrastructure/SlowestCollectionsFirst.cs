using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("CallLogGen.Tests.Infrastructure.SlowestCollectionsFirst", "CallLogGen.Tests")]

namespace CallLogGen.Tests.Infrastructure;

/// <summary>
/// Starts the integration tests first: they drive dotnet pack, build and publish in child processes for most of a
/// minute, and started last (xunit's default order) they ran alone at the end of the run while the other core idled.
/// The rest follow in name order, so that every run has the same order.
/// </summary>
public sealed class SlowestCollectionsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName.Contains(".Integration.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.DisplayName.Contains(".Integration.PackageTests", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
