namespace Insights.Streaming.Tests.EventHubs;

using System.Text.Json;
using Insights.Events;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

/// <summary>The factory and adapter: what the API publishes, and receivers made for the pulling agents.</summary>
public sealed class AdapterTests : IAsyncDisposable
{
    private const string Name = "eh-test";
    private readonly FakeHub _hub = new(4);
    private readonly TestLake _lake = new();
    private readonly ManualClock _clock = new(Wire.Now);

    private EventHubsAdapterFactory Factory(bool withLake = true)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddKeyedSingleton<IKafkaClients>(Name, _hub)
            .AddSingleton<TimeProvider>(_clock);
        if (withLake)
        {
            services.AddSingleton(_lake.Raw).AddSingleton(_lake.Quarantine);
        }

        return new EventHubsAdapterFactory(Name, ReceiverHarness.NewOptions(), services.BuildServiceProvider());
    }

    private static List<VideoStreamEvent> Events(string videoId) =>
    [
        new CommentPosted { VideoId = videoId, CommentId = "c1", Text = "so good", CreateTime = Wire.Now.AddMinutes(-3) },
        new EngagementObserved { VideoId = videoId, ObservedAt = Wire.Now.AddMinutes(-2), ViewCount = 100, LikeCount = 10, ShareCount = 1 },
        new CommentPosted { VideoId = videoId, CommentId = "c2", Text = "meh", CreateTime = Wire.Now.AddMinutes(-1) },
    ];

    [Fact]
    public async Task Publishing_writes_one_message_per_event_keyed_by_video_to_its_kafka_partition()
    {
        var adapter = await Factory().CreateAdapter();
        var events = Events("7300000000000000001");

        await adapter.QueueMessageBatchAsync(StreamId.Create(StreamNames.VideoNamespace, "7300000000000000001"), events, null, null);

        var partition = KafkaPartitioner.PartitionOf("7300000000000000001", 4);
        Assert.Equal(3, _hub.Produced.Count);
        Assert.All(_hub.Produced, m => Assert.Equal((partition, "7300000000000000001", true),
            (m.Partition, System.Text.Encoding.UTF8.GetString(m.Key), m.RawLanded)));
        var parser = new WireEventParser(new IngestLimits(), _clock);
        var back = _hub.Produced.Select(m =>
        {
            using var doc = JsonDocument.Parse(m.Value);
            return parser.Parse(doc.RootElement, default).Event!;
        });
        Assert.Equal(events, back);
    }

    [Fact]
    public async Task The_receiver_of_a_queue_reads_the_partition_the_queue_maps_to_and_leaves_the_raw_zone_to_the_api()
    {
        var factory = Factory();
        var adapter = await factory.CreateAdapter();
        await adapter.QueueMessageBatchAsync(StreamId.Create(StreamNames.VideoNamespace, "v1"), Events("v1"), null, null);
        var mapper = (EventHubsQueueMapper)factory.GetStreamQueueMapper();
        var receiver = adapter.CreateReceiver(mapper.QueueOf(KafkaPartitioner.PartitionOf("v1", 4)));

        await receiver.Initialize(TimeSpan.FromSeconds(5), CancellationToken.None);
        var read = await receiver.GetQueueMessagesAsync(-1, CancellationToken.None);
        await receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);

        var container = Assert.IsType<EventHubsBatchContainer>(Assert.Single(read));
        Assert.Equal(StreamId.Create(StreamNames.VideoNamespace, "v1"), container.StreamId);
        Assert.Equal(3, container.Events.Count);
        Assert.Empty(await _lake.FlushedRawAsync());
    }

    [Fact]
    public async Task Publishing_refuses_what_the_hub_cannot_carry()
    {
        var adapter = await Factory().CreateAdapter();
        var stream = StreamId.Create(StreamNames.VideoNamespace, "v1");

        await Assert.ThrowsAsync<ArgumentException>(() => adapter.QueueMessageBatchAsync(stream, Events("v1"), new EventSequenceTokenV2(1), null));
        await Assert.ThrowsAsync<NotSupportedException>(() => adapter.QueueMessageBatchAsync(StreamId.Create("other", "v1"), Events("v1"), null, null));
        await Assert.ThrowsAsync<ArgumentException>(() => adapter.QueueMessageBatchAsync(stream, Events("v2"), null, null));
        await Assert.ThrowsAsync<NotSupportedException>(() => adapter.QueueMessageBatchAsync(stream, new[] { "text" }, null, null));
        Assert.Empty(_hub.Produced);
    }

    [Fact]
    public async Task The_factory_offers_one_queue_per_partition_a_simple_cache_and_a_read_write_adapter()
    {
        var factory = Factory();
        var adapter = await factory.CreateAdapter();

        Assert.Equal(4, factory.GetStreamQueueMapper().GetAllQueues().Count());
        Assert.IsType<SimpleQueueAdapterCache>(factory.GetQueueAdapterCache());
        Assert.NotNull(await factory.GetDeliveryFailureHandler(factory.GetStreamQueueMapper().GetAllQueues().First()));
        Assert.Equal((Name, false, StreamProviderDirection.ReadWrite), (adapter.Name, adapter.IsRewindable, adapter.Direction));
    }

    [Fact]
    public async Task A_silo_without_the_lake_writers_is_told_what_is_missing()
    {
        var factory = Factory(withLake: false);
        var adapter = await factory.CreateAdapter();

        var ex = Assert.Throws<InvalidOperationException>(() => adapter.CreateReceiver(factory.GetStreamQueueMapper().GetAllQueues().First()));
        Assert.Contains("RawZoneWriter", ex.Message);
    }

    [Fact]
    public void Containers_survive_orleans_serialization()
    {
        var serializer = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(EventHubsBatchContainer).Assembly).AddAssembly(typeof(VideoStreamEvent).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        var container = new EventHubsBatchContainer
        {
            StreamId = StreamId.Create(StreamNames.VideoNamespace, "v1"),
            Partition = 3,
            Offsets = [10, 12, 13],
            Events = Events("v1"),
            Token = new EventSequenceTokenV2(10),
        };

        var copy = serializer.Deserialize<EventHubsBatchContainer>(serializer.SerializeToArray(container))!;

        Assert.Equal((container.StreamId, 3, 10L), (copy.StreamId, copy.Partition, copy.SequenceToken.SequenceNumber));
        Assert.Equal(container.Offsets, copy.Offsets);
        Assert.Equal(container.Events, copy.Events);
    }

    public async ValueTask DisposeAsync() => await _lake.DisposeAsync();
}
