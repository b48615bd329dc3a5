namespace Insights.Streaming.EventHubs.Kafka;

using Microsoft.Extensions.Logging;

/// <summary>Confluent clients for the hub.</summary>
internal sealed class KafkaClients(EventHubsStreamOptions options, ILoggerFactory loggers) : IKafkaClients
{
    private readonly ILogger _logger = loggers.CreateLogger("Insights.Streaming.EventHubs.Kafka");

    public IPartitionConsumer CreateConsumer(int partition) => new KafkaPartitionConsumer(options, partition, _logger);

    public IPartitionProducer CreateProducer() => new KafkaPartitionProducer(options, _logger);
}
