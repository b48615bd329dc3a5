namespace Insights.Grains.Tests.Cluster.EventHubs;

using System.Globalization;
using System.Text;
using Azure.Messaging.EventHubs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

/// <summary>
/// An event hub in memory: partitions "0".."n-1" of <see cref="EventData"/> with the broker's sequence numbers and
/// numeric offsets. Stands in for the AMQP link only; the provider's receiver, cache, checkpointer and pulling agents
/// around it are the real ones.
/// </summary>
public sealed class InMemoryHub(int partitions)
{
    private readonly List<EventData>[] _partitions = Enumerable.Range(0, partitions).Select(_ => new List<EventData>()).ToArray();
    private readonly List<(string Partition, string Offset)> _starts = [];

    public string[] PartitionIds => Enumerable.Range(0, _partitions.Length).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Where each receiver was told to start, in order: "-1" for the start of the stream.</summary>
    public IReadOnlyList<(string Partition, string Offset)> Starts
    {
        get
        {
            lock (_starts)
            {
                return _starts.ToList();
            }
        }
    }

    public static long OffsetOf(int index) => 1000 + (index * 10);

    /// <summary>The hub's own choice of partition for a key (any stable hash will do).</summary>
    public string PartitionOf(string partitionKey) =>
        (Encoding.UTF8.GetBytes(partitionKey).Aggregate(2166136261u, (h, b) => unchecked((h ^ b) * 16777619u)) % (uint)_partitions.Length)
            .ToString(CultureInfo.InvariantCulture);

    public EventData Append(string partitionKey, ReadOnlyMemory<byte> body, IDictionary<string, object>? properties = null)
    {
        var log = _partitions[int.Parse(PartitionOf(partitionKey), CultureInfo.InvariantCulture)];
        lock (log)
        {
            var data = EventHubsModelFactory.EventData(new BinaryData(body), properties ?? new Dictionary<string, object>(), null, partitionKey,
                log.Count, OffsetOf(log.Count).ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
            log.Add(data);
            return data;
        }
    }

    public List<EventData> Log(string partition)
    {
        var log = _partitions[int.Parse(partition, CultureInfo.InvariantCulture)];
        lock (log)
        {
            return log.ToList();
        }
    }

    internal IEventHubReceiver CreateReceiver(string partition, string offset)
    {
        lock (_starts)
        {
            _starts.Add((partition, offset));
        }

        // As the provider's AMQP receiver: from an offset inclusive, or from the start without a checkpoint.
        var next = offset == "-1" ? 0 : Log(partition).FindIndex(e => long.Parse(e.OffsetString, CultureInfo.InvariantCulture) >= long.Parse(offset, CultureInfo.InvariantCulture));
        return new Receiver(this, partition, next < 0 ? Log(partition).Count : next);
    }

    private sealed class Receiver(InMemoryHub hub, string partition, int next) : IEventHubReceiver
    {
        private int _next = next;

        [Obsolete("Use the overload which accepts a CancellationToken.")]
        public Task<IEnumerable<EventData>> ReceiveAsync(int maxCount, TimeSpan waitTime) => ReceiveAsync(maxCount, waitTime, CancellationToken.None);

        public async Task<IEnumerable<EventData>> ReceiveAsync(int maxCount, TimeSpan waitTime, CancellationToken cancellationToken)
        {
            var batch = hub.Log(partition).Skip(_next).Take(maxCount).ToList();
            if (batch.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }

            _next += batch.Count;
            return batch;
        }

        public Task CloseAsync() => Task.CompletedTask;
    }
}

/// <summary>
/// The provider's own <see cref="EventHubAdapterFactory"/> with the AMQP link replaced by <see cref="InMemoryHub"/>,
/// the way the provider's data generator factory replaces it: partitions come from the hub, receivers read it, and
/// producers (the API's Orleans client) append to it with the data adapter's message and partition key.
/// </summary>
public sealed class InMemoryHubAdapterFactory(
    string name,
    EventHubOptions ehOptions,
    EventHubReceiverOptions receiverOptions,
    EventHubStreamCachePressureOptions cacheOptions,
    StreamCacheEvictionOptions evictionOptions,
    StreamStatisticOptions statisticOptions,
    IEventHubDataAdapter dataAdapter,
    IServiceProvider serviceProvider,
    ILoggerFactory loggerFactory,
    Orleans.Statistics.IEnvironmentStatisticsProvider environmentStatisticsProvider,
    InMemoryHub hub)
    : EventHubAdapterFactory(name, ehOptions, receiverOptions, cacheOptions, evictionOptions, statisticOptions, dataAdapter, serviceProvider, loggerFactory, environmentStatisticsProvider)
{
    public override void Init()
    {
        EventHubReceiverFactory = (settings, offset, _) => hub.CreateReceiver(settings.Partition, offset);
        base.Init();
    }

    public override Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        var data = dataAdapter.ToQueueMessage(streamId, events, token, requestContext);
        hub.Append(dataAdapter.GetPartitionKey(streamId), data.EventBody.ToMemory(), new Dictionary<string, object>(data.Properties));
        return Task.CompletedTask;
    }

    /// <summary>Registers this factory for <paramref name="name"/>, over what the provider's own wiring registered.</summary>
    public static void Replace(IServiceCollection services, string name, InMemoryHub hub) =>
        services.AddKeyedSingleton<IQueueAdapterFactory>(name, (sp, _) =>
        {
            var dataAdapter = sp.GetKeyedService<IEventHubDataAdapter>(name) ?? ActivatorUtilities.CreateInstance<EventHubDataAdapter>(sp);
            var factory = ActivatorUtilities.CreateInstance<InMemoryHubAdapterFactory>(sp, name,
                sp.GetOptionsByName<EventHubOptions>(name), sp.GetOptionsByName<EventHubReceiverOptions>(name),
                sp.GetOptionsByName<EventHubStreamCachePressureOptions>(name), sp.GetOptionsByName<StreamCacheEvictionOptions>(name),
                sp.GetOptionsByName<StreamStatisticOptions>(name), dataAdapter, hub);
            factory.Init();
            return factory;
        });

    protected override void InitEventHubClient()
    {
    }

    protected override Task<string[]> GetPartitionIdsAsync() => Task.FromResult(hub.PartitionIds);
}
