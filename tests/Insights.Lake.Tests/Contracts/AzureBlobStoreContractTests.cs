namespace Insights.Lake.Tests.Contracts;

using global::Azure.Storage.Blobs;
using Insights.Lake.Azure;
using Insights.Lake.Tests.Support;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreContractTests(AzuriteFixture azurite) : BlobStoreContract
{
    private BlobContainerClient? _container;

    /// <summary>A container of its own per test, not created beforehand: the store creates it on first use.</summary>
    protected override Task<IBlobStore> CreateStoreAsync()
    {
        _container = azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueContainerName("lake"));
        return Task.FromResult<IBlobStore>(new AzureBlobStore(_container));
    }

    protected override async Task DeleteStoreAsync()
    {
        if (_container is not null)
        {
            await _container.DeleteIfExistsAsync();
        }
    }
}
