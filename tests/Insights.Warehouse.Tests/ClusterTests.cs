namespace Insights.Warehouse.Tests;

using Insights.Api.Apis;
using Insights.Lake.Hosting;
using Insights.Warehouse.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

/// <summary>
/// An in-process cluster wired as the silo wires the warehouse (<c>AddInsightsWarehouse</c> on the silo builder):
/// the loader grain's reminder loads the lake by itself; the API handlers reach it through the cluster client.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private WorkLake _work = null!;
    private ProcessedLake _lake = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _lake = await ProcessedLake.Shared;
        _work = _lake.Copy();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Lake:Path"] = _work.Root,
            ["Insights:Warehouse:DuckDbPath"] = _work.DuckDbPath,
            ["Insights:Warehouse:LoadInterval"] = "00:00:01",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddInsightsWarehouse(configuration));
        builder.ConfigureSiloHost((_, host) => host.Services.AddInsightsLake(configuration));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task The_reminder_loads_the_lake_and_the_api_reads_the_sentiment_model()
    {
        var grain = _cluster.Client.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        WarehouseLoadReport? first;
        // Each tick replaces the last report: on a busy machine the one that loaded everything may already have been
        // followed by one that found it all unchanged. Either shows the reminder loaded the whole lake.
        while ((first = await grain.GetLastLoad()) is not { } seen || seen.FilesLoaded + seen.FilesUnchanged < _lake.Files.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.NotNull(first);
        Assert.Equal("reminder", first.Trigger);
        Assert.Empty(first.Failures);
        Assert.Equal(_lake.Files.Count, first.FilesLoaded + first.FilesUnchanged);
        if (first.FilesLoaded > 0)
        {
            Assert.Equal(_lake.Files.Count, first.FilesLoaded);
            Assert.Equal(16, first.ModelsBuilt);
        }

        // On demand through the API handler: nothing new to load.
        var load = Assert.IsType<Ok<WarehouseLoadReport>>((await WarehouseApi.Load(_cluster.Client, NullLoggerFactory.Instance)).Result);
        Assert.Equal("api", load.Value!.Trigger);
        Assert.Equal(0, load.Value.FilesLoaded);
        Assert.Equal(_lake.Files.Count, load.Value.FilesUnchanged);

        var video = _lake.Comments.GroupBy(c => c.VideoId).MaxBy(g => g.Count())!;
        var sentiment = Assert.IsType<Ok<IReadOnlyList<VideoSentimentPeriod>>>((await WarehouseApi.GetVideoSentiment(video.Key, _cluster.Client)).Result);
        Assert.Equal(video.Count(), sentiment.Value!.Where(r => r.Grain == "day").Sum(r => r.Comments));
        Assert.Equal(video.Count(), sentiment.Value!.Where(r => r.Grain == "hour").Sum(r => r.Comments));
        var days = Assert.IsType<Ok<IReadOnlyList<VideoSentimentPeriod>>>((await WarehouseApi.GetVideoSentiment(video.Key, _cluster.Client, "day")).Result);
        Assert.All(days.Value!, r => Assert.Equal(TimeSpan.Zero, r.PeriodStart.TimeOfDay));

        Assert.IsType<NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>((await WarehouseApi.GetVideoSentiment("unknown-video", _cluster.Client)).Result);
        Assert.IsType<BadRequest<Microsoft.AspNetCore.Mvc.ProblemDetails>>((await WarehouseApi.GetVideoSentiment("bad id!", _cluster.Client)).Result);
        Assert.IsType<BadRequest<Microsoft.AspNetCore.Mvc.ProblemDetails>>((await WarehouseApi.GetVideoSentiment(video.Key, _cluster.Client, "week")).Result);

        // New data lands: the next tick picks it up without being asked.
        await _work.Processed.DeleteAsync(_lake.Files.First(f => f.StartsWith("video_snapshots/", StringComparison.Ordinal)));
        deadline = DateTime.UtcNow.AddSeconds(30);
        WarehouseLoadReport? later;
        while (((later = await grain.GetLastLoad()) is null || later.FilesRemoved == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal("reminder", later!.Trigger);
        Assert.Equal(1, later.FilesRemoved);
    }
}
