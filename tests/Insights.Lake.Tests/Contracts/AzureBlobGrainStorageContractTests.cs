namespace Insights.Lake.Tests.Contracts;

using global::Azure.Storage.Blobs;
using Insights.Grains.Domain;
using Insights.Lake.Tests.Support;
using Insights.Silo.Storage;
using Orleans;
using Orleans.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobGrainStorageContractTests(AzuriteFixture azurite) : GrainStorageContract
{
    private readonly BlobContainerClient _container =
        azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueContainerName("state"));

    protected override IGrainStorage CreateStorage() => new AzureBlobGrainStorage(_container, TestSerializer.Create());

    protected override async Task<IReadOnlyList<string>> StoredNamesAsync()
    {
        var names = new List<string>();
        if (!(await _container.ExistsAsync()).Value)
        {
            return names;
        }

        await foreach (var blob in _container.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions()))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    protected override void AssertSafeName(string name)
    {
        Assert.Equal(name, BlobPaths.Validate(name));
        Assert.Equal(3, name.Split('/').Length);
        Assert.All(name.Split('/'), s => Assert.Matches("^[A-Za-z0-9_=-]+$", s));
    }

    public override async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task Blob_names_are_state_type_and_key_escaped_with_equals()
    {
        await CreateStorage().WriteStateAsync("video", Video("a/b c"), new GrainState<VideoState>(new VideoState()));
        await CreateStorage().WriteStateAsync("video", Video("7300000000000000001"), new GrainState<VideoState>(new VideoState()));
        await CreateStorage().WriteStateAsync("leader.board", Video("é"), new GrainState<VideoState>(new VideoState()));

        Assert.Equal(
            ["leader=002Eboard/video/=00E9", "video/video/7300000000000000001", "video/video/a=002Fb=0020c"],
            (await StoredNamesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_container_is_created_on_first_use()
    {
        Assert.False((await _container.ExistsAsync()).Value);
        var state = new GrainState<VideoState>(new VideoState());
        await CreateStorage().ReadStateAsync("video", Video("v1"), state);
        Assert.False(state.RecordExists);
        Assert.True((await _container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task The_options_constructor_connects_with_a_connection_string()
    {
        var options = new AzureBlobGrainStorageOptions { ConnectionString = azurite.ConnectionString, Container = _container.Name };
        var storage = new AzureBlobGrainStorage(options, TestSerializer.Create());
        var state = new GrainState<VideoState>(new VideoState { Comments = 3 });
        await storage.WriteStateAsync("video", Video("v1"), state);

        var read = new GrainState<VideoState>();
        await CreateStorage().ReadStateAsync("video", Video("v1"), read);
        Assert.Equal(3, read.State!.Comments);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public void A_bad_container_name_or_missing_account_fails_at_construction_naming_the_setting()
    {
        var bad = Assert.Throws<InvalidOperationException>(() => new AzureBlobGrainStorage(
            new AzureBlobGrainStorageOptions { ConnectionString = azurite.ConnectionString, Container = "Grain_State" },
            TestSerializer.Create()));
        Assert.Contains("Insights:Storage:AzureBlob:Container", bad.Message);

        var none = Assert.Throws<InvalidOperationException>(() => new AzureBlobGrainStorage(new AzureBlobGrainStorageOptions(), TestSerializer.Create()));
        Assert.Contains("Insights:Storage:AzureBlob:ConnectionString", none.Message);
        Assert.Contains("Insights:Storage:AzureBlob:AccountUrl", none.Message);
    }
}
