namespace Insights.Streaming.Tests.EventHubs;

using Azure.Messaging.EventHubs;
using Insights.Events;
using Insights.Grains.Videos;
using Insights.Lake.Hosting;
using Insights.Lake.Local;
using Insights.Lake.Zones;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting.Developer;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs.Testing;
using Orleans.Streams;
using Orleans.TestingHost;

/// <summary>
/// The provider's own receiver, cache and pulling agents over its in-process data generator
/// (<c>AddEventDataGeneratorStreams</c>, no hub), reading through <see cref="InsightsEventHubDataAdapter"/>: wire JSON
/// from other producers reaches the video grains in partition order, and invalid events reach the quarantine zone
/// without holding up the events behind them.
/// </summary>
public sealed class DataGeneratorClusterTests : IAsyncLifetime
{
    private const string Provider = "ehgen";
    private const string Video = "7400000000000000001";
    private readonly string _lakePath = Path.Combine(Path.GetTempPath(), "insights-ehgen-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _script = [];
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 40; i++)
        {
            // Every fifth event is invalid (no text), as a buggy producer would send it.
            _script.Add(i % 5 == 4
                ? $$"""{"type":"comment","id":"bad-{{i}}","video_id":"{{Video}}","create_time":1700000000}"""
                : HubEvents.Comment(Video, "c-" + i));
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Lake:Provider"] = "Local",
            ["Insights:Lake:Path"] = _lakePath,
        }).Build();
        var scripts = new Dictionary<string, IReadOnlyList<string>> { [Video] = _script };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddInsightsLake(configuration).AddInsightsLakeIngestWriters();
            silo.Services.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(VideoGrain)));
            silo.Services.AddKeyedSingleton<Func<StreamId, IStreamDataGenerator<EventData>>>(Provider,
                (sp, _) => WireEventGenerators.Factory(scripts, sp.GetRequiredService<Serializer>()));
            silo.AddEventDataGeneratorStreams(Provider, b =>
            {
                b.Configure<EventDataGeneratorStreamOptions>(o => o.Configure(g => g.EventHubPartitionCount = 1));
                b.UseDataAdapter(EventHubsStreamExtensions.CreateDataAdapter);
                b.ConfigureDelegate(s => s.AddKeyedSingleton<IStreamQueueCheckpointerFactory>(Provider, NoOpCheckpointerFactory.Instance));
                b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                b.ConfigureCacheEviction(o => o.Configure(e =>
                {
                    // The cache purges data older than DataMaxAgeInCache whether delivered or not: one second let a
                    // loaded machine lose quarantine messages before their grain had activated. The product bounds it
                    // against the delivery time (EventHubsStreamOptions); here a minute is far beyond the test.
                    e.DataMinTimeInCache = TimeSpan.FromSeconds(1);
                    e.DataMaxAgeInCache = TimeSpan.FromMinutes(1);
                }));
                b.ConfigurePullingAgent(agent => agent.Configure(o =>
                {
                    o.BatchContainerBatchSize = 1;
                    o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(50);
                }));
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        try
        {
            Directory.Delete(_lakePath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public async Task Wire_events_reach_their_grain_in_order_and_invalid_ones_are_quarantined_with_their_reason()
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        foreach (var stream in new[] { StreamId.Create(StreamNames.VideoNamespace, Video), StreamId.Create(WireEventGenerators.FillerNamespace, "idle") })
        {
            await management.SendControlCommandToProvider<Orleans.Providers.Streams.Common.PersistentStreamProvider>(
                Provider, (int)EventDataGeneratorAdapterFactory.Commands.Randomly_Place_Stream_To_Queue,
                new EventDataGeneratorAdapterFactory.StreamRandomPlacementArg(stream, 0));
        }

        var expected = Enumerable.Range(0, _script.Count).Where(i => i % 5 != 4).Select(i => "c-" + i).ToList();
        var grain = _cluster.Client.GetGrain<IVideoRecorderGrain>(Video);
        var received = await Eventually.Until(grain.GetEvents, r => r.Count >= expected.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, received.Select(e => ((CommentPosted)e).CommentId));

        // The quarantine grain wrote each invalid event before its delivery returned.
        var lake = new LakeReader(new LocalFolderLakeStore(_lakePath));
        var quarantined = await Eventually.Until(() => lake.ReadQuarantineAsync(), q => q.Count >= _script.Count / 5, TimeSpan.FromSeconds(30));
        Assert.Equal(_script.Count / 5, quarantined.Count);
        Assert.All(quarantined, q =>
        {
            Assert.Equal("eventhubs/partition-0", q.Source);
            Assert.Equal("stream", q.Stage);
            Assert.Contains("text", q.Reason);
            Assert.StartsWith("bad-", q.Id);
        });
    }
}
