namespace Insights.Streaming.EventHubs;

/// <summary>One Kafka message as the receiver needs it.</summary>
internal sealed record PartitionMessage(long Offset, byte[]? Key, byte[]? Value, bool RawLanded = false);

/// <summary>
/// Reads one partition of the hub for one consumer group: the small part of a Kafka consumer the receiver uses, so
/// its logic is tested without a broker. Methods may block (they are Kafka calls) and throw
/// <see cref="Confluent.Kafka.KafkaException"/>; the receiver never calls two at once.
/// </summary>
internal interface IPartitionConsumer : IDisposable
{
    /// <summary>The group's committed offset for the partition, or null when it has none.</summary>
    long? ReadCommitted(TimeSpan timeout);

    /// <summary>Starts reading at <paramref name="offset"/>, or where the options' StartFrom says when null.</summary>
    void Assign(long? offset);

    /// <summary>The next message already fetched, or null at once when there is none (never waits for the network).</summary>
    PartitionMessage? Poll();

    /// <summary>Commits <paramref name="offset"/> (the next offset to read) for the group.</summary>
    void Commit(long offset);

    void Close();
}

/// <summary>
/// Makes the provider's Kafka clients. The default talks to the hub; another can be registered as a keyed service
/// under the provider's name (tests put an in-memory hub there).
/// </summary>
internal interface IKafkaClients
{
    IPartitionConsumer CreateConsumer(int partition);

    IPartitionProducer CreateProducer();
}
