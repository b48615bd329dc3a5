namespace Insights.Streaming.AzureQueues;

using Orleans.Configuration;
using Orleans.Hosting;

public static class AzureQueueStreamExtensions
{
    /// <summary>
    /// Containers each pulling agent keeps in memory. Smaller than Orleans' 4096 on purpose: reading stops once the
    /// cache is full, and a backlog waits in the queue (durable, visible) instead of in memory, where its messages'
    /// visibility timeouts would run out and count as failed deliveries.
    /// </summary>
    public const int DefaultCacheSize = 1024;

    /// <summary>
    /// The durable Azure queue stream provider on a silo: it reads the queues the silo is given, and can publish.
    /// <para>
    /// A consumer batch is one container (<c>BatchContainerBatchSize</c> 1, set here and checked at start). Each
    /// container already holds all the events one publish call sent to one stream, and with 1 the container being
    /// delivered is always the cursor's current element, so the cache cannot release it (and the receiver delete its
    /// message) before its delivery finished. With more, the cursor moves past several containers before their
    /// delivery completes; only the cache's own bookkeeping would then stand between an undelivered message and its
    /// deletion.
    /// </para>
    /// </summary>
    public static ISiloBuilder AddAzureQueueStreams(
        this ISiloBuilder silo,
        string name,
        AzureQueueStreamOptions options,
        int queues,
        Action<ISiloPersistentStreamConfigurator>? configure = null)
    {
        Check(options, queues);
        return silo.AddPersistentStreams(name, AzureQueueAdapterFactory.Create, b =>
        {
            Register(b, options, queues);
            b.Configure<SimpleQueueCacheOptions>(ob => ob.Configure(o => o.CacheSize = DefaultCacheSize));
            b.ConfigurePullingAgent(ob => ob
                .Configure(o => o.BatchContainerBatchSize = 1)
                .Validate(
                    o => o.BatchContainerBatchSize <= 1,
                    $"Stream provider '{name}' (Azure queues) needs BatchContainerBatchSize 1: with more, messages could be deleted before their delivery completes."));
            configure?.Invoke(b);
        });
    }

    /// <summary>The producer side in a client process; it must use the same options and number of queues as the silos.</summary>
    public static IClientBuilder AddAzureQueueStreams(
        this IClientBuilder client,
        string name,
        AzureQueueStreamOptions options,
        int queues,
        Action<IClusterClientPersistentStreamConfigurator>? configure = null)
    {
        Check(options, queues);
        return client.AddPersistentStreams(name, AzureQueueAdapterFactory.Create, b =>
        {
            Register(b, options, queues);
            configure?.Invoke(b);
        });
    }

    private static void Check(AzureQueueStreamOptions options, int queues)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(AzureQueueStreamOptions.SectionName);
        AzureQueueNames.ValidateCount(queues);
    }

    private static void Register(INamedServiceConfigurator b, AzureQueueStreamOptions options, int queues)
    {
        b.Configure<AzureQueueStreamOptions>(ob => ob.Configure(options.CopyTo));
        b.Configure<HashRingStreamQueueMapperOptions>(ob => ob.Configure(o => o.TotalQueueCount = queues));
    }
}
