namespace Insights.Streaming.EventHubs;

using System.Text.RegularExpressions;

/// <summary>
/// Azure Event Hubs reached through its Kafka endpoint (or any Kafka, for local runs). Bound from
/// <c>Insights:Streams:EventHubs</c>; the silo (reading) and the API (publishing) must agree on it.
/// </summary>
public sealed partial class EventHubsStreamOptions
{
    public const string SectionName = "Insights:Streams:EventHubs";

    public const string SaslSsl = "SaslSsl";
    public const string Plaintext = "Plaintext";
    public const string Earliest = "Earliest";
    public const string Latest = "Latest";

    /// <summary>The namespace's Kafka endpoint, e.g. <c>mynamespace.servicebus.windows.net:9093</c>.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>
    /// The Event Hubs connection string (a shared access policy of the namespace or the hub); sent as the SASL PLAIN
    /// password with the user <c>$ConnectionString</c>. A secret: give it through the environment, never a file in git.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>SaslSsl</c> (Event Hubs) or <c>Plaintext</c> (a local Kafka without authentication).</summary>
    public string SecurityProtocol { get; set; } = SaslSsl;

    /// <summary>The event hub (Kafka topic).</summary>
    public string Topic { get; set; } = "video-events";

    /// <summary>Kafka group id under which read offsets are committed; no group membership is used.</summary>
    public string ConsumerGroup { get; set; } = "$Default";

    /// <summary>The hub's partition count: one Orleans queue per partition. Must equal the hub's, or partitions go unread.</summary>
    public int Partitions { get; set; } = 4;

    /// <summary>Where a partition without a committed offset starts: <c>Earliest</c> or <c>Latest</c>.</summary>
    public string StartFrom { get; set; } = Earliest;

    /// <summary>Most Kafka messages taken from one partition per read of the pulling agent.</summary>
    public int MaxMessagesPerRead { get; set; } = 500;

    /// <summary>
    /// Least time between two offset commits of a partition (shutdown always commits). Each commit first flushes the
    /// raw and quarantine writers, which cuts files; 30 seconds matches the lake's default file age, so commits add few
    /// files, and a crash re-reads at most that much (plus what was in the cache), which idempotent grains absorb.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesSasl => string.Equals(SecurityProtocol, SaslSsl, StringComparison.OrdinalIgnoreCase);

    public bool StartsFromEarliest => string.Equals(StartFrom, Earliest, StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first offending key of <paramref name="sectionName"/>.</summary>
    public void Validate(string sectionName)
    {
        void Require(bool ok, string key, string problem)
        {
            if (!ok)
            {
                throw new InvalidOperationException($"{sectionName}:{key} {problem}.");
            }
        }

        Require(!string.IsNullOrWhiteSpace(BootstrapServers), nameof(BootstrapServers),
            "is required (the namespace's Kafka endpoint, e.g. mynamespace.servicebus.windows.net:9093)");
        Require(SecurityProtocol is not null && (UsesSasl || string.Equals(SecurityProtocol, Plaintext, StringComparison.OrdinalIgnoreCase)),
            nameof(SecurityProtocol), $"must be {SaslSsl} or {Plaintext}, not '{SecurityProtocol}'");
        if (UsesSasl)
        {
            // Never echo the value: it is a secret.
            Require(!string.IsNullOrWhiteSpace(ConnectionString), nameof(ConnectionString),
                $"is required with {SaslSsl} (the Event Hubs connection string; set it through the environment)");
            Require(ConnectionString!.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase)
                && ConnectionString.Contains("SharedAccessKey", StringComparison.OrdinalIgnoreCase),
                nameof(ConnectionString), "is not an Event Hubs connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...)");
        }

        Require(Topic is not null && TopicName().IsMatch(Topic), nameof(Topic),
            $"must be 1 to 249 characters of letters, digits, '.', '_' or '-', not '{Topic}'");
        Require(!string.IsNullOrWhiteSpace(ConsumerGroup), nameof(ConsumerGroup), "is required");
        Require(Partitions is >= 1 and <= 2048, nameof(Partitions), $"must be the hub's partition count, 1 to 2048 (got {Partitions})");
        Require(StartFrom is not null && (StartsFromEarliest || string.Equals(StartFrom, Latest, StringComparison.OrdinalIgnoreCase)),
            nameof(StartFrom), $"must be {Earliest} or {Latest}, not '{StartFrom}'");
        Require(MaxMessagesPerRead is >= 1 and <= 100_000, nameof(MaxMessagesPerRead), $"must be 1 to 100000 (got {MaxMessagesPerRead})");
        Require(CommitInterval >= TimeSpan.FromMilliseconds(100) && CommitInterval <= TimeSpan.FromHours(1), nameof(CommitInterval),
            $"must be between 100 ms and 1 hour (got {CommitInterval})");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,249}$")]
    private static partial Regex TopicName();
}
