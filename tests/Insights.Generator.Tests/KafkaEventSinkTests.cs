namespace Insights.Generator.Tests;

using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using Insights.Wire;

public class KafkaEventSinkTests
{
    private static List<WireEvent> Events(int count) =>
        DatasetGenerator.Generate(Datasets.Small()).Events.Take(count).Select(e => e.Event).ToList();

    [Fact]
    public async Task Every_event_is_one_message_keyed_by_its_video_and_accepted_once_delivered()
    {
        var producer = new FakeProducer();
        using var sink = new KafkaEventSink(producer);
        var events = Events(300);

        var results = await sink.SendAsync(events);

        Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
        Assert.Equal(events.Count, producer.Sent.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (key, value) = producer.Sent[i];
            Assert.Equal(events[i].Type == WireFields.TypeVideo ? events[i].Id : events[i].VideoId, key);
            Assert.Equal(WireJson.Serialize(events[i]), Encoding.UTF8.GetString(value));
        }

        Assert.Contains(events, e => e.Type == WireFields.TypeVideo);
        Assert.Equal(0, sink.TransientFailures);
    }

    [Fact]
    public async Task Transient_failures_are_answered_retry_and_a_message_the_hub_refuses_is_rejected()
    {
        var events = Events(6);
        var producer = new FakeProducer(i => i switch
        {
            1 => new KafkaException(ErrorCode.Local_MsgTimedOut),
            2 => new KafkaException(ErrorCode.Local_QueueFull),
            3 => new KafkaException(ErrorCode.NotLeaderForPartition),
            4 => new KafkaException(ErrorCode.MsgSizeTooLarge),
            _ => null,
        });
        using var sink = new KafkaEventSink(producer);

        var results = await sink.SendAsync(events);

        Assert.Equal(
            [SinkStatus.Accepted, SinkStatus.Retry, SinkStatus.Retry, SinkStatus.Retry, SinkStatus.Rejected, SinkStatus.Accepted],
            results.Select(r => r.Status));
        Assert.StartsWith("Local_MsgTimedOut", results[1].Error);
        Assert.Equal(3, sink.TransientFailures);
    }

    [Fact]
    public async Task A_destination_that_fails_for_good_throws_with_what_did_get_through()
    {
        var producer = new FakeProducer(i => i == 2 ? new KafkaException(new Error(ErrorCode.SaslAuthenticationFailed, "bad key")) : null);
        using var sink = new KafkaEventSink(producer);

        var ex = await Assert.ThrowsAsync<EventSinkException>(() => sink.SendAsync(Events(4)));

        Assert.Contains("SaslAuthenticationFailed", ex.Message);
        Assert.Equal([SinkStatus.Accepted, SinkStatus.Accepted, null, SinkStatus.Accepted], ex.PartialResults!.Select(r => r?.Status));
    }

    [Fact]
    public async Task An_event_without_a_video_id_is_rejected_unsent()
    {
        var producer = new FakeProducer();
        using var sink = new KafkaEventSink(producer);

        var result = Assert.Single(await sink.SendAsync([new WireEvent { Type = WireFields.TypeComment, Id = "c1", Text = "x" }]));

        Assert.Equal(SinkStatus.Rejected, result.Status);
        Assert.Empty(producer.Sent);
    }

    [Theory]
    [InlineData(ErrorCode.Local_MsgTimedOut, SinkStatus.Retry)]
    [InlineData(ErrorCode.Local_AllBrokersDown, SinkStatus.Retry)]
    [InlineData(ErrorCode.Local_Transport, SinkStatus.Retry)]
    [InlineData(ErrorCode.RequestTimedOut, SinkStatus.Retry)]
    [InlineData(ErrorCode.ThrottlingQuotaExceeded, SinkStatus.Retry)]
    [InlineData(ErrorCode.MsgSizeTooLarge, SinkStatus.Rejected)]
    [InlineData(ErrorCode.InvalidMsg, SinkStatus.Rejected)]
    [InlineData(ErrorCode.TopicAuthorizationFailed, null)]
    [InlineData(ErrorCode.Local_UnknownTopic, null)]
    [InlineData(ErrorCode.Local_Authentication, null)]
    public void Errors_are_classified(ErrorCode code, SinkStatus? expected) =>
        Assert.Equal(expected, KafkaEventSink.Classify(new Error(code)));

    [Fact]
    public void Fatal_errors_fail_the_run_whatever_their_code() =>
        Assert.Null(KafkaEventSink.Classify(new Error(ErrorCode.Local_MsgTimedOut, "fenced", isFatal: true)));

    [Fact]
    public async Task With_no_broker_the_real_client_answers_retry_once_the_delivery_timeout_passes()
    {
        using var sink = new KafkaEventSink(new KafkaEventSinkOptions
        {
            BootstrapServers = "127.0.0.1:1",
            Plaintext = true,
            DeliveryTimeout = TimeSpan.FromSeconds(2),
        });

        var results = await sink.SendAsync(Events(3));

        Assert.All(results, r => Assert.Equal(SinkStatus.Retry, r.Status));
        Assert.Equal(3, sink.TransientFailures);
    }

    /// <summary>Records messages in call order and fails the ones a test picks, by index.</summary>
    private sealed class FakeProducer(Func<int, KafkaException?>? fail = null) : IKafkaMessageProducer
    {
        private readonly ConcurrentDictionary<int, (string Key, byte[] Value)> _sent = new();
        private int _calls;

        public List<(string Key, byte[] Value)> Sent => _sent.OrderBy(p => p.Key).Select(p => p.Value).ToList();

        public async Task ProduceAsync(string key, byte[] value, CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref _calls) - 1;
            await Task.Yield();
            if (fail?.Invoke(index) is { } ex)
            {
                throw ex;
            }

            _sent[index] = (key, value);
        }

        public void Dispose()
        {
        }
    }
}
