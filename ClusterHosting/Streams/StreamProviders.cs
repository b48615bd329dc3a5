namespace Insights.ClusterHosting.Streams;

using System.Diagnostics.CodeAnalysis;
using Orleans.Providers;

/// <summary>
/// The stream providers <c>Insights:Streams:Provider</c> can name, each one class configuring the silo (consumer) and
/// the client (producer) so both sides always agree; modeled, like <see cref="Clustering.ClusteringProviders"/>, on
/// Orleans' <see cref="IProviderBuilder{TBuilder}"/>. The section passed is <c>Insights:Streams</c>.
/// </summary>
public static class StreamProviders
{
    private static readonly Dictionary<string, IStreamsProvider> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        [InsightsStreamOptions.Memory] = new MemoryStreamsProvider(),
        [InsightsStreamOptions.AzureQueue] = new AzureQueueStreamsProvider(),
        [InsightsStreamOptions.EventHubs] = new EventHubsStreamsProvider(),
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryGet(string? name, [NotNullWhen(true)] out IStreamsProvider? provider)
    {
        provider = null;
        return name is not null && ByName.TryGetValue(name, out provider);
    }
}

/// <summary>One stream provider for video events, for silos and clients.</summary>
public interface IStreamsProvider : IProviderBuilder<ISiloBuilder>, IProviderBuilder<IClientBuilder>;
