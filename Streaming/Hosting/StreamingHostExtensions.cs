namespace Insights.Streaming.Hosting;

using Insights.Configuration;
using Insights.Events;
using Insights.Streaming.AzureQueues;
using Insights.Streaming.EventHubs;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;

/// <summary>
/// The stream provider feeding video grains, from <c>Insights:Streams</c>, for the silo (consumer) and the API
/// (producer) alike so both sides always agree. Implicit subscriptions only: the default pub-sub would write a
/// rendezvous record per video, one storage write per new stream.
/// </summary>
public static class StreamingHostExtensions
{
    public const string AzureQueueSectionName = InsightsStreamOptions.SectionName + ":AzureQueue";

    public const string EventHubsSectionName = InsightsStreamOptions.SectionName + ":EventHubs";

    public static InsightsStreamOptions ReadStreamOptions(this IConfiguration configuration) =>
        configuration.GetSection(InsightsStreamOptions.SectionName).Get<InsightsStreamOptions>() ?? new();

    public static ISiloBuilder AddInsightsStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.ReadStreamOptions();
        switch (options.Provider)
        {
            case InsightsStreamOptions.Memory:
                silo.AddMemoryStreams(StreamNames.Provider, b =>
                {
                    b.ConfigurePartitioning(options.Queues);
                    b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    b.ConfigurePullingAgent(agent => agent.Configure(o => ConfigureAgent(o, options, options.DeliveryBatchSize)));
                });
                break;
            case InsightsStreamOptions.AzureQueue:
                silo.AddInsightsAzureQueueStreams(StreamNames.Provider, ReadAzureQueue(configuration), options.Queues, b =>
                {
                    b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    b.ConfigurePullingAgent(agent => agent.Configure(o => ConfigureAgent(o, options, 1)));
                });
                break;
            case InsightsStreamOptions.EventHubs:
                silo.AddEventHubsStreams(StreamNames.Provider, ReadEventHubs(configuration).CheckedAgainst(options.MaxDeliveryTime, InsightsStreamOptions.SectionName + ":MaxDeliveryTime"), b =>
                {
                    b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    b.ConfigurePullingAgent(agent => agent.Configure(o => ConfigureAgent(o, options, 1)));
                });
                break;
            default:
                throw Unsupported(options.Provider);
        }

        return silo;
    }

    public static IClientBuilder AddInsightsStreams(this IClientBuilder client, IConfiguration configuration)
    {
        var options = configuration.ReadStreamOptions();
        switch (options.Provider)
        {
            case InsightsStreamOptions.Memory:
                client.AddMemoryStreams(StreamNames.Provider, b =>
                {
                    b.ConfigurePartitioning(options.Queues);
                    b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                });
                break;
            case InsightsStreamOptions.AzureQueue:
                client.AddInsightsAzureQueueStreams(StreamNames.Provider, ReadAzureQueue(configuration), options.Queues,
                    b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
                break;
            case InsightsStreamOptions.EventHubs:
                client.AddEventHubsStreams(StreamNames.Provider, ReadEventHubs(configuration),
                    b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
                break;
            default:
                throw Unsupported(options.Provider);
        }

        return client;
    }

    /// <summary>
    /// Durable providers get a batch size of 1: with more, the pulling agent moves its cache cursor past several
    /// messages before their delivery completes, and the cache could release (delete, checkpoint) undelivered ones.
    /// </summary>
    private static void ConfigureAgent(StreamPullingAgentOptions agent, InsightsStreamOptions options, int batchSize)
    {
        agent.BatchContainerBatchSize = batchSize;
        agent.GetQueueMsgsTimerPeriod = options.PollInterval;
        agent.MaxEventDeliveryTime = options.MaxDeliveryTime;
    }

    private static AzureQueueStreamOptions ReadAzureQueue(IConfiguration configuration)
    {
        var options = Bind<AzureQueueStreamOptions>(configuration, AzureQueueSectionName);
        options.Validate(AzureQueueSectionName);
        return options;
    }

    private static EventHubsStreamOptions ReadEventHubs(IConfiguration configuration)
    {
        var options = Bind<EventHubsStreamOptions>(configuration, EventHubsSectionName);
        options.Validate(EventHubsSectionName, reads: false);
        return options;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            throw new InvalidOperationException($"{section}: {ex.Message}", ex);
        }
    }

    private static InvalidOperationException Unsupported(string provider) => new(
        $"{InsightsStreamOptions.SectionName}:Provider '{provider}' is not supported (use Memory, AzureQueue or EventHubs).");
}
