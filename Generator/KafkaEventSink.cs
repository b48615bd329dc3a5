namespace Insights.Generator;

using System.Text.Json;
using Confluent.Kafka;
using Insights.Wire;

/// <summary>Where <see cref="KafkaEventSink"/> publishes. The connection string is a secret: it comes from the environment.</summary>
public sealed record KafkaEventSinkOptions
{
    public const string ConnectionEnvironmentVariable = "INSIGHTS_EVENTHUBS_CONNECTION";
    public const string DefaultTopic = "video-events";

    /// <summary>The Kafka endpoint, e.g. <c>mynamespace.servicebus.windows.net:9093</c>.</summary>
    public string BootstrapServers { get; init; } = "";

    /// <summary>The Event Hubs connection string (SASL PLAIN password, user <c>$ConnectionString</c>); null with <see cref="Plaintext"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>A local Kafka without TLS or authentication instead of Event Hubs.</summary>
    public bool Plaintext { get; init; }

    public string Topic { get; init; } = DefaultTopic;

    /// <summary>How long a message may wait for the hub before it is answered "retry".</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The options the command line asks for, with the connection string from <see cref="ConnectionEnvironmentVariable"/>;
    /// without <c>--bootstrap</c>, the endpoint comes from the connection string. Throws <see cref="ArgumentException"/>.
    /// </summary>
    public static KafkaEventSinkOptions From(GeneratorCommandLine cl, Func<string, string?> environment)
    {
        var connection = cl.KafkaPlaintext ? null : environment(ConnectionEnvironmentVariable);
        if (!cl.KafkaPlaintext && string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException(
                $"--sink eventhubs needs the Event Hubs connection string in the environment variable {ConnectionEnvironmentVariable} " +
                "(never on the command line), or --plaintext for a local Kafka.");
        }

        var bootstrap = cl.Bootstrap ?? (connection is null ? null : BootstrapOf(connection))
            ?? throw new ArgumentException("--sink eventhubs needs --bootstrap HOST:PORT (or an Event Hubs connection string to derive it from).");
        var options = new KafkaEventSinkOptions { BootstrapServers = bootstrap, ConnectionString = connection, Plaintext = cl.KafkaPlaintext, Topic = cl.Topic };
        options.Validate();
        return options;
    }

    /// <summary>The Kafka endpoint of an Event Hubs connection string (<c>Endpoint=sb://NAME.servicebus.windows.net/</c> gives NAME...:9093).</summary>
    public static string? BootstrapOf(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("Endpoint=", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(part["Endpoint=".Length..], UriKind.Absolute, out var endpoint) && endpoint.Host.Length > 0)
            {
                return endpoint.Host + ":9093";
            }
        }

        return null;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("BootstrapServers is required.", nameof(BootstrapServers));
        }

        if (!Plaintext && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("ConnectionString is required unless Plaintext.", nameof(ConnectionString));
        }

        if (string.IsNullOrWhiteSpace(Topic))
        {
            throw new ArgumentException("Topic is required.", nameof(Topic));
        }

        if (DeliveryTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("DeliveryTimeout must be at least one second.", nameof(DeliveryTimeout));
        }
    }
}

/// <summary>Publishes one keyed message and returns once the broker has it; throws <see cref="KafkaException"/> otherwise.</summary>
public interface IKafkaMessageProducer : IDisposable
{
    Task ProduceAsync(string key, byte[] value, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes events to Event Hubs through its Kafka endpoint, in the format the Insights silo reads from it: one message
/// per event, keyed by video id (Kafka's murmur2 partitioner then keeps a video's events in one partition, in order),
/// the value the event's JSON exactly as <c>POST /api/events</c> takes it. Each event is answered once its delivery
/// report is in: accepted, "retry" on a transient failure (timeout, broker down, throttling), rejected when the hub
/// refuses that message for good (too large); a failure of the destination itself (authentication, no such hub)
/// throws <see cref="EventSinkException"/>.
/// </summary>
public sealed class KafkaEventSink : IEventSink, IDisposable
{
    private readonly IKafkaMessageProducer _producer;
    private long _transientFailures;

    public KafkaEventSink(KafkaEventSinkOptions options)
        : this(new ConfluentMessageProducer(options))
    {
    }

    public KafkaEventSink(IKafkaMessageProducer producer)
    {
        _producer = producer ?? throw new ArgumentNullException(nameof(producer));
    }

    /// <summary>Events answered "retry" so far.</summary>
    public long TransientFailures => Interlocked.Read(ref _transientFailures);

    public async Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);

        // All produced before any is awaited: the client batches them, and one partition's order is the call order.
        var sends = new Task<Outcome>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            sends[i] = SendOneAsync(events[i], cancellationToken);
        }

