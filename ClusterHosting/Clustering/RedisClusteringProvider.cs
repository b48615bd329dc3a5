namespace Insights.ClusterHosting.Clustering;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using StackExchange.Redis;

/// <summary>
/// Membership (and, on silos, reminders) in Redis, <c>Insights:Cluster:Redis:ConnectionString</c>; clients take as
/// gateways whichever silos the table lists as active. The connection string is parsed when options are first read,
/// after the validator has checked it.
/// </summary>
internal sealed class RedisClusteringProvider : IClusteringProvider
{
    public const string Name = InsightsClusterOptions.RedisProvider;

    private const string ConnectionStringKey = InsightsClusterOptions.SectionName + ":Redis:ConnectionString";

    public void Configure(ISiloBuilder silo, string? name, IConfigurationSection section)
    {
        silo.UseRedisClustering(_ => { });
        silo.UseRedisReminderService(_ => { });
        silo.Services.AddOptions<RedisClusteringOptions>().Configure<IOptions<InsightsClusterOptions>>((o, c) => o.ConfigurationOptions = Parse(c.Value.Redis));
        silo.Services.AddOptions<RedisReminderTableOptions>().Configure<IOptions<InsightsClusterOptions>>((o, c) => o.ConfigurationOptions = Parse(c.Value.Redis));
        silo.UseClusterNetwork();
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section)
    {
        client.UseRedisClustering(_ => { });
        client.Services.AddOptions<RedisClusteringOptions>().Configure<IOptions<InsightsClusterOptions>>((o, c) => o.ConfigurationOptions = Parse(c.Value.Redis));
        client.Services.AddOptions<ClusterOptions>().Configure<IOptions<InsightsClusterOptions>>((o, c) => (o.ClusterId, o.ServiceId) = (c.Value.ClusterId, c.Value.ServiceId));
    }

    /// <summary>Parses the connection string; a missing or bad value throws naming the key.</summary>
    public static ConfigurationOptions Parse(RedisClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"{ConnectionStringKey} is required when {InsightsClusterOptions.SectionName}:Provider is Redis.");
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.ConnectionString);
            // Redis may start after the silo (compose, Kubernetes): keep trying instead of failing the first connect.
            parsed.AbortOnConnectFail = false;
            return parsed;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{ConnectionStringKey} is not a valid Redis configuration string: {ex.Message}", ex);
        }
    }
}
