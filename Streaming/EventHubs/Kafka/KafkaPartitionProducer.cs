namespace Insights.Streaming.EventHubs.Kafka;

using Confluent.Kafka;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Orleans side's producer, shared by all streams of the provider. Messages go to the partition the caller chose
/// (Kafka's own partitioner for the key, computed by <see cref="KafkaPartitioner"/>), so the API writes only to the
/// partitions the silos read. librdkafka keeps the order of one partition's messages except when it retries a failed
/// request; grains tolerate that (cumulative counters, comment ids, windows by event time).
/// </summary>
internal sealed class KafkaPartitionProducer : IPartitionProducer
{
    private static readonly byte[] Yes = [1];
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly string _topic;

    public KafkaPartitionProducer(EventHubsStreamOptions options, ILogger logger)
    {
        var clientId = $"insights-{options.Topic}-producer";
        _topic = options.Topic;
        _producer = new ProducerBuilder<byte[], byte[]>(EventHubsKafkaConfig.Producer(options, clientId))
            .SetKeySerializer(Serializers.ByteArray)
            .SetValueSerializer(Serializers.ByteArray)
            .SetLogHandler((_, m) => KafkaClientLog.Forward(logger, m))
            .SetErrorHandler((_, e) => KafkaClientLog.Error(logger, clientId, e))
            .Build();
    }

    public async Task ProduceAsync(int partition, byte[] key, IReadOnlyList<byte[]> values, bool rawLanded, CancellationToken cancellationToken)
    {
        var target = new TopicPartition(_topic, new Partition(partition));
        var deliveries = new Task[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var message = new Message<byte[], byte[]> { Key = key, Value = values[i] };
            if (rawLanded)
            {
                message.Headers = new Headers { { EventHubsMessageFormat.RawLandedHeader, Yes } };
            }

            deliveries[i] = _producer.ProduceAsync(target, message, cancellationToken);
        }

        await Task.WhenAll(deliveries);
    }

    public void Dispose()
    {
        // Whatever is still queued had no caller waiting for it (callers await delivery), so a short flush is enough.
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
