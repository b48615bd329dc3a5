namespace Insights.ClusterHosting.Streams;

using Insights.Events;
using Microsoft.Extensions.Configuration;

/// <summary>
/// The stream provider feeding video grains, from <c>Insights:Streams</c>, for the silo (consumer) and the API
/// (producer) alike. Implicit subscriptions only: the default pub-sub would write a rendezvous record per video, one
/// storage write per new stream.
/// </summary>
public static class StreamsExtensions
{
    public static InsightsStreamOptions ReadStreamOptions(this IConfiguration configuration) =>
        configuration.Read<InsightsStreamOptions>(InsightsStreamOptions.SectionName);

    public static ISiloBuilder AddInsightsStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        Provider(configuration).Configure(silo, StreamNames.Provider, configuration.GetSection(InsightsStreamOptions.SectionName));
        return silo;
    }

    public static IClientBuilder AddInsightsStreams(this IClientBuilder client, IConfiguration configuration)
    {
        Provider(configuration).Configure(client, StreamNames.Provider, configuration.GetSection(InsightsStreamOptions.SectionName));
        return client;
    }

    private static IStreamsProvider Provider(IConfiguration configuration)
    {
        var options = configuration.ReadStreamOptions().ValidNow(new InsightsStreamOptionsValidator());
        return StreamProviders.TryGet(options.Provider, out var provider)
            ? provider
            : throw new InvalidOperationException($"{InsightsStreamOptions.SectionName}:Provider '{options.Provider}' is not supported.");
    }
}
