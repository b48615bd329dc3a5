namespace Insights.ClusterHosting.Streams;

using Insights.Streaming.EventHubs;
using Microsoft.Extensions.Configuration;
using Orleans.Streams;

/// <summary>Azure Event Hubs (<c>Insights:Streams:EventHubs</c>) on Orleans' own provider.</summary>
internal sealed class EventHubsStreamsProvider : IStreamsProvider
{
    public void Configure(ISiloBuilder silo, string? name, IConfigurationSection section)
    {
        var options = section.Get<InsightsStreamOptions>() ?? new();
        var hub = ReadEventHubs(section).CheckedAgainst(options.MaxDeliveryTime, InsightsStreamOptions.SectionName + ":MaxDeliveryTime");
        silo.AddEventHubsStreams(name!, hub, b =>
        {
            b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            b.ConfigurePullingAgent(agent => agent.Configure(o => PullingAgent.Configure(o, options, 1)));
        });
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section) =>
        client.AddEventHubsStreams(name!, ReadEventHubs(section), b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));

    /// <summary>Its checks run in <c>AddEventHubsStreams</c>, naming the keys of <c>Insights:Streams:EventHubs</c>.</summary>
    private static EventHubsStreamOptions ReadEventHubs(IConfigurationSection section) =>
        section.GetSection("EventHubs").Get<EventHubsStreamOptions>() ?? new();
}
