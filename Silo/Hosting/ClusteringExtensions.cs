namespace Insights.Silo.Hosting;

using Insights.Configuration;

public static class ClusteringExtensions
{
    public static ISiloBuilder AddInsightsClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(InsightsClusterOptions.SectionName).Get<InsightsClusterOptions>() ?? new();
        switch (options.Provider)
        {
            case "Localhost":
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                break;
            default:
                throw new InvalidOperationException(
                    $"{InsightsClusterOptions.SectionName}:Provider '{options.Provider}' is not supported (use Localhost).");
        }

        return silo;
    }
}
