namespace Insights.Silo.Hosting;

using System.Net;
using Insights.Configuration;
using Insights.Lake.Azure;
using Orleans.Configuration;
using StackExchange.Redis;

public static class ClusteringExtensions
{
    /// <summary>
    /// Membership from <c>Insights:Cluster</c>: one localhost silo, or a Redis or Azure Table membership table with the
    /// reminders beside it (so the warehouse loader's reminder survives any one silo). <c>Insights:Cluster:Membership</c> binds
    /// Orleans' <see cref="ClusterMembershipOptions"/> (probe timeouts, votes) as it is.
    /// </summary>
    public static ISiloBuilder AddInsightsClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(InsightsClusterOptions.SectionName).Get<InsightsClusterOptions>() ?? new();
        switch (options.Provider)
        {
            case InsightsClusterOptions.LocalhostProvider:
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                break;
            case InsightsClusterOptions.RedisProvider:
                var redis = ParseRedis(options);
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
                silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);
                silo.UseClusterNetwork(options);
                break;
            case InsightsClusterOptions.AzureTableProvider:
                silo.UseAzureTableMembershipAndReminders(options.AzureTable);
                silo.UseClusterNetwork(options);
                break;
            default:
                throw new InvalidOperationException(
                    $"{InsightsClusterOptions.SectionName}:Provider '{options.Provider}' is not supported (use Localhost, Redis or AzureTable).");
        }

        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(InsightsClusterOptions.SectionName + ":Membership"));
        if (options.Kubernetes)
        {
            // Addresses and the cluster and service ids come from the pod's environment (POD_IP, ORLEANS_CLUSTER_ID...).
            silo.UseKubernetesHosting();
        }

        return silo;
    }

    /// <summary>
    /// Membership and reminders in Azure Table Storage (<c>Insights:Cluster:AzureTable</c>); the settings are checked
    /// here so a mistake stops the silo naming the Insights key.
    /// </summary>
    public static ISiloBuilder UseAzureTableMembershipAndReminders(this ISiloBuilder silo, AzureTableClusterOptions options)
    {
        var tables = TableServiceClientFactory.Create(options.ConnectionString, options.ServiceUri, AzureTableClusterOptions.SectionName);
        silo.UseAzureStorageClustering(o => o.Configure(c =>
        {
            c.TableServiceClient = tables;
            c.TableName = string.IsNullOrWhiteSpace(options.MembershipTableName) ? c.TableName : options.MembershipTableName;
        }));
        silo.UseAzureTableReminderService(o => o.Configure(c =>
        {
            c.TableServiceClient = tables;
            c.TableName = string.IsNullOrWhiteSpace(options.RemindersTableName) ? c.TableName : options.RemindersTableName;
        }));
        return silo;
    }

    /// <summary>Cluster and service ids, and the endpoints other silos and clients reach this silo at.</summary>
    private static void UseClusterNetwork(this ISiloBuilder silo, InsightsClusterOptions options)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        if (options.Kubernetes)
        {
            // Kubernetes hosting fills in the pod's IP only where no address is set: give it the ports alone.
            silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (options.SiloPort, options.GatewayPort));
        }
        else
        {
            silo.ConfigureEndpoints(AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
    }

    /// <summary>Parses <c>Insights:Cluster:Redis:ConnectionString</c>; a missing or bad value stops the silo at start.</summary>
    public static ConfigurationOptions ParseRedis(InsightsClusterOptions options)
    {
        const string key = InsightsClusterOptions.SectionName + ":Redis:ConnectionString";
        if (string.IsNullOrWhiteSpace(options.Redis.ConnectionString))
        {
            throw new InvalidOperationException($"{key} is required when {InsightsClusterOptions.SectionName}:Provider is Redis.");
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Redis.ConnectionString);
            // Redis may start after the silo (compose, Kubernetes): keep trying instead of failing the first connect.
            parsed.AbortOnConnectFail = false;
            return parsed;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{key} is not a valid Redis configuration string: {ex.Message}", ex);
        }
    }

    private static IPAddress AdvertisedAddress(InsightsClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdvertisedIPAddress))
        {
            return Dns.GetHostAddresses(Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? IPAddress.Loopback;
        }

        return IPAddress.TryParse(options.AdvertisedIPAddress, out var address)
            ? address
            : throw new InvalidOperationException(
                $"{InsightsClusterOptions.SectionName}:AdvertisedIPAddress '{options.AdvertisedIPAddress}' is not an IP address.");
    }
}
