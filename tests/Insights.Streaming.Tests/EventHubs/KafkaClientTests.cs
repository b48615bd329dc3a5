namespace Insights.Streaming.Tests.EventHubs;

using Insights.Streaming.EventHubs;
using Insights.Streaming.EventHubs.Kafka;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Wire;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>The real Confluent clients, without a broker: librdkafka takes the settings, and no broker is handled.</summary>
public class KafkaClientTests
{
    private static EventHubsStreamOptions Unreachable(bool sasl) => new()
    {
        // Nothing listens on port 1: connections are refused at once.
        BootstrapServers = "127.0.0.1:1",
        SecurityProtocol = sasl ? EventHubsStreamOptions.SaslSsl : EventHubsStreamOptions.Plaintext,
        ConnectionString = sasl ? "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=c2VjcmV0" : null,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Librdkafka_accepts_the_consumer_and_producer_settings(bool sasl)
    {
        var clients = new KafkaClients(Unreachable(sasl), NullLoggerFactory.Instance);

        using var consumer = clients.CreateConsumer(1);
        consumer.Assign(null);
        Assert.Null(consumer.Poll());
        using var producer = clients.CreateProducer();
    }

    [Fact]
    public async Task Without_a_broker_the_receiver_starts_nothing_reads_nothing_and_does_not_throw()
    {
        var options = Unreachable(sasl: false);
        await using var lake = new TestLake();
        var receiver = new EventHubsQueueAdapterReceiver(
            0, options, new KafkaClients(options, NullLoggerFactory.Instance),
            new EventHubsMessageDecoder(new WireEventParser(new IngestLimits(), TimeProvider.System)),
            new LakeLanding(lake.Raw, lake.Quarantine), TimeProvider.System, NullLogger.Instance);

        await receiver.Initialize(TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Null(receiver.Checkpoint);
        Assert.Empty(await receiver.GetQueueMessagesAsync(-1, CancellationToken.None));
        await receiver.Shutdown(TimeSpan.FromSeconds(1), CancellationToken.None);
    }
}
