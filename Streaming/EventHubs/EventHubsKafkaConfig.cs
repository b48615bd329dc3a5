namespace Insights.Streaming.EventHubs;

using Confluent.Kafka;

/// <summary>
/// Confluent client settings for Event Hubs' Kafka endpoint, following Microsoft's recommended configuration for
/// Kafka clients: Azure drops idle TCP connections after 240 s, so connections and metadata are refreshed before that.
/// </summary>
public static class EventHubsKafkaConfig
{
    /// <summary>The SASL user Event Hubs expects when the password is a connection string.</summary>
    public const string SaslUser = "$ConnectionString";

    private const int AzureSafeIdleMs = 180_000;

    /// <summary>
    /// A consumer that only ever reads partitions it is assigned: the Orleans queue balancer decides who reads what,
    /// so there is no group membership, and offsets are committed by hand once delivered (never automatically).
    /// </summary>
    public static ConsumerConfig Consumer(EventHubsStreamOptions options, string clientId)
    {
        var config = new ConsumerConfig
        {
            GroupId = options.ConsumerGroup,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            AutoOffsetReset = options.StartsFromEarliest ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest,
            AllowAutoCreateTopics = false,
            // librdkafka prefetches up to 64 MiB per consumer by default; a silo may own many partitions, and while
            // the Orleans cache is under pressure nobody drains the prefetch queue.
            QueuedMaxMessagesKbytes = 16 * 1024,
        };
        Common(config, options, clientId);
        return config;
    }

    /// <summary>
    /// A producer keyed by video id. Murmur2 is the Java client's partitioner, so any Kafka producer (this one, the
    /// generator, a Java job) puts a video's events in the same partition.
    /// </summary>
    public static ProducerConfig Producer(EventHubsStreamOptions options, string clientId)
    {
        var config = new ProducerConfig
        {
            Partitioner = Partitioner.Murmur2Random,
            Acks = Acks.All,
            // Event Hubs closes connections that send requests over 1,046,528 bytes.
            MessageMaxBytes = 1_000_000,
            // Event Hubs' own minimum is 20 s; below it client behaviour is not guaranteed.
            RequestTimeoutMs = 60_000,
            MessageTimeoutMs = 120_000,
            LingerMs = 5,
        };
        Common(config, options, clientId);
        return config;
    }

    private static void Common(ClientConfig config, EventHubsStreamOptions options, string clientId)
    {
        config.BootstrapServers = options.BootstrapServers;
        config.ClientId = clientId;
        config.SocketKeepaliveEnable = true;
        config.MetadataMaxAgeMs = AzureSafeIdleMs;
        config.ConnectionsMaxIdleMs = AzureSafeIdleMs;
        if (options.UsesSasl)
        {
            config.SecurityProtocol = SecurityProtocol.SaslSsl;
            config.SaslMechanism = SaslMechanism.Plain;
            config.SaslUsername = SaslUser;
            config.SaslPassword = options.ConnectionString;
        }
        else
        {
            config.SecurityProtocol = SecurityProtocol.Plaintext;
        }
    }
}
