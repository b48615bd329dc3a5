namespace Insights.Lake.Tests.Migration;

using global::Azure.Storage.Blobs;
using Insights.Grains.Domain;
using Insights.Lake.Tests.Support;
using Insights.Silo.Hosting;
using Insights.Tools.Migration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

/// <summary>State written by Insights' former Azure grain storage reads through Orleans' provider once migrated.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrainStateBlobMigrationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlobContainerClient _container =
        azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueContainerName("legacy"));

    private readonly OrleansGrainStorageSerializer _serializer =
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    public Task InitializeAsync() => _container.CreateAsync();

    public Task DisposeAsync() => _container.DeleteIfExistsAsync();

    [Theory]
    [InlineData("video/video/7300000000000000001", "video-video/7300000000000000001.json")]
    [InlineData("leaderboard/leaderboard/global", "leaderboard-leaderboard/global.json")]
    [InlineData("video/video/a=002Fb=0020c", "video-video/a/b c.json")]
    [InlineData("leader=002Eboard/video/=00E9", "leader.board-video/é.json")]
    [InlineData("video/video/=", null)] // the old storage's empty key: Orleans refuses empty keys anyway
    [InlineData("video-video/x.json", null)]
    [InlineData("video/video/a=002fb", null)]
    [InlineData("video/video/a=00", null)]
    [InlineData("video/video", null)]
    [InlineData("raw/2026/x/y", null)]
    public void Legacy_names_map_to_orleans_names(string legacy, string? orleans) =>
        Assert.Equal(orleans, LegacyStateBlobName.ToOrleansName(legacy));

    [Fact]
    public async Task Migrated_state_reads_through_the_official_provider_and_newer_state_wins()
    {
        await WriteLegacyAsync("video/video/7300000000000000001", new VideoState { Comments = 11 });
        await WriteLegacyAsync("video/video/v2", new VideoState { Comments = 1 });
        await WriteLegacyAsync("leaderboard/leaderboard/global", new VideoState { Comments = 33 });
        await _container.UploadBlobAsync("video-video/v2.json", _serializer.Serialize(new VideoState { Comments = 2 }));
        await _container.UploadBlobAsync("notes/readme.txt", BinaryData.FromString("left alone"));

        var log = new StringWriter();
        var result = await new GrainStateBlobMigration(_container, log).RunAsync(deleteLegacy: true, dryRun: false, CancellationToken.None);

        Assert.Equal(new GrainStateBlobMigration.Result(Copied: 2, AlreadyThere: 1, Deleted: 3, Skipped: 2), result);
        Assert.Contains("kept video-video/v2.json", log.ToString());
        await using var host = await ProviderHost.StartAsync(silo => silo.AddInsightsStorage(Settings()));
        var storage = host.Storage(Insights.Grains.StorageNames.Grains);
        Assert.Equal(11, (await ReadAsync(storage, "video", GrainId.Create("video", "7300000000000000001"))).Comments);
        Assert.Equal(2, (await ReadAsync(storage, "video", GrainId.Create("video", "v2"))).Comments);
        Assert.Equal(33, (await ReadAsync(storage, "leaderboard", GrainId.Create("leaderboard", "global"))).Comments);

        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions()))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(
            ["leaderboard-leaderboard/global.json", "notes/readme.txt", "video-video/7300000000000000001.json", "video-video/v2.json"],
            names.Order(StringComparer.Ordinal));

        var again = await new GrainStateBlobMigration(_container, TextWriter.Null).RunAsync(deleteLegacy: true, dryRun: false, CancellationToken.None);
        Assert.Equal(new GrainStateBlobMigration.Result(0, 0, 0, 4), again);
    }

    [Fact]
    public async Task A_dry_run_changes_nothing()
    {
        await WriteLegacyAsync("video/video/v1", new VideoState { Comments = 5 });
        var log = new StringWriter();
        var result = await new GrainStateBlobMigration(_container, log).RunAsync(deleteLegacy: true, dryRun: true, CancellationToken.None);
        Assert.Equal(new GrainStateBlobMigration.Result(1, 0, 0, 0), result);
        Assert.Contains("would copy video/video/v1 -> video-video/v1.json", log.ToString());
        Assert.True((await _container.GetBlobClient("video/video/v1").ExistsAsync()).Value);
        Assert.False((await _container.GetBlobClient("video-video/v1.json").ExistsAsync()).Value);
    }

    private Task WriteLegacyAsync(string name, VideoState state) => _container.UploadBlobAsync(name, _serializer.Serialize(state));

    private static async Task<VideoState> ReadAsync(IGrainStorage storage, string stateName, GrainId id)
    {
        var state = new GrainState<VideoState>();
        await storage.ReadStateAsync(stateName, id, state);
        Assert.True(state.RecordExists);
        return state.State!;
    }

    private IConfiguration Settings() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Insights:Storage:Provider"] = "AzureBlob",
        ["Insights:Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
        ["Insights:Storage:AzureBlob:Container"] = _container.Name,
    }).Build();
}
