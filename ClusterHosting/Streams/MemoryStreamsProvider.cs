namespace Insights.ClusterHosting.Streams;

using Microsoft.Extensions.Configuration;
using Orleans.Streams;

/// <summary>In-memory queues, not durable: the embedded default and tests.</summary>
internal sealed class MemoryStreamsProvider : IStreamsProvider
{
    public void Configure(ISiloBuilder silo, string? name, IConfigurationSection section)
    {
        var options = Read(section);
        silo.AddMemoryStreams(name!, b =>
        {
            b.ConfigurePartitioning(options.Queues);
            b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            b.ConfigurePullingAgent(agent => agent.Configure(o => PullingAgent.Configure(o, options, options.DeliveryBatchSize)));
        });
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section)
    {
        var options = Read(section);
        client.AddMemoryStreams(name!, b =>
        {
            b.ConfigurePartitioning(options.Queues);
            b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
    }

    private static InsightsStreamOptions Read(IConfigurationSection section) => section.Get<InsightsStreamOptions>() ?? new();
}
