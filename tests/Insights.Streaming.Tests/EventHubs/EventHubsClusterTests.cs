namespace Insights.Streaming.Tests.EventHubs;

using Insights.Events;
using Insights.Grains.Videos;
using Insights.Lake.Hosting;
using Insights.Lake.Local;
using Insights.Lake.Zones;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

/// <summary>
/// The provider in a real in-process cluster, wired as the silo and the API wire it, over an in-memory hub: Orleans'
/// pulling agents drive the receivers, the cache reports deliveries, grains get the events.
/// </summary>
public sealed class EventHubsClusterTests : IAsyncLifetime
{
    private const string Provider = "eh";
    private const int Partitions = 4;
    private readonly FakeHub _hub = new(Partitions);
    private readonly string _lakePath = Path.Combine(Path.GetTempPath(), "insights-eventhubs-cluster-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster _cluster = null!;

    private static EventHubsStreamOptions Options => new()
    {
        BootstrapServers = "in-memory:9092",
        SecurityProtocol = EventHubsStreamOptions.Plaintext,
        Partitions = Partitions,
        CommitInterval = TimeSpan.FromMilliseconds(100),
    };

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Lake:Provider"] = "Local",
            ["Insights:Lake:Path"] = _lakePath,
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<IKafkaClients>(Provider, _hub);
            silo.Services.AddInsightsLake(configuration);

            // The recorder stands in for the video grain, which needs the whole silo around it.
            silo.Services.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(VideoGrain)));
            silo.AddEventHubsStreams(Provider, Options, b =>
            {
                b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                b.ConfigurePullingAgent(agent => agent.Configure(o =>
                {
                    o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(25);
                    o.BatchContainerBatchSize = 100;
                }));
            });
        });
        builder.ConfigureClient(client =>
        {
            client.Services.AddKeyedSingleton<IKafkaClients>(Provider, _hub);
            client.AddEventHubsStreams(Provider, Options, b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
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
    public async Task Events_from_the_hub_and_from_the_api_reach_their_grains_in_order_and_every_partition_commits_to_its_end()
    {
        // As the generator writes them: keyed by video, in the partition Kafka's partitioner picks.
        var expected = new Dictionary<string, List<string>>();
        for (var v = 0; v < 8; v++)
        {
            var video = "73000000000000000" + v;
            var partition = KafkaPartitioner.PartitionOf(video, Partitions);
            expected[video] = [];
            for (var i = 0; i < 5 + v; i++)
            {
                _hub.Append(partition, video, Wire.Comment(video, $"c{v}-{i}"));
                expected[video].Add($"c{v}-{i}");
            }
        }

        _hub.Append(0, "7300000000000000000", "{\"type\":\"comment\"");

        // As the API publishes them, through the Orleans stream.
        var apiVideo = "api-video";
        var apiEvents = Enumerable.Range(0, 6)
            .Select(i => (VideoStreamEvent)new CommentPosted { VideoId = apiVideo, CommentId = "api-" + i, Text = "hi", CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1) })
            .ToList();
        await _cluster.Client.GetStreamProvider(Provider)
            .GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, apiVideo))
            .OnNextBatchAsync(apiEvents);
        expected[apiVideo] = apiEvents.Select(e => ((CommentPosted)e).CommentId).ToList();

        foreach (var (video, comments) in expected)
        {
            var grain = _cluster.Client.GetGrain<IVideoRecorderGrain>(video);
            var received = await Eventually.Until(grain.GetEvents, r => r.Count >= comments.Count);
            Assert.Equal(comments, received.Select(e => ((CommentPosted)e).CommentId));
        }

        var ends = Enumerable.Range(0, Partitions).Select(p => _hub.Log(p) is { Count: > 0 } log ? log[^1].Offset + 1 : (long?)null).ToArray();
        var committed = await Eventually.Until(
            () => Task.FromResult(Enumerable.Range(0, Partitions).Select(_hub.Committed).ToArray()),
            c => c.SequenceEqual(ends));
        Assert.Equal(ends, committed);

        // Committed means landed: the hub's own events are in the raw zone, the API's are not (the API lands those).
        var lake = new LakeReader(new LocalFolderLakeStore(_lakePath));
        var raw = new List<Insights.Lake.Records.RawEventRecord>();
        await foreach (var r in lake.ReadRawAsync())
        {
            raw.Add(r);
        }

        Assert.Equal(expected.Where(e => e.Key != apiVideo).Sum(e => e.Value.Count), raw.Count);
        Assert.All(raw, r => Assert.Equal("eventhubs", r.Source));
        var poison = Assert.Single(await lake.ReadQuarantineAsync());
        Assert.StartsWith("The message is not valid JSON", poison.Reason);

        // Nothing was delivered twice while the commits caught up.
        Assert.Equal(expected[apiVideo].Count, (await _cluster.Client.GetGrain<IVideoRecorderGrain>(apiVideo).GetEvents()).Count);
    }

    [Fact]
    public void The_silo_hands_over_one_container_per_delivery_whatever_the_configuration_asked()
    {
        var silo = (InProcessSiloHandle)_cluster.Silos[0];
        var agent = silo.ServiceProvider.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(Provider);

        Assert.Equal(1, agent.BatchContainerBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(25), agent.GetQueueMsgsTimerPeriod);
    }
}
