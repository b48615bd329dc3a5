namespace Insights.Silo.Hosting;

using Insights.Grains.Domain;
using Insights.Grains.Sources;
using Insights.Ingest;
using Insights.Lake.Hosting;
using Insights.Streaming.Hosting;
using Insights.Warehouse.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

public static class SiloHostExtensions
{
    /// <summary>Everything a production silo process needs, read from the host's configuration.</summary>
    public static IHostApplicationBuilder AddInsightsSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // Before Orleans: hosted services stop in reverse order, so the lake flushes after grains have deactivated
        // and added their last rows.
        // The ingest path's writers too: the TikTok poller grain ingests on the silo.
        builder.Services.AddInsightsLake(configuration).AddInsightsLakeProcessingWriters().AddInsightsIngest(configuration);
        builder.UseOrleans(silo => silo
            .AddInsightsClustering(configuration)
            .AddInsightsClusterTls(configuration)
            .AddInsightsStorage(configuration)
            .AddInsightsStreams(configuration)
            .AddInsightsWarehouse(configuration)
            .AddInsightsTikTokPoller(configuration));
        builder.Services
            .AddInsightsGrains(configuration)
            .AddInsightsSentiment(configuration)
            .AddInsightsShutdown(configuration);
        if (configuration.ReadStreamOptions().IsDurable)
        {
            // The delivery contract: a durable provider acknowledges a message once its delivery returns, so the
            // grain's state must be written by then.
            builder.Services.PostConfigure<VideoOptions>(o => o.PersistEveryBatch = true);
        }

        builder.AddInsightsOrleansDashboard();
        builder.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// <c>Insights:ShutdownTimeout</c> (default 45 s): how long a stopping silo may take to stop pulling, deactivate
    /// grains (which write their state) and flush the lake. Kubernetes' termination grace period must be longer.
    /// </summary>
    public static IServiceCollection AddInsightsShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = configuration.GetValue("Insights:ShutdownTimeout", TimeSpan.FromSeconds(45));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
        return services;
    }

    public static WebApplication MapInsightsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}

/// <summary>Ready once the silo has joined the cluster and is serving grains.</summary>
internal sealed class SiloReadyCheck(Orleans.Runtime.ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == Orleans.Runtime.SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {oracle.CurrentStatus}"));
}
