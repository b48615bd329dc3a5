namespace Insights.Silo.Hosting;

using Insights.ClusterHosting;
using Insights.ClusterHosting.Streams;
using Insights.Grains.Domain;
using Insights.Grains.Sources;
using Insights.Ingest;
using Insights.Lake.Hosting;
using Insights.ServiceDefaults;
using Insights.Warehouse.Hosting;

public static class SiloHostExtensions
{
    /// <summary>Everything a production silo process needs, read from the host's configuration.</summary>
    public static IHostApplicationBuilder AddInsightsSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.AddServiceDefaults();

        // Before Orleans: hosted services stop in reverse order, so the lake flushes after grains have deactivated
        // and added their last rows.
        // The ingest path's writers too: the TikTok poller grain ingests on the silo.
        builder.Services.AddInsightsLake(configuration).AddInsightsLakeProcessingWriters().AddInsightsIngest(configuration);
        builder.UseOrleans(silo => silo
            .AddInsightsClustering(configuration)
            .AddInsightsStorage(configuration)
            .AddInsightsStreams(configuration)
            .AddInsightsWarehouse(configuration)
            .AddInsightsTopics(configuration)
            .AddInsightsTikTokPoller(configuration)
            .AddInsightsAlerts());
        builder.Services
            .AddInsightsGrains(configuration)
            .AddInsightsSentiment(configuration);
        if (configuration.ReadStreamOptions().IsDurable)
        {
            // The delivery contract: a durable provider acknowledges a message once its delivery returns, so the
            // grain's state must be written by then.
            builder.Services.PostConfigure<VideoOptions>(o => o.PersistEveryBatch = true);
        }

        builder.AddInsightsOrleansDashboard();
        return builder;
    }
}
