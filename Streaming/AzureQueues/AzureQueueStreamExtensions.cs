namespace Insights.Streaming.AzureQueues;

using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Streams;

/// <summary>
/// Orleans' Azure queue stream provider (Microsoft.Orleans.Streaming.AzureStorage) as Insights uses it: its adapter,
/// receivers and cache, with Insights' message format (<see cref="VideoQueueDataAdapter"/>) and delivery failure
/// handler (<see cref="AzureQueueDeliveryFailureHandler"/>) plugged into its extension points.
/// </summary>
public static class AzureQueueStreamExtensions
{
    /// <summary>
    /// Containers each pulling agent keeps in memory. Far smaller than Orleans' 4096 on purpose: reading stops once
    /// the cache is full, and a backlog waits in the queue (durable, visible) instead of in memory, where its messages'
    /// visibility timeouts would run out while they wait their turn, so they would come back, be read and delivered
    /// twice, and their first deletes fail. A container holds one publish call's events of one video (tens to
    /// thousands), so 128 still keeps every consumer busy.
    /// </summary>
    public const int DefaultCacheSize = 128;

    /// <summary>
    /// The provider on a silo: it reads the queues the silo is given, and can publish.
    /// <para>
    /// A consumer batch is one container (<c>BatchContainerBatchSize</c> 1, set here and checked at start). Each
    /// container already holds all the events one publish call sent to one stream, and with 1 the container being
    /// delivered is always the cursor's current element, so the cache cannot release it (and the receiver delete its
    /// message) before its delivery finished.
    /// </para>
    /// </summary>
    public static ISiloBuilder AddInsightsAzureQueueStreams(
        this ISiloBuilder silo,
        string name,
        AzureQueueStreamOptions options,
        int queues,
        Action<ISiloAzureQueueStreamConfigurator>? configure = null)
    {
        Check(options, queues);
        return silo.AddAzureQueueStreams(name, b =>
        {
            Register(b, options, queues);
            b.ConfigureCacheSize(DefaultCacheSize);
            b.ConfigurePullingAgent(ob => ob
                .Configure(o => o.BatchContainerBatchSize = 1)
                .Validate(
                    o => o.BatchContainerBatchSize <= 1,
                    $"Stream provider '{name}' (Azure queues) needs BatchContainerBatchSize 1: with more, messages could be deleted before their delivery completes."));
            b.ConfigureComponent<IQueueAdapterFactory>(AzureQueueAdapterFactoryWithFailureHandler.Create);
            configure?.Invoke(b);
        });
    }

    /// <summary>The producer side in a client process; it must use the same options and number of queues as the silos.</summary>
    public static IClientBuilder AddInsightsAzureQueueStreams(
        this IClientBuilder client,
        string name,
        AzureQueueStreamOptions options,
        int queues,
        Action<IClusterClientAzureQueueStreamConfigurator>? configure = null)
    {
        Check(options, queues);
        return client.AddAzureQueueStreams(name, b =>
        {
            Register(b, options, queues);
            configure?.Invoke(b);
        });
    }

    private static void Check(AzureQueueStreamOptions options, int queues)
    {
        // The options arrive checked (AzureQueueStreamOptionsValidator, run where the provider is chosen).
        ArgumentNullException.ThrowIfNull(options);
        AzureQueueNames.ValidateCount(queues);
    }

    private static void Register(IAzureQueueStreamConfigurator b, AzureQueueStreamOptions options, int queues)
    {
        b.ConfigureAzureQueue(ob => ob.Configure(o =>
        {
            o.QueueServiceClient = options.ConnectionString is { } connectionString
                ? new QueueServiceClient(connectionString)
                : new QueueServiceClient(options.ServiceUri, new DefaultAzureCredential());
            o.QueueNames = AzureQueueNames.All(options.QueuePrefix, queues);
            o.MessageVisibilityTimeout = options.VisibilityTimeout;
        }));
        b.ConfigureComponent((_, _) => new DeliveryFailureLedger(options.MaxDeliveryFailures));
        b.ConfigureComponent((_, _) => new QueueReadPolicy(options.MaxIdlePollInterval));
        b.ConfigureQueueDataAdapter((services, providerName) => new VideoQueueDataAdapter(
            services.GetRequiredService<Serializer>(),
            services.GetRequiredKeyedService<DeliveryFailureLedger>(providerName),
            services.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
