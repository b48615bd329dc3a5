namespace Insights.Benchmarks.Durable;

using Insights.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Statistics;
using Orleans.Streaming.EventHubs;
using Orleans.Streaming.EventHubs.Testing;
using Orleans.Streams;

/// <summary>
/// The Event Hubs provider with an <see cref="InProcessEventHub"/> where the hub would be: Orleans' generator adapter
/// factory (<see cref="EventDataGeneratorAdapterFactory"/>: no hub client, <c>partition-{n}</c> partitions) with the
/// send and receive calls of the AMQP client pointed at the in-process hub. Everything between them is the real
/// provider as Insights configures it: the data adapter (<c>InsightsEventHubDataAdapter</c>, which encodes what
/// producers publish and decodes what the receivers read), the partition receivers, the cache and its eviction, the
/// pulling agents and the Azure Table checkpointer.
/// </summary>
/// <remarks>
/// The package's generator cannot carry Insights' events as they are published: its partition generator makes events
/// up per stream (one stream generator per stream, placed on a partition by a control command) and fills every read to
/// the requested count by cycling through its stream generators, so a finite workload leaves it spinning; and nothing
/// a producer publishes reaches it (sending needs the hub client it does not create). So only the two calls the hub
/// answers are replaced: <see cref="QueueMessageBatchAsync"/> puts the <c>EventData</c> the provider would send (the
/// data adapter's Orleans batch, partition key = the video id) in the in-process hub, and each partition is read by an
/// <see cref="InProcessPartitionReceiver"/>.
/// </remarks>
internal sealed class InProcessHubAdapterFactory : EventDataGeneratorAdapterFactory
{
    private readonly InProcessEventHub _hub;

    public InProcessHubAdapterFactory(
        string name,
        EventDataGeneratorStreamOptions options,
        EventHubOptions ehOptions,
        EventHubReceiverOptions receiverOptions,
        EventHubStreamCachePressureOptions cacheOptions,
        StreamCacheEvictionOptions evictionOptions,
        StreamStatisticOptions statisticOptions,
        IEventHubDataAdapter dataAdapter,
        IServiceProvider serviceProvider,
        ILoggerFactory loggerFactory,
        IEnvironmentStatisticsProvider environmentStatisticsProvider,
        InProcessEventHub hub)
        : base(name, options, ehOptions, receiverOptions, cacheOptions, evictionOptions, statisticOptions, dataAdapter, serviceProvider, loggerFactory, environmentStatisticsProvider)
    {
        _hub = hub;
    }

    /// <summary>Registers the hub and this factory for the video stream provider; call after the silo's own wiring.</summary>
    public static void Replace(IServiceCollection services, InProcessEventHub hub)
    {
        services.AddSingleton(hub);
        services.AddKeyedSingleton<IQueueAdapterFactory>(StreamNames.Provider, (sp, _) => Create(sp, StreamNames.Provider));
    }

    public override void Init()
    {
        base.Init();
        EventHubReceiverFactory = (settings, offset, _) => new InProcessPartitionReceiver(_hub[settings.Partition], offset);
    }

    public override Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        _hub.Send(dataAdapter.GetPartitionKey(streamId), dataAdapter.ToQueueMessage(streamId, events, token, requestContext));
        return Task.CompletedTask;
    }

    private static new InProcessHubAdapterFactory Create(IServiceProvider services, string name)
    {
        var hub = services.GetRequiredService<InProcessEventHub>();
        var factory = ActivatorUtilities.CreateInstance<InProcessHubAdapterFactory>(
            services,
            name,
            new EventDataGeneratorStreamOptions { EventHubPartitionCount = hub.PartitionCount },
            services.GetOptionsByName<EventHubOptions>(name),
            services.GetOptionsByName<EventHubReceiverOptions>(name),
            services.GetOptionsByName<EventHubStreamCachePressureOptions>(name),
            services.GetOptionsByName<StreamCacheEvictionOptions>(name),
            services.GetOptionsByName<StreamStatisticOptions>(name),
            services.GetRequiredKeyedService<IEventHubDataAdapter>(name),
            hub);
        factory.Init();
        return factory;
    }
}
