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
        var hub = ReadEventHubs(section).ValidNow(new EventHubsStreamOptionsValidator(reads: true, options.MaxDeliveryTime));
        silo.AddEventHubsStreams(name!, hub, b =>
        {
            b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            b.ConfigurePullingAgent(agent => agent.Configure(o => PullingAgent.Configure(o, options, 1)));
        });
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section) =>
        client.AddEventHubsStreams(name!, ReadEventHubs(section).ValidNow(new EventHubsStreamOptionsValidator(reads: false)),
            b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));

    /// <summary><c>Insights:Streams:EventHubs</c>, checked by the caller now: Orleans takes the values while the host is built.</summary>
    private static EventHubsStreamOptions ReadEventHubs(IConfigurationSection section) =>
        section.GetSection("EventHubs").Get<EventHubsStreamOptions>() ?? new();
}
