using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using CallLogGen.Azure.Tests.Infrastructure;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>One Azurite for the whole test run; the storage tests run one after another in its collection, each on an emptied account.</summary>
public sealed class AzuriteFixture : IDisposable
{
    private readonly AzuriteProcess _azurite = AzuriteProcess.Start(RepositoryPaths.Root);

    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>A client of the emulator's account; retries quickly, so that transient-failure tests stay short.</summary>
    public BlobServiceClient Account(params HttpPipelinePolicy[] policies)
    {
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxRetries = 3;
        foreach (var policy in policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return new BlobServiceClient(ConnectionString, options);
    }

    /// <summary>Deletes every container, so that each test starts from an empty account.</summary>
    public async Task<BlobServiceClient> EmptyAccountAsync()
    {
        var account = Account();
        await foreach (var container in account.GetBlobContainersAsync())
        {
            await account.DeleteBlobContainerAsync(container.Name);
        }

        return account;
    }

    public void Dispose() => _azurite.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
