namespace Insights.ClusterHosting.Clustering;

using System.Diagnostics.CodeAnalysis;
using Orleans.Providers;

/// <summary>
/// The membership providers <c>Insights:Cluster:Provider</c> can name, each one class configuring both the silo and
/// the client. Modeled on Orleans' own configuration-driven providers (<c>Orleans:Clustering:ProviderType</c>, which
/// map a name to an <see cref="IProviderBuilder{TBuilder}"/>), keeping Insights' keys.
/// </summary>
public static class ClusteringProviders
{
    private static readonly Dictionary<string, IClusteringProvider> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        [LocalhostClusteringProvider.Name] = new LocalhostClusteringProvider(),
        [RedisClusteringProvider.Name] = new RedisClusteringProvider(),
        [AzureTableClusteringProvider.Name] = new AzureTableClusteringProvider(),
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryGet(string? name, [NotNullWhen(true)] out IClusteringProvider? provider)
    {
        provider = null;
        return name is not null && ByName.TryGetValue(name, out provider);
    }
}

/// <summary>One membership provider, for silos and clients; the section is <c>Insights:Cluster</c>.</summary>
public interface IClusteringProvider : IProviderBuilder<ISiloBuilder>, IProviderBuilder<IClientBuilder>;
