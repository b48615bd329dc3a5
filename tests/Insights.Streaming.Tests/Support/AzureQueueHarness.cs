namespace Insights.Streaming.Tests.Support;

using Azure.Storage.Queues;
using Insights.Lake.Zones;
using Insights.Streaming.Tests.AzureQueues;
using Insights.Streaming.AzureQueues;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// The provider's parts outside a silo, on Azurite, with queues of their own (a unique prefix per harness): the tests
/// play the pulling agent, reading through receivers and acknowledging (or not) by hand.
/// </summary>
internal sealed class AzureQueueHarness
{
    public const string ProviderName = "test-aq";
    private readonly Dictionary<QueueId, IQueueAdapterReceiver> _receivers = [];

    private AzureQueueHarness(AzuriteServer azurite, AzureQueueStreamOptions options, AzureQueueAdapterFactory factory, IQueueAdapter adapter)
    {
        Azurite = azurite;
        Options = options;
        Factory = factory;
        Adapter = adapter;
    }

    public AzuriteServer Azurite { get; }

    public AzureQueueStreamOptions Options { get; }

    public AzureQueueAdapterFactory Factory { get; }

    public IQueueAdapter Adapter { get; }

    public IEnumerable<QueueId> Queues => Factory.GetStreamQueueMapper().GetAllQueues();

    public static AzureQueueStreamOptions NewOptions(AzuriteServer azurite) => new()
    {
        ConnectionString = azurite.ConnectionString,
        QueuePrefix = "t" + Guid.NewGuid().ToString("N")[..16],
    };

    public static async Task<AzureQueueHarness> StartAsync(
        AzuriteServer azurite, int queues = 2, Action<AzureQueueStreamOptions>? configure = null, QuarantineWriter? quarantine = null)
    {
        var options = NewOptions(azurite);
        configure?.Invoke(options);
        var factory = new AzureQueueAdapterFactory(
            ProviderName, options, queues, new SimpleQueueCacheOptions(), TestSerialization.Serializer, NullLoggerFactory.Instance, quarantine);
        var adapter = await factory.CreateAdapter(CancellationToken.None);
        return new AzureQueueHarness(azurite, options, factory, adapter);
    }

    public static StreamId Stream(string key) => StreamId.Create("test-ns", key);

    public QueueId QueueOf(StreamId stream) => Factory.GetStreamQueueMapper().GetQueueForStream(stream);

    public Task PublishAsync(StreamId stream, IEnumerable<TestEvent> events) =>
        Adapter.QueueMessageBatchAsync(stream, events, null, null);

    /// <summary>The Azure queue itself, bypassing the provider.</summary>
    public QueueClient RawQueue(QueueId queue) =>
        new(Azurite.ConnectionString, AzureQueueNames.For(Options.QueuePrefix, queue));

    public async Task<IQueueAdapterReceiver> ReceiverAsync(QueueId queue)
    {
        if (!_receivers.TryGetValue(queue, out var receiver))
        {
            receiver = Adapter.CreateReceiver(queue);
            await receiver.Initialize(TimeSpan.FromSeconds(10), CancellationToken.None);
            _receivers[queue] = receiver;
        }

        return receiver;
    }

    /// <summary>Reads until a receive comes back empty, as the pulling agent does on each tick.</summary>
    public async Task<List<AzureQueueBatchContainer>> ReadAllAsync(QueueId queue)
    {
        var receiver = await ReceiverAsync(queue);
        var read = new List<AzureQueueBatchContainer>();
        while (true)
        {
            var batch = await receiver.GetQueueMessagesAsync(AzureQueueStreamOptions.MaxMessagesPerRead, CancellationToken.None);
            if (batch.Count == 0)
            {
                return read;
            }

            read.AddRange(batch.Cast<AzureQueueBatchContainer>());
        }
    }

    public async Task AcknowledgeAsync(QueueId queue, IEnumerable<AzureQueueBatchContainer> delivered) =>
        await (await ReceiverAsync(queue)).MessagesDeliveredAsync(delivered.ToList<IBatchContainer>(), CancellationToken.None);

    /// <summary>Messages in the queue, hidden ones included.</summary>
    public async Task<int> CountAsync(QueueId queue) =>
        (await RawQueue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public static List<TestEvent> EventsOf(IEnumerable<AzureQueueBatchContainer> containers) =>
        containers.SelectMany(c => c.GetEvents<TestEvent>().Select(e => e.Item1)).ToList();
}
