namespace Insights.Streaming.EventHubs.Kafka;

using Confluent.Kafka;
using Microsoft.Extensions.Logging;

/// <summary>A Confluent consumer assigned one partition by hand: no group membership, offsets committed explicitly.</summary>
internal sealed class KafkaPartitionConsumer : IPartitionConsumer
{
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly TopicPartition _partition;
    private readonly bool _earliest;

    public KafkaPartitionConsumer(EventHubsStreamOptions options, int partition, ILogger logger)
    {
        var clientId = $"insights-{options.Topic}-{partition}";
        _partition = new TopicPartition(options.Topic, new Partition(partition));
        _earliest = options.StartsFromEarliest;
        _consumer = new ConsumerBuilder<byte[], byte[]>(EventHubsKafkaConfig.Consumer(options, clientId))
            .SetKeyDeserializer(Deserializers.ByteArray)
            .SetValueDeserializer(Deserializers.ByteArray)
            .SetLogHandler((_, m) => KafkaClientLog.Forward(logger, m))
            .SetErrorHandler((_, e) => KafkaClientLog.Error(logger, clientId, e))
            .Build();
    }

    public long? ReadCommitted(TimeSpan timeout)
    {
        var offset = _consumer.Committed([_partition], timeout).FirstOrDefault()?.Offset;
        return offset is { IsSpecial: false } o ? o.Value : null;
    }

    public void Assign(long? offset) => _consumer.Assign(new TopicPartitionOffset(
        _partition, offset is { } o ? new Offset(o) : _earliest ? Offset.Beginning : Offset.End));

    public PartitionMessage? Poll()
    {
        // A zero timeout only takes what librdkafka's fetcher already holds: the pulling agent's thread never waits.
        var result = _consumer.Consume(TimeSpan.Zero);
        if (result is null || result.IsPartitionEOF)
        {
            return null;
        }

        var rawLanded = result.Message.Headers?.TryGetLastBytes(EventHubsMessageFormat.RawLandedHeader, out _) == true;
        return new PartitionMessage(result.Offset.Value, result.Message.Key, result.Message.Value, rawLanded);
    }

    public void Commit(long offset) => _consumer.Commit([new TopicPartitionOffset(_partition, new Offset(offset))]);

    public void Close() => _consumer.Close();

    public void Dispose() => _consumer.Dispose();
}
