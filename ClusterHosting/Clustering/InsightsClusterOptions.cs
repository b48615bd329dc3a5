namespace Insights.ClusterHosting.Clustering;

using Insights.ClusterHosting.Tls;

/// <summary>
/// How silos find each other and clients find silos. Section <c>Insights:Cluster</c>; read by the silo and the API
/// alike so both sides always agree.
/// </summary>
public sealed class InsightsClusterOptions
{
    public const string SectionName = "Insights:Cluster";

    public const string LocalhostProvider = "Localhost";

    public const string RedisProvider = "Redis";

    public const string AzureTableProvider = "AzureTable";

    /// <summary>
    /// <c>Localhost</c>: one silo on this machine (the embedded default). <c>Redis</c>: any number of silos whose
    /// membership table (and reminders) live in Redis (<c>Insights:Cluster:Redis:ConnectionString</c>; Azure Cache
    /// for Redis in Azure). <c>AzureTable</c>: membership and reminders in Azure Table Storage
    /// (<c>Insights:Cluster:AzureTable</c>), so an Azure deployment needs no Redis.
    /// </summary>
    public string Provider { get; set; } = LocalhostProvider;

    public string ClusterId { get; set; } = "insights-local";

    public string ServiceId { get; set; } = "insights";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients reach this silo at (Redis clustering outside Kubernetes). Empty: the
    /// first non-loopback address of the machine.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Run under Microsoft.Orleans.Hosting.Kubernetes: addresses and ids from the pod's environment.</summary>
    public bool Kubernetes { get; set; }

    public RedisClusterOptions Redis { get; set; } = new();

    public AzureTableClusterOptions AzureTable { get; set; } = new();

    public ClusterTlsOptions Tls { get; set; } = new();
}

public sealed class RedisClusterOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>host:6380,password=...,ssl=True</c>. A secret.</summary>
    public string? ConnectionString { get; set; }
}
