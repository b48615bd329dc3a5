namespace Insights.Api.Hosting;

using Insights.Configuration;
using Insights.Lake.Azure;
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
                case InsightsClusterOptions.AzureTableProvider:
                    // Gateways are the active silos of the Azure Table membership table.
                    client.UseAzureTableGateways(cluster.AzureTable);
                    client.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{InsightsClusterOptions.SectionName}:Provider '{cluster.Provider}' is not supported (use Localhost, Redis or AzureTable).");
            }

            client.UseInsightsClusterTls(cluster.Tls);

            client.AddInsightsStreams(builder.Configuration);
            client.UseConnectionRetryFilter<RetryUntilClusterIsUp>();
        });
        return builder;
    }

    /// <summary>The gateway list from the silos' Azure Table membership table (<c>Insights:Cluster:AzureTable</c>).</summary>
    public static IClientBuilder UseAzureTableGateways(this IClientBuilder client, AzureTableClusterOptions options)
    {
        var tables = TableServiceClientFactory.Create(options.ConnectionString, options.ServiceUri, AzureTableClusterOptions.SectionName);
        return client.UseAzureStorageClustering(o => o.Configure(g =>
        {
            g.TableServiceClient = tables;
            g.TableName = string.IsNullOrWhiteSpace(options.MembershipTableName) ? g.TableName : options.MembershipTableName;
        }));
    }

    /// <summary>TLS to the gateways when <c>Insights:Cluster:Tls:Enabled</c>, with the silos' rules (<see cref="ClusterTls"/>).</summary>
    public static IClientBuilder UseInsightsClusterTls(this IClientBuilder client, ClusterTlsOptions options)
    {
        if (!options.Enabled)
        {
            return client;
        }

        var certificate = ClusterTls.LoadCertificate(options);
        return client.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate, options));
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
