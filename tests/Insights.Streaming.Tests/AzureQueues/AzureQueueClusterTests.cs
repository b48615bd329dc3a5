namespace Insights.Streaming.Tests.AzureQueues;

using Azure.Storage.Queues;
using Insights.Lake.Zones;
using Insights.Streaming.AzureQueues;
using Insights.Streaming.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

/// <summary>
/// Orleans' Azure queue provider with Insights' data adapter and failure handler, in a real in-process cluster on
/// Azurite, wired as the silo and the API wire it; rounds are short (visibility 2 s, retries 1 s, 2 rounds) so the
/// redelivery and quarantine paths run in seconds.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureQueueClusterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Provider = "aq";
    private readonly TestLake _lake = new();
    private readonly AzureQueueStreamOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        QueuePrefix = "t" + Guid.NewGuid().ToString("N")[..16],
        VisibilityTimeout = TimeSpan.FromSeconds(2),
        MaxDeliveryFailures = 2,
    };

    private InProcessTestCluster _cluster = null!;
    private int _queues = 1;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _lake.DisposeAsync();
    }

    private async Task StartAsync(int queues, TimeSpan? visibilityTimeout = null)
    {
        _queues = queues;
        _options.VisibilityTimeout = visibilityTimeout ?? _options.VisibilityTimeout;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<QuarantineWriter>(_lake.Quarantine);
            silo.AddInsightsAzureQueueStreams(Provider, _options, queues, b =>
            {
                b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                b.ConfigurePullingAgent(agent => agent.Configure(o =>
                {
                    o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(25);
                    o.MaxEventDeliveryTime = TimeSpan.FromSeconds(1);
                }));
            });
        });
        builder.ConfigureClient(client => client.AddInsightsAzureQueueStreams(Provider, _options, queues,
            b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    private IAsyncStream<TestEvent> Stream(string key) =>
        _cluster.Client.GetStreamProvider(Provider).GetStream<TestEvent>(StreamId.Create(RecorderGrain.Namespace, key));

    private IRecorderGrain Recorder(string key) => _cluster.Client.GetGrain<IRecorderGrain>(key);

    [Fact]
    public async Task Grains_receive_every_event_in_order_and_the_queues_are_emptied_after_delivery()
    {
        await StartAsync(queues: 4);
        var sent = new Dictionary<string, List<TestEvent>>();
        for (var round = 0; round < 4; round++)
        {
            for (var v = 0; v < 5; v++)
            {
                var key = "video-" + v;
                var events = TestEvent.Range(key, round * 100, 3 + round + v);
                await Stream(key).OnNextBatchAsync(events);
                (sent.TryGetValue(key, out var list) ? list : sent[key] = []).AddRange(events);
            }
        }

        foreach (var (key, events) in sent)
        {
            Assert.Equal(events, await Eventually.Until(Recorder(key).GetEvents, r => r.Count >= events.Count));
            Assert.Equal(events.Count, await Recorder(key).GetDeliveredCount());
        }

        Assert.All(await Eventually.Until(QueueCountsAsync, c => c.All(n => n == 0)), n => Assert.Equal(0, n));
    }

    [Fact]
    public async Task A_batch_too_large_for_one_message_is_published_in_parts_and_arrives_whole_and_in_order()
    {
        await StartAsync(queues: 2);
        var random = new Random(11);
        var events = Enumerable.Range(0, 3_000)
            .Select(i => new TestEvent { Stream = "big", Sequence = i, Text = new string([.. Enumerable.Range(0, 200).Select(_ => (char)random.Next('a', 'z' + 1))]) })
            .ToList();

        await StreamBatchPublisher.PublishAsync(Stream("big"), events);

        Assert.Equal(events, await Eventually.Until(Recorder("big").GetEvents, r => r.Count >= events.Count, TimeSpan.FromSeconds(60)));
        Assert.Equal(events.Count, await Recorder("big").GetDeliveredCount());
    }

    /// <summary>
    /// dotnet/orleans#7807: one failing message must not block the deletion of the others read with it. Were their
    /// deletes held back while the poison message is retried (two rounds of at least 1 + 5 s), they would come back
    /// after the 5 s visibility timeout and be delivered again: so each good stream must see its events exactly once.
    /// </summary>
    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_quarantine_and_the_others_in_its_queue_are_delivered_once_and_deleted()
    {
        await StartAsync(queues: 1, visibilityTimeout: TimeSpan.FromSeconds(5));
        var poison = TestEvent.Range("poison-1", 0, 3);
        await Stream("poison-1").OnNextBatchAsync(poison);
        var good = new Dictionary<string, List<TestEvent>>();
        for (var v = 0; v < 10; v++)
        {
            var key = "good-" + v;
            good[key] = TestEvent.Range(key, 0, 4);
            await Stream(key).OnNextBatchAsync(good[key]);
        }

        foreach (var (key, events) in good)
        {
            Assert.Equal(events, await Eventually.Until(Recorder(key).GetEvents, r => r.Count >= events.Count));
        }

        var quarantined = await Eventually.Until(_lake.FlushedQuarantineAsync, q => q.Count > 0, TimeSpan.FromSeconds(90));
        var record = Assert.Single(quarantined);
        Assert.Equal("stream", record.Stage);
        Assert.Equal(VideoQueueDataAdapter.QuarantineSource, record.Source);
        Assert.Contains("failed delivery 2 times", record.Reason);
        Assert.Equal(StreamId.Create(RecorderGrain.Namespace, "poison-1").ToString(), record.Id);
        Assert.Equal(0, (await Eventually.Until(QueueCountsAsync, c => c[0] == 0))[0]);
        Assert.True(await Recorder("poison-1").GetDeliveredCount() >= 2 * poison.Count);
        foreach (var (key, events) in good)
        {
            Assert.Equal(events.Count, await Recorder(key).GetDeliveredCount());
        }

        // Quarantined once: it does not come back.
        await Task.Delay(_options.VisibilityTimeout * 2);
        Assert.Single(await _lake.FlushedQuarantineAsync());
    }

    /// <summary>dotnet/orleans#6345: a message delivered after its visibility timeout is neither lost nor counted twice.</summary>
    [Fact]
    public async Task A_delivery_slower_than_the_visibility_timeout_is_delivered_again_and_counted_once()
    {
        await StartAsync(queues: 1);
        var events = TestEvent.Range("slow-1", 0, 5);
        await Stream("slow-1").OnNextBatchAsync(events);

        // The first delivery outlasts the visibility timeout: the message comes back (once, or again if the copy's own
        // timeout runs out before its delete lands), its first delete fails, and it is counted once.
        var delivered = await Eventually.Until(Recorder("slow-1").GetDeliveredCount, n => n >= 2 * events.Count, TimeSpan.FromSeconds(30));
        Assert.True(delivered >= 2 * events.Count, $"delivered {delivered} events: the slow delivery was not redelivered");
        Assert.Equal(0, (await Eventually.Until(QueueCountsAsync, c => c[0] == 0))[0]);
        Assert.Equal(0, (await Recorder("slow-1").GetDeliveredCount()) % events.Count);
        Assert.Equal(events, await Recorder("slow-1").GetEvents());
        Assert.Empty(await _lake.FlushedQuarantineAsync());
    }

    [Fact]
    public async Task An_undecodable_message_goes_to_quarantine_with_its_text_and_the_queue_keeps_flowing()
    {
        await StartAsync(queues: 1);
        await new QueueClient(azurite.ConnectionString, AzureQueueNames.For(_options.QueuePrefix, 0)).SendMessageAsync("not an orleans batch");
        var events = TestEvent.Range("after", 0, 3);
        await Stream("after").OnNextBatchAsync(events);

        Assert.Equal(events, await Eventually.Until(Recorder("after").GetEvents, r => r.Count >= events.Count));
        var record = Assert.Single(await Eventually.Until(_lake.FlushedQuarantineAsync, q => q.Count > 0));
        Assert.Equal("not an orleans batch", record.PayloadText);
        Assert.Contains("not base64", record.Reason);
        Assert.Equal(0, (await Eventually.Until(QueueCountsAsync, c => c[0] == 0))[0]);
    }

    private async Task<int[]> QueueCountsAsync() => await Task.WhenAll(Enumerable.Range(0, _queues).Select(async i =>
    {
        var queue = new QueueClient(azurite.ConnectionString, AzureQueueNames.For(_options.QueuePrefix, i));
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }));
}
