namespace Insights.ClusterHosting.Streams;

using Insights.Streaming.AzureQueues;
using Microsoft.Extensions.Configuration;
using Orleans.Streams;

/// <summary>Azure Storage queues (<c>Insights:Streams:AzureQueue</c>), Orleans' provider with Insights' message format.</summary>
internal sealed class AzureQueueStreamsProvider : IStreamsProvider
{
    public void Configure(ISiloBuilder silo, string? name, IConfigurationSection section)
    {
        var options = section.Get<InsightsStreamOptions>() ?? new();
        silo.AddInsightsAzureQueueStreams(name!, ReadAzureQueue(section), options.Queues, b =>
        {
            b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            b.ConfigurePullingAgent(agent => agent.Configure(o => PullingAgent.Configure(o, options, 1)));
        });
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section)
    {
        var options = section.Get<InsightsStreamOptions>() ?? new();
        client.AddInsightsAzureQueueStreams(name!, ReadAzureQueue(section), options.Queues,
            b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
    }

    /// <summary><c>Insights:Streams:AzureQueue</c>, checked now: Orleans takes the values while the host is built.</summary>
    private static AzureQueueStreamOptions ReadAzureQueue(IConfigurationSection section) =>
        (section.GetSection("AzureQueue").Get<AzureQueueStreamOptions>() ?? new()).ValidNow(new AzureQueueStreamOptionsValidator());
}