        // Delivery reports cannot be cancelled once messages are queued; an abort stops waiting for them.
        var outcomes = await Task.WhenAll(sends).WaitAsync(cancellationToken);
        if (Array.FindIndex(outcomes, o => o.Failure is not null) is var failed and >= 0)
        {
            var partial = outcomes.Select(o => o.Failure is null ? (SinkItemResult?)o.Result : null).ToList();
            throw new EventSinkException($"Event Hubs refused the events: {outcomes[failed].Failure}", null, partial);
        }

        return outcomes.Select(o => o.Result).ToArray();
    }

    public void Dispose() => _producer.Dispose();

    private async Task<Outcome> SendOneAsync(WireEvent e, CancellationToken cancellationToken)
    {
        var key = e.Type == WireFields.TypeVideo ? e.Id : e.VideoId;
        if (string.IsNullOrEmpty(key))
        {
            return new(new SinkItemResult(SinkStatus.Rejected, "no video id to key the message by"), null);
        }

        try
        {
            await _producer.ProduceAsync(key, JsonSerializer.SerializeToUtf8Bytes(e, WireJson.EventInfo), cancellationToken);
            return new(SinkItemResult.Accepted, null);
        }
        catch (KafkaException ex)
        {
            var error = $"{ex.Error.Code}: {ex.Error.Reason}";
            var status = Classify(ex.Error);
            if (status == SinkStatus.Retry)
            {
                Interlocked.Increment(ref _transientFailures);
            }

            return status is { } s ? new(new SinkItemResult(s, error), null) : new(default, error);
        }
    }

    /// <summary>Retry or Rejected for this message; null when the destination itself failed for good.</summary>
    public static SinkStatus? Classify(Error error) => error.Code switch
    {
        _ when error.IsFatal => null,
        ErrorCode.MsgSizeTooLarge or ErrorCode.InvalidMsg or ErrorCode.InvalidMsgSize
            or ErrorCode.RecordListTooLarge or ErrorCode.InvalidRecord => SinkStatus.Rejected,
        ErrorCode.Local_Authentication or ErrorCode.SaslAuthenticationFailed or ErrorCode.TopicAuthorizationFailed
            or ErrorCode.ClusterAuthorizationFailed or ErrorCode.Local_UnknownTopic or ErrorCode.UnknownTopicOrPart
            or ErrorCode.Local_InvalidArg or ErrorCode.InvalidConfig or ErrorCode.Local_Fatal => null,
        _ => SinkStatus.Retry,
    };

    private readonly record struct Outcome(SinkItemResult Result, string? Failure);

    /// <summary>Confluent's producer with the settings Microsoft recommends for Event Hubs' Kafka endpoint.</summary>
    private sealed class ConfluentMessageProducer : IKafkaMessageProducer
    {
        private readonly IProducer<string, byte[]> _producer;
        private readonly string _topic;
        private volatile Error? _fatal;

        public ConfluentMessageProducer(KafkaEventSinkOptions options)
        {
            options.Validate();
            _topic = options.Topic;
            var config = new ProducerConfig
            {
                BootstrapServers = options.BootstrapServers,
                ClientId = "insights-generator",
                Partitioner = Partitioner.Murmur2Random,
                Acks = Acks.All,
                MessageMaxBytes = 1_000_000,
                MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
                RequestTimeoutMs = (int)Math.Min(30_000, options.DeliveryTimeout.TotalMilliseconds),
                SocketKeepaliveEnable = true,
                MetadataMaxAgeMs = 180_000,
                ConnectionsMaxIdleMs = 180_000,
            };
            if (options.Plaintext)
            {
                config.SecurityProtocol = SecurityProtocol.Plaintext;
            }
            else
            {
                config.SecurityProtocol = SecurityProtocol.SaslSsl;
                config.SaslMechanism = SaslMechanism.Plain;
                config.SaslUsername = "$ConnectionString";
                config.SaslPassword = options.ConnectionString;
            }

            _producer = new ProducerBuilder<string, byte[]>(config)
                // A failed login only shows as messages timing out; remember it so the run stops with the reason.
                .SetErrorHandler((_, e) =>
                {
                    if (e.IsFatal || e.Code is ErrorCode.Local_Authentication or ErrorCode.SaslAuthenticationFailed)
                    {
                        _fatal = e;
                    }
                })
                // librdkafka logs to stderr by default, over the progress display; failures reach the caller anyway.
                .SetLogHandler((_, _) => { })
                .Build();
        }

        public async Task ProduceAsync(string key, byte[] value, CancellationToken cancellationToken)
        {
            if (_fatal is { } fatal)
            {
                throw new KafkaException(fatal);
            }

            await _producer.ProduceAsync(_topic, new Message<string, byte[]> { Key = key, Value = value }, cancellationToken);
        }

        public void Dispose()
        {
            _producer.Flush(TimeSpan.FromSeconds(10));
            _producer.Dispose();
        }
    }
}
