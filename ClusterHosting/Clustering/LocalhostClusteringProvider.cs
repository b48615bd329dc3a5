namespace Insights.ClusterHosting.Clustering;

using Microsoft.Extensions.Configuration;

/// <summary>One silo on this machine (the embedded default): Orleans' development membership on loopback.</summary>
internal sealed class LocalhostClusteringProvider : IClusteringProvider
{
    public const string Name = InsightsClusterOptions.LocalhostProvider;

    public void Configure(ISiloBuilder silo, string? name, IConfigurationSection section)
    {
        var options = section.Get<InsightsClusterOptions>() ?? new();
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section)
    {
        var options = section.Get<InsightsClusterOptions>() ?? new();
        client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
    }
}
