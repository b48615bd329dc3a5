namespace Insights.ClusterHosting;

using Insights.ClusterHosting.Clustering;
using Insights.ClusterHosting.Health;
using Insights.ClusterHosting.Telemetry;
using Insights.ClusterHosting.Tls;
using Insights.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

/// <summary>
/// How a process joins the cluster described by <c>Insights:Cluster</c>, silo and client alike: the membership provider
/// (<see cref="ClusteringProviders"/>), cluster TLS, Orleans telemetry and the readiness check. Settings are checked by
/// <see cref="InsightsClusterOptionsValidator"/> when the host starts, each failure naming its key.
/// </summary>
public static class ClusteringExtensions
{
    /// <summary>
    /// Membership (localhost, or Redis or Azure Table with the reminders beside it, so the warehouse loader's reminder
    /// survives any one silo); <c>Insights:Cluster:Membership</c> binds Orleans' <see cref="ClusterMembershipOptions"/>
    /// (probe timeouts, votes) as it is; <c>Insights:Cluster:Kubernetes</c> adds Orleans' Kubernetes hosting.
    /// </summary>
    public static ISiloBuilder AddInsightsClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(InsightsClusterOptions.SectionName);
        var options = Options(silo.Services, configuration);
        if (ClusteringProviders.TryGet(options.Provider, out var provider))
        {
            provider.Configure(silo, null, section);
        }

        silo.Services.Configure<ClusterMembershipOptions>(section.GetSection("Membership"));
        if (options.Kubernetes)
        {
            // Addresses and the cluster and service ids come from the pod's environment (POD_IP, ORLEANS_CLUSTER_ID...).
            silo.UseKubernetesHosting();
        }

        silo.AddClusterTls(configuration).AddInsightsOrleansTelemetry();
        silo.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: [HealthEndpoints.ReadyTag]);
        return silo;
    }

    /// <summary>
    /// The gateways of the same cluster, found through the same provider; the client keeps retrying until one answers
    /// (the API may start before the silos), and is ready while connected to at least one.
    /// </summary>
    public static IClientBuilder AddInsightsClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var options = Options(client.Services, configuration);
        if (ClusteringProviders.TryGet(options.Provider, out var provider))
        {
            provider.Configure(client, null, configuration.GetSection(InsightsClusterOptions.SectionName));
        }

        client.AddClusterTls(configuration).AddInsightsOrleansTelemetry();
        client.UseConnectionRetryFilter<RetryUntilClusterIsUp>();
        client.Services.AddSingleton<GatewayConnectionCheck>();
        client.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<GatewayConnectionCheck>());
        client.Services.AddHealthChecks().AddCheck<GatewayConnectionCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return client;
    }

    /// <summary>
    /// Registers the options, validated at start, and reads the provider to wire now: without a known one there is
    /// nothing to wire, so the validator's failures are thrown at once.
    /// </summary>
    private static InsightsClusterOptions Options(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<InsightsClusterOptions, InsightsClusterOptionsValidator>(InsightsClusterOptions.SectionName);
        var options = configuration.Read<InsightsClusterOptions>(InsightsClusterOptions.SectionName);
        return ClusteringProviders.TryGet(options.Provider, out _) ? options : options.ValidNow(new InsightsClusterOptionsValidator());
    }
}
