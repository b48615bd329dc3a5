namespace Insights.Deployment.Tests.Configuration;

/// <summary>
/// What a clustered deployment (several silos and API processes, each in its own container) must configure, checked
/// on one process's environment: shared membership (Redis), durable streams every process reaches (Storage queues or
/// Event Hubs) with their connection, grain state (silo) and the lake in Blob Storage with their connection, and API
/// authentication. The embedded defaults (Localhost, Memory streams, File state, Local lake) only work in one process
/// on one machine. Messages name the configuration key.
/// </summary>
public static class ClusterShape
{
    public enum Role
    {
        Silo,
        Api,
    }

    /// <summary>Settings the silos and the API must agree on (they read the same cluster, streams and lake).</summary>
    public static readonly IReadOnlyList<string> SharedKeys =
    [
        "Insights:Cluster:Provider", "Insights:Cluster:ClusterId", "Insights:Cluster:ServiceId", "Insights:Cluster:Redis:ConnectionString",
        "Insights:Cluster:AzureTable:ConnectionString", "Insights:Cluster:AzureTable:ServiceUri", "Insights:Cluster:AzureTable:MembershipTableName",
        "Insights:Cluster:Tls:Enabled",
        "Insights:Streams:Provider", "Insights:Streams:Queues",
        "Insights:Streams:AzureQueue:ConnectionString", "Insights:Streams:AzureQueue:ServiceUri", "Insights:Streams:AzureQueue:QueuePrefix",
        "Insights:Streams:EventHubs:ConnectionString", "Insights:Streams:EventHubs:FullyQualifiedNamespace", "Insights:Streams:EventHubs:Path",
        "Insights:Lake:Provider", "Insights:Lake:AzureBlob:ConnectionString", "Insights:Lake:AzureBlob:AccountUrl",
        "Insights:Lake:AzureBlob:RawContainer", "Insights:Lake:AzureBlob:ProcessedContainer", "Insights:Lake:AzureBlob:QuarantineContainer",
    ];

