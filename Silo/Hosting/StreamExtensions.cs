namespace Insights.Silo.Hosting;

using Insights.Configuration;
using Insights.Events;
using Orleans.Streams;

public static class StreamExtensions
{
    /// <summary>
    /// The stream provider feeding video grains. Implicit subscriptions only: the default pub-sub would write a
    /// rendezvous record per video, one storage write per new stream.
    /// </summary>
    public static ISiloBuilder AddInsightsStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(InsightsStreamOptions.SectionName).Get<InsightsStreamOptions>() ?? new();
        switch (options.Provider)
        {
            case "Memory":
                silo.AddMemoryStreams(StreamNames.Provider, b =>
                {
                    b.ConfigurePartitioning(options.Queues);
                    b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    b.ConfigurePullingAgent(agent => agent.Configure(o =>
                    {
                        o.BatchContainerBatchSize = options.DeliveryBatchSize;
                        o.GetQueueMsgsTimerPeriod = options.PollInterval;
                    }));
                });
                break;
            default:
                throw new InvalidOperationException(
                    $"{InsightsStreamOptions.SectionName}:Provider '{options.Provider}' is not supported (use Memory).");
        }

        return silo;
    }
}
