namespace Insights.Streaming.Tests.EventHubs;

using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Insights.Events;
using Insights.Generator;
using Insights.Streaming.EventHubs;
using Insights.Streaming.EventHubs.Kafka;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Wire;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streams;

/// <summary>Runs only where a Kafka or an Event Hubs namespace is at hand; skipped otherwise, saying what to set.</summary>
public sealed class KafkaFactAttribute : FactAttribute
{
    public const string BootstrapVariable = "INSIGHTS_KAFKA_BOOTSTRAP";
    public const string ConnectionVariable = "INSIGHTS_KAFKA_CONNECTION";
    public const string TopicVariable = "INSIGHTS_KAFKA_TOPIC";

    public KafkaFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BootstrapVariable)))
        {
            Skip = $"No Kafka: set {BootstrapVariable} (host:port), plus {ConnectionVariable} (an Event Hubs connection string, for SASL_SSL) " +
                $"and {TopicVariable} (an existing event hub; a local Kafka gets one made) to run against a real broker.";
        }
    }
}

/// <summary>
/// The whole path on a real broker: the generator's sink produces, receivers read and commit. The consumer group is
/// new for each run and starts at the end of every partition, so only this run's messages are read.
/// </summary>
public sealed class KafkaLiveTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [KafkaFact]
    public async Task Generator_messages_are_read_in_their_videos_partitions_and_committed_offsets_advance()
    {
        var connection = Environment.GetEnvironmentVariable(KafkaFactAttribute.ConnectionVariable);
        var options = new EventHubsStreamOptions
        {
            BootstrapServers = Environment.GetEnvironmentVariable(KafkaFactAttribute.BootstrapVariable)!,
            ConnectionString = string.IsNullOrWhiteSpace(connection) ? null : connection,
            SecurityProtocol = string.IsNullOrWhiteSpace(connection) ? EventHubsStreamOptions.Plaintext : EventHubsStreamOptions.SaslSsl,
            Topic = Environment.GetEnvironmentVariable(KafkaFactAttribute.TopicVariable) is { Length: > 0 } topic ? topic : "insights-live-test",
            ConsumerGroup = "insights-live-" + Guid.NewGuid().ToString("N")[..8],
            CommitInterval = TimeSpan.FromMilliseconds(100),
        };
        options.Partitions = await EnsureTopicAsync(options);
        var starts = StartGroupAtEnd(options);

        // Produce as the generator does.
        var run = Guid.NewGuid().ToString("N")[..8];
        var videos = Enumerable.Range(0, 6).Select(i => $"live-{run}-{i}").ToList();
        var createTime = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var events = Enumerable.Range(0, 5).SelectMany(i => videos.Select(v => new WireEvent
        {
            Type = WireFields.TypeComment, Id = $"{v}-c{i}", VideoId = v, Text = "live test", CreateTime = createTime,
        })).ToList();
        using (var sink = new KafkaEventSink(new KafkaEventSinkOptions
        {
            BootstrapServers = options.BootstrapServers, ConnectionString = options.ConnectionString, Plaintext = !options.UsesSasl, Topic = options.Topic,
        }))
        {
            var results = await sink.SendAsync(events);
            Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
        }

        // Read as the pulling agents do, acknowledging every container at once.
        await using var lake = new TestLake();
        var clients = new KafkaClients(options, NullLoggerFactory.Instance);
        var receivers = Enumerable.Range(0, options.Partitions).Select(p => new EventHubsQueueAdapterReceiver(
            p, options, clients, new EventHubsMessageDecoder(new WireEventParser(new IngestLimits(), TimeProvider.System)),
            new LakeLanding(lake.Raw, lake.Quarantine), TimeProvider.System, NullLogger.Instance)).ToList();
        foreach (var r in receivers)
        {
            await r.Initialize(Timeout, CancellationToken.None);
        }

        var received = new List<(int Partition, CommentPosted Comment)>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (received.Count < events.Count && DateTime.UtcNow < deadline)
        {
            foreach (var r in receivers)
            {
                var containers = await r.GetQueueMessagesAsync(-1, CancellationToken.None);
                foreach (var c in containers.Cast<EventHubsBatchContainer>())
                {
                    received.AddRange(c.Events.OfType<CommentPosted>().Where(e => e.VideoId.Contains(run, StringComparison.Ordinal)).Select(e => (c.Partition, e)));
                }

                await r.MessagesDeliveredAsync(containers, CancellationToken.None);
            }

            await Task.Delay(50);
        }

        foreach (var r in receivers)
        {
            await r.Shutdown(Timeout, CancellationToken.None);
        }

        Assert.Equal(events.Count, received.Count);
        foreach (var video in videos)
        {
            var mine = received.Where(x => x.Comment.VideoId == video).ToList();
            Assert.All(mine, x => Assert.Equal(KafkaPartitioner.PartitionOf(video, options.Partitions), x.Partition));
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{video}-c{i}"), mine.Select(x => x.Comment.CommentId));
        }

        var committed = ReadCommitted(options);
        foreach (var group in received.GroupBy(x => x.Partition))
        {
            Assert.True(committed[group.Key] >= starts[group.Key] + group.Count(),
                $"partition {group.Key}: committed {committed[group.Key]}, expected at least {starts[group.Key]} + {group.Count()}");
        }

        Assert.Equal(events.Count, (await lake.FlushedRawAsync()).Count(r => r.Event.Text.Contains(run, StringComparison.Ordinal)));
    }

    /// <summary>The topic's partition count; a local Kafka gets the topic made, an event hub must exist.</summary>
    private static async Task<int> EnsureTopicAsync(EventHubsStreamOptions options)
    {
        using var admin = new AdminClientBuilder(EventHubsKafkaConfig.Consumer(options, "insights-live-admin")).Build();
        var topic = admin.GetMetadata(options.Topic, Timeout).Topics.FirstOrDefault();
        if (topic is { Error.IsError: false, Partitions.Count: > 0 })
        {
            return topic.Partitions.Count;
        }

        Assert.False(options.UsesSasl, $"Event hub '{options.Topic}' not found: create it in the namespace (or set {KafkaFactAttribute.TopicVariable}).");
        try
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = options.Topic, NumPartitions = 4, ReplicationFactor = 1 }]);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
        }

        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            topic = admin.GetMetadata(options.Topic, Timeout).Topics.FirstOrDefault();
            if (topic is { Error.IsError: false, Partitions.Count: > 0 } || DateTime.UtcNow > deadline)
            {
                return topic?.Partitions.Count ?? throw new InvalidOperationException($"Topic {options.Topic} did not appear.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Commits the end of every partition for the new group; returns those offsets.</summary>
    private static long[] StartGroupAtEnd(EventHubsStreamOptions options)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(EventHubsKafkaConfig.Consumer(options, "insights-live-setup")).Build();
        var ends = Enumerable.Range(0, options.Partitions)
            .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(options.Topic, p), Timeout).High.Value)
            .ToArray();
        consumer.Commit(ends.Select((offset, p) => new TopicPartitionOffset(options.Topic, p, offset)));
        return ends;
    }

    private static long[] ReadCommitted(EventHubsStreamOptions options)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(EventHubsKafkaConfig.Consumer(options, "insights-live-check")).Build();
        return consumer.Committed(Enumerable.Range(0, options.Partitions).Select(p => new TopicPartition(options.Topic, p)), Timeout)
            .OrderBy(t => t.Partition.Value)
            .Select(t => t.Offset.Value)
            .ToArray();
    }
}