    /// <summary>The environment as configuration keys (':' separated, case-insensitive); non-key variables kept by name.</summary>
    public static Dictionary<string, string> AsKeys(IReadOnlyDictionary<string, string> environment)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            keys[ConfigurationCatalog.KeyOfVariable(name) ?? name] = value;
        }

        return keys;
    }

    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> environment, Role role, bool severalApiInstances = false)
    {
        var config = AsKeys(environment);
        var problems = new List<string>();

        string? Get(string key) => config.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

        void Require(string key, string why)
        {
            if (Get(key) is null)
            {
                problems.Add($"{key} is not set: {why}");
            }
        }

        void OneOf(string a, string b, string why)
        {
            if ((Get(a) is null) == (Get(b) is null))
            {
                problems.Add($"set exactly one of {a} and {b}: {why}");
            }
        }

        void Expect(string key, string[] allowed, string why)
        {
            var value = Get(key);
            if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"{key} is '{value ?? "(default)"}', expected {string.Join(" or ", allowed)}: {why}");
            }
        }

        // Membership.
        Expect("Insights:Cluster:Provider", ["Redis", "AzureTable"], "Localhost clustering is one silo on one machine");
        switch (Get("Insights:Cluster:Provider"))
        {
            case "Redis":
                Require("Insights:Cluster:Redis:ConnectionString", "the Redis membership table");
                break;
            case "AzureTable":
                OneOf("Insights:Cluster:AzureTable:ConnectionString", "Insights:Cluster:AzureTable:ServiceUri", "how to reach the membership and reminder tables");
                break;
        }

        if (string.Equals(Get("Insights:Cluster:Tls:Enabled"), "true", StringComparison.OrdinalIgnoreCase)
            && Get("Insights:Cluster:Tls:CertificatePath") is null && Get("Insights:Cluster:Tls:CertificateThumbprint") is null
            && Get("Insights:Cluster:Tls:CertificateSubject") is null)
        {
            problems.Add("Insights:Cluster:Tls:Enabled is true but no certificate is set (CertificatePath, CertificateThumbprint or CertificateSubject)");
        }

        // Streams.
        Expect("Insights:Streams:Provider", ["AzureQueue", "EventHubs"], "memory streams live in one process: the API's events would never reach a silo");
        switch (Get("Insights:Streams:Provider"))
        {
            case "AzureQueue":
                OneOf("Insights:Streams:AzureQueue:ConnectionString", "Insights:Streams:AzureQueue:ServiceUri", "how to reach the Storage queues");
                break;
            case "EventHubs":
                OneOf("Insights:Streams:EventHubs:ConnectionString", "Insights:Streams:EventHubs:FullyQualifiedNamespace", "how to reach the event hub");
                if (role == Role.Silo)
                {
                    OneOf("Insights:Streams:EventHubs:Checkpoint:ConnectionString", "Insights:Streams:EventHubs:Checkpoint:TableServiceUri",
                        "where the silos keep each partition's checkpoint");
                }

                break;
        }

        // Lake (both processes write it).
        Expect("Insights:Lake:Provider", ["AzureBlob"], "a Local lake is a folder of one container: the silos, the API and the warehouse must share one");
        if (Get("Insights:Lake:Provider") == "AzureBlob")
        {
            OneOf("Insights:Lake:AzureBlob:ConnectionString", "Insights:Lake:AzureBlob:AccountUrl", "how to reach the lake's storage account");
        }

        if (role == Role.Silo)
        {
            Expect("Insights:Storage:Provider", ["AzureBlob"], "File or Memory grain state stays with one silo: a grain that moves would lose its state");
            if (Get("Insights:Storage:Provider") == "AzureBlob")
            {
                OneOf("Insights:Storage:AzureBlob:ConnectionString", "Insights:Storage:AzureBlob:AccountUrl", "how to reach the grain-state account");
            }

            if (Get("Insights:Sentiment:Analyzer") is "Azure" or "AzureWithLocalFallback")
            {
                Require("Insights:Sentiment:Azure:Endpoint", "the AI Language endpoint");
            }

            if (Get("Insights:Warehouse:Provider") == "Synapse")
            {
                Require("Insights:Warehouse:Synapse:ConnectionString", "the dedicated SQL pool");
                Require("Insights:Warehouse:Synapse:StorageUrl", "where COPY INTO reads the processed zone");
            }
        }
        else
        {
            var keys = Get("Insights:Auth:ApiKeys:0:Hash") is not null && Get("Insights:Auth:ApiKeys:0:Name") is not null
                && Get("Insights:Auth:ApiKeys:0:Scopes:0") is not null;
            var jwt = Get("Insights:Auth:Jwt:Authority") is not null || Get("Insights:Auth:Jwt:SigningKey") is not null;
            var development = string.Equals(Get("ASPNETCORE_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase)
                && Get("Insights:Auth:DevelopmentKey") is not null;
            if (!keys && !jwt && !development)
            {
                problems.Add(
                    "the API has no credential and refuses to start: set Insights:Auth:ApiKeys:0:Name, Hash and Scopes:0, or " +
                    "Insights:Auth:Jwt:Authority, or (Development environment only) Insights:Auth:DevelopmentKey");
            }

            if (severalApiInstances)
            {
                Require("Insights:Auth:StreamTokens:SigningKey", "with several API pods a dashboard stream token from one must open a stream on another");
            }
        }

        return problems;
    }

    /// <summary>Shared settings the silo and the API set differently (both unset counts as agreeing).</summary>
    public static IReadOnlyList<string> Disagreements(IReadOnlyDictionary<string, string> silo, IReadOnlyDictionary<string, string> api)
    {
        var s = AsKeys(silo);
        var a = AsKeys(api);
        return SharedKeys
            .Where(k => !string.Equals(s.GetValueOrDefault(k), a.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => $"{k}: silo '{s.GetValueOrDefault(k) ?? "(unset)"}', API '{a.GetValueOrDefault(k) ?? "(unset)"}'")
            .ToList();
    }
}
