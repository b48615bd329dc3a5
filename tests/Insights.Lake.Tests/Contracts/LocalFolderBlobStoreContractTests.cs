namespace Insights.Lake.Tests.Contracts;

using Insights.Lake.Local;

public sealed class LocalFolderBlobStoreContractTests : BlobStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-lake-" + Guid.NewGuid().ToString("N"));

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new LocalFolderBlobStore(_root));

    protected override Task DeleteStoreAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
