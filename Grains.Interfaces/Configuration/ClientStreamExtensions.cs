namespace Insights.Configuration;

using Insights.Events;
using Orleans.Hosting;
using Orleans.Streams;

public static class ClientStreamExtensions
{
    /// <summary>The producer side of the stream provider; must mirror the silo's (same provider, same queues).</summary>
    public static IClientBuilder AddInsightsStreams(this IClientBuilder client, InsightsStreamOptions streams)
    {
        switch (streams.Provider)
        {
            case "Memory":
                client.AddMemoryStreams(StreamNames.Provider, b =>
                {
                    b.ConfigurePartitioning(streams.Queues);
                    b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                });
                break;
            default:
                throw new InvalidOperationException(
                    $"{InsightsStreamOptions.SectionName}:Provider '{streams.Provider}' is not supported (use Memory).");
        }

        return client;
    }
}
