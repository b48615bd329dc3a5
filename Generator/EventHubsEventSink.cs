namespace Insights.Generator;

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using Insights.Wire;

/// <summary>
/// Where <see cref="EventHubsEventSink"/> publishes: a connection string (a secret, from the environment) or a namespace
/// signed in with Entra ID (<c>DefaultAzureCredential</c>, role "Azure Event Hubs Data Sender").
/// </summary>
public sealed record EventHubsEventSinkOptions
{
    public const string ConnectionEnvironmentVariable = "INSIGHTS_EVENTHUBS_CONNECTION";
    public const string DefaultHub = "video-events";

    public string? ConnectionString { get; init; }

    /// <summary><c>&lt;namespace&gt;.servicebus.windows.net</c>, when there is no connection string.</summary>
    public string? FullyQualifiedNamespace { get; init; }

    public string Hub { get; init; } = DefaultHub;

    /// <summary>How long an event may wait for the hub before it is answered "retry".</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest a buffered event waits for more before its partition's batch is sent.</summary>
    public TimeSpan MaximumWaitTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The options the command line asks for: <c>--namespace</c> (Entra ID), else the connection string from
    /// <see cref="ConnectionEnvironmentVariable"/>. Throws <see cref="ArgumentException"/>.
    /// </summary>
    public static EventHubsEventSinkOptions From(GeneratorCommandLine cl, Func<string, string?> environment)
    {
        var connection = cl.EventHubsNamespace is null ? environment(ConnectionEnvironmentVariable) : null;
        if (cl.EventHubsNamespace is null && string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException(
                $"--sink eventhubs needs the Event Hubs connection string in the environment variable {ConnectionEnvironmentVariable} " +
                "(never on the command line), or --namespace NAME.servicebus.windows.net to sign in with Entra ID.");
        }

        var options = new EventHubsEventSinkOptions
        {
            ConnectionString = string.IsNullOrWhiteSpace(connection) ? null : connection,
            FullyQualifiedNamespace = cl.EventHubsNamespace,
            Hub = cl.Hub,
        };
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
        {
            throw new ArgumentException("Set exactly one of ConnectionString and FullyQualifiedNamespace.", nameof(ConnectionString));
        }

        if (ConnectionString is { } c && !(c.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase) && c.Contains("SharedAccess", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException(
                $"{ConnectionEnvironmentVariable} is not an Event Hubs connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...).",
                nameof(ConnectionString));
        }

        if (FullyQualifiedNamespace is { } ns && (Uri.CheckHostName(ns) != UriHostNameType.Dns || !ns.Contains('.', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"--namespace: '{ns}' is not a host name like NAME.servicebus.windows.net.", nameof(FullyQualifiedNamespace));
        }

        if (string.IsNullOrWhiteSpace(Hub))
        {
            throw new ArgumentException("Hub is required.", nameof(Hub));
        }

        if (DeliveryTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("DeliveryTimeout must be at least one second.", nameof(DeliveryTimeout));
        }
    }
}

/// <summary>
/// The format Insights reads from the hub besides its own Orleans messages: one event per <see cref="EventData"/>, the
/// body the event's JSON exactly as one item of <c>POST /api/events</c>, partition key = the video id, so the hub keeps
/// a video's events in one partition, in order.
/// </summary>
public static class EventHubsWireFormat
{
    public const string ContentType = "application/json";

    /// <summary>The video an event belongs to: its id for a video, its <c>video_id</c> otherwise.</summary>
    public static string? PartitionKey(WireEvent e) => e.Type == WireFields.TypeVideo ? e.Id : e.VideoId;

    public static EventData ToEventData(WireEvent e) => new(BinaryData.FromBytes(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(e, WireJson.EventInfo)))
    {
        ContentType = ContentType,
    };
}

/// <summary>
/// Publishes events to Azure Event Hubs with <see cref="EventHubBufferedProducerClient"/> (AMQP): events are buffered
/// per partition and sent in batches; each is answered once its batch is sent: accepted, "retry" on a transient
/// failure (timeout, throttling, the hub unreachable), rejected when the hub refuses that event for good (too large).
/// A failure of the destination itself (authentication, no such hub) throws <see cref="EventSinkException"/>.
/// </summary>
public sealed class EventHubsEventSink : IEventSink, IAsyncDisposable, IDisposable
{
    private readonly EventHubBufferedProducerClient _producer;
    private readonly TimeSpan _deliveryTimeout;
    private readonly ConcurrentDictionary<EventData, TaskCompletionSource<SinkItemResult>> _pending = new(ReferenceEqualityComparer.Instance);
    private Exception? _fatal;
    private long _transientFailures;

    public EventHubsEventSink(EventHubsEventSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _deliveryTimeout = options.DeliveryTimeout;
        var clientOptions = new EventHubBufferedProducerClientOptions { MaximumWaitTime = options.MaximumWaitTime };
        _producer = options.ConnectionString is { } connection
            ? new EventHubBufferedProducerClient(connection, options.Hub, clientOptions)
            : new EventHubBufferedProducerClient(options.FullyQualifiedNamespace!, options.Hub, (TokenCredential)new DefaultAzureCredential(), clientOptions);
        _producer.SendEventBatchSucceededAsync += args =>
        {
            foreach (var e in args.EventBatch)
            {
                Complete(e, SinkItemResult.Accepted);
            }

            return Task.CompletedTask;
        };
        _producer.SendEventBatchFailedAsync += args =>
        {
            var outcome = Classify(args.Exception);
            if (outcome is null)
            {
                _fatal ??= args.Exception;
            }

            foreach (var e in args.EventBatch)
            {
                Complete(e, outcome ?? new SinkItemResult(SinkStatus.Retry, args.Exception.Message));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Events answered "retry" so far.</summary>
    public long TransientFailures => Interlocked.Read(ref _transientFailures);

    /// <summary>
    /// What a failed send means for its events: retry (transient), rejected (this event can never be sent), or null
    /// when the destination itself is unusable.
    /// </summary>
    public static SinkItemResult? Classify(Exception exception) => exception switch
    {
        EventHubsException { Reason: EventHubsException.FailureReason.MessageSizeExceeded } ex => new SinkItemResult(SinkStatus.Rejected, ex.Message),
        EventHubsException { Reason: EventHubsException.FailureReason.ResourceNotFound or EventHubsException.FailureReason.InvalidClientState } => null,
        UnauthorizedAccessException => null,
        EventHubsException { IsTransient: true } or TimeoutException or OperationCanceledException or IOException
            or System.Net.Sockets.SocketException or EventHubsException => new SinkItemResult(SinkStatus.Retry, exception.Message),
        _ => null,
    };

    public async Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default)
    {
        ThrowIfFatal();
        var waits = new Task<SinkItemResult>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (EventHubsWireFormat.PartitionKey(e) is not { Length: > 0 } key)
            {
                waits[i] = Task.FromResult(new SinkItemResult(SinkStatus.Rejected, "the event has no video id to use as partition key"));
                continue;
            }

            var data = EventHubsWireFormat.ToEventData(e);
            var done = new TaskCompletionSource<SinkItemResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[data] = done;
            try
            {
                await _producer.EnqueueEventAsync(data, new EnqueueEventOptions { PartitionKey = key }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _pending.TryRemove(data, out _);
                done.TrySetResult(Classify(ex) ?? throw new EventSinkException($"Event Hubs refused the events: {ex.Message}", ex));
            }

            waits[i] = done.Task;
        }

        var results = new SinkItemResult[events.Count];
        for (var i = 0; i < waits.Length; i++)
        {
            try
            {
                results[i] = await waits[i].WaitAsync(_deliveryTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                results[i] = new SinkItemResult(SinkStatus.Retry, $"not sent within {_deliveryTimeout}");
            }

            if (results[i].Status == SinkStatus.Retry)
            {
                Interlocked.Increment(ref _transientFailures);
            }
        }

        ThrowIfFatal(results);
        return results;
    }

    public async ValueTask DisposeAsync() => await _producer.DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Complete(EventData e, SinkItemResult result)
    {
        if (_pending.TryRemove(e, out var done))
        {
            done.TrySetResult(result);
        }
    }

    private void ThrowIfFatal(IReadOnlyList<SinkItemResult>? partial = null)
    {
        if (_fatal is { } fatal)
        {
            throw new EventSinkException($"Event Hubs refused the events: {fatal.Message}", fatal,
                partial?.Select(r => r.Status == SinkStatus.Accepted ? (SinkItemResult?)r : null).ToList());
        }
    }
}
