namespace Insights.Lake.Tests.Contracts;

using System.Text;
using Insights.Lake.Azure;
using Insights.Lake.Local;
using Insights.Lake.Tests.Support;

/// <summary>What every <see cref="ILakeStore"/> must do: three separate zones and a description.</summary>
public abstract class LakeStoreContract : IAsyncLifetime
{
    protected abstract ILakeStore Lake { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Zones_are_separate_stores()
    {
        var zones = Enum.GetValues<LakeZone>();
        foreach (var zone in zones)
        {
            await Lake.Zone(zone).WriteAsync("same/path", Encoding.UTF8.GetBytes(zone.ToString()));
        }

        foreach (var zone in zones)
        {
            Assert.Equal(zone.ToString(), Encoding.UTF8.GetString((await Lake.Zone(zone).ReadAsync("same/path"))!));
            var listed = new List<BlobFile>();
            await foreach (var file in Lake.Zone(zone).ListAsync(""))
            {
                listed.Add(file);
            }

            Assert.Equal("same/path", Assert.Single(listed).Path);
        }

        Assert.Same(Lake.Zone(LakeZone.Raw), Lake.Zone(LakeZone.Raw));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lake.Zone((LakeZone)42));
        Assert.False(string.IsNullOrWhiteSpace(Lake.Description));
    }
}

public sealed class LocalFolderLakeStoreContractTests : LakeStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-lake-" + Guid.NewGuid().ToString("N"));

    public LocalFolderLakeStoreContractTests() => Lake = new LocalFolderLakeStore(_root);

    protected override ILakeStore Lake { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobLakeStoreContractTests : LakeStoreContract
{
    private readonly AzuriteFixture _azurite;
    private readonly AzureBlobOptions _options;

    public AzureBlobLakeStoreContractTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _options = new AzureBlobOptions
        {
            ConnectionString = azurite.ConnectionString,
            RawContainer = AzuriteFixture.UniqueContainerName("raw"),
            ProcessedContainer = AzuriteFixture.UniqueContainerName("processed"),
            QuarantineContainer = AzuriteFixture.UniqueContainerName("quarantine"),
        };
        Lake = new AzureBlobLakeStore(_options);
    }

    protected override ILakeStore Lake { get; }

    public override async Task DisposeAsync()
    {
        var service = _azurite.CreateBlobServiceClient();
        foreach (var zone in Enum.GetValues<LakeZone>())
        {
            await service.GetBlobContainerClient(_options.ContainerOf(zone)).DeleteIfExistsAsync();
        }
    }

    [Fact]
    public void The_description_names_the_endpoint_and_containers_but_no_secret()
    {
        Assert.Contains(_azurite.BlobEndpoint.ToString().TrimEnd('/'), Lake.Description);
        Assert.Contains(_options.RawContainer, Lake.Description);
        Assert.Contains(_options.QuarantineContainer, Lake.Description);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, Lake.Description);
        Assert.DoesNotContain("AccountKey", Lake.Description);
    }

    [Fact]
    public async Task Each_zone_writes_to_its_own_container()
    {
        await Lake.Zone(LakeZone.Quarantine).WriteAsync("x", new byte[] { 1 });
        var service = _azurite.CreateBlobServiceClient();
        Assert.True((await service.GetBlobContainerClient(_options.QuarantineContainer).GetBlobClient("x").ExistsAsync()).Value);
        Assert.False((await service.GetBlobContainerClient(_options.RawContainer).ExistsAsync()).Value);
    }
}
