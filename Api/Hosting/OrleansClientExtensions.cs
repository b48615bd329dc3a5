namespace Insights.Api.Hosting;

using Insights.Configuration;
using Insights.Streaming.Hosting;
using StackExchange.Redis;

public static class OrleansClientExtensions
{
    /// <summary>Connects to the cluster described by <c>Insights:Cluster</c> and its stream provider.</summary>
    public static IHostApplicationBuilder AddInsightsOrleansClient(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(InsightsClusterOptions.SectionName).Get<InsightsClusterOptions>() ?? new();
        builder.UseOrleansClient(client =>
        {
            switch (cluster.Provider)
            {
                case InsightsClusterOptions.LocalhostProvider:
                    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                    break;
                case InsightsClusterOptions.RedisProvider:
                    // Gateways are whichever silos the membership table lists as active.
                    var redis = ParseRedis(cluster);
                    client.UseRedisClustering(o => o.ConfigurationOptions = redis);
                    client.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{InsightsClusterOptions.SectionName}:Provider '{cluster.Provider}' is not supported (use Localhost or Redis).");
            }

            client.AddInsightsStreams(builder.Configuration);
            client.UseConnectionRetryFilter<RetryUntilClusterIsUp>();
        });
        return builder;
    }

    private static ConfigurationOptions ParseRedis(InsightsClusterOptions cluster)
    {
        const string key = InsightsClusterOptions.SectionName + ":Redis:ConnectionString";
        if (string.IsNullOrWhiteSpace(cluster.Redis.ConnectionString))
        {
            throw new InvalidOperationException($"{key} is required when {InsightsClusterOptions.SectionName}:Provider is Redis.");
        }

        var parsed = ConfigurationOptions.Parse(cluster.Redis.ConnectionString);
        parsed.AbortOnConnectFail = false;
        return parsed;
    }
}

/// <summary>The API may start before the silo: keep trying to connect rather than failing the process.</summary>
internal sealed partial class RetryUntilClusterIsUp(ILogger<RetryUntilClusterIsUp> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetry(exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet ({Reason}); retrying")]
    private partial void LogRetry(string reason);
}
