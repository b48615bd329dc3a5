namespace Insights.Streaming.Tests.AzureQueues;

using Azure.Storage.Queues;
using Insights.Streaming.AzureQueues;
using Insights.Streaming.Tests.Support;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

/// <summary>The provider in a real in-process cluster on Azurite, wired as the silo and the API wire it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureQueueClusterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Provider = "aq";
    private const int Queues = 4;
    private readonly AzureQueueStreamOptions _options = AzureQueueHarness.NewOptions(azurite);
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAzureQueueStreams(Provider, _options, Queues, b =>
        {
            b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            b.ConfigurePullingAgent(agent => agent.Configure(o =>
            {
                o.BatchContainerBatchSize = 1;
                o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(25);
            }));
        }));
        builder.ConfigureClient(client => client.AddAzureQueueStreams(Provider, _options, Queues,
            b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Grains_receive_every_event_as_sent_and_the_queues_are_emptied_after_delivery()
    {
        var provider = _cluster.Client.GetStreamProvider(Provider);
        var sent = new Dictionary<string, List<TestEvent>>();
        for (var round = 0; round < 4; round++)
        {
            for (var v = 0; v < 5; v++)
            {
                var key = "video-" + v;
                var events = TestEvent.Range(key, round * 100, 3 + round + v);
                await provider.GetStream<TestEvent>(StreamId.Create(RecorderGrain.Namespace, key)).OnNextBatchAsync(events);
                (sent.TryGetValue(key, out var list) ? list : sent[key] = []).AddRange(events);
            }
        }

        foreach (var (key, events) in sent)
        {
            var grain = _cluster.Client.GetGrain<IRecorderGrain>(key);
            var received = await Eventually.Until(grain.GetEvents, r => r.Count >= events.Count);
            Assert.Equal(events, received);
        }

        var counts = await Eventually.Until(QueueCountsAsync, c => c.All(n => n == 0), TimeSpan.FromSeconds(10));
        Assert.All(counts, n => Assert.Equal(0, n));

        // Nothing arrived twice while waiting for the deletes.
        foreach (var (key, events) in sent)
        {
            Assert.Equal(events, await _cluster.Client.GetGrain<IRecorderGrain>(key).GetEvents());
        }
    }

    private async Task<int[]> QueueCountsAsync() => await Task.WhenAll(Enumerable.Range(0, Queues).Select(async i =>
    {
        var queue = new QueueClient(azurite.ConnectionString, AzureQueueNames.For(_options.QueuePrefix, i));
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }));
}
