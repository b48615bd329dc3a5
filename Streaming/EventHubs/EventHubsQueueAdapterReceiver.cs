namespace Insights.Streaming.EventHubs;

using System.Globalization;
using Confluent.Kafka;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

/// <summary>
/// Reads one Event Hubs partition for the Orleans pulling agent that owns its queue. Each read takes what the Kafka
/// client already fetched (never waiting on the network), lands valid events in the raw zone and poison in quarantine
/// (poison never blocks the partition), and hands the pulling agent one container per video. An offset is done once
/// its container is reported delivered (or at once for poison); the receiver commits the lowest offset not yet done,
/// at most every <see cref="EventHubsStreamOptions.CommitInterval"/> and always at shutdown, after flushing the
/// lake writers, so the committed offset never runs ahead of delivery nor of the raw zone. Everything after it is
/// read again after a crash: consumers must be idempotent, as they are for every durable provider.
/// </summary>
/// <remarks>
/// The provider's <c>BatchContainerBatchSize</c> must be 1 (<see cref="EventHubsStreamExtensions"/> enforces it): with
/// more, the pulling agent moves its cache cursor past several containers before their delivery completes, and the
/// cache could purge, and so report delivered, containers a grain has not finished with.
/// </remarks>
internal sealed partial class EventHubsQueueAdapterReceiver : IQueueAdapterReceiver
{
    public const string Source = "eventhubs";
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);
    private static readonly IList<IBatchContainer> Nothing = Array.Empty<IBatchContainer>();

    private readonly int _partition;
    private readonly string _partitionText;
    private readonly EventHubsStreamOptions _options;
    private readonly IKafkaClients _kafka;
    private readonly EventHubsMessageDecoder _decoder;
    private readonly LakeLanding _lake;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly DeliveryTracker _tracker = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    private IPartitionConsumer? _consumer;
    private PartitionCheckpoint? _checkpoint;
    private DateTimeOffset _lastCommitAttempt;
    private DateTimeOffset _nextStartAttempt;
    private bool _rawSinceCommit;
    private bool _quarantineSinceCommit;
    private bool _lakeFull;
    private bool _shutdown;

    public EventHubsQueueAdapterReceiver(
        int partition,
        EventHubsStreamOptions options,
        IKafkaClients kafka,
        EventHubsMessageDecoder decoder,
        LakeLanding lake,
        TimeProvider clock,
        ILogger logger)
    {
        _partition = partition;
        _partitionText = partition.ToString(CultureInfo.InvariantCulture);
        _options = options;
        _kafka = kafka;
        _decoder = decoder;
        _lake = lake;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The read and commit state, for tests and diagnostics; null before the first start.</summary>
    internal PartitionCheckpoint? Checkpoint => _checkpoint;

    internal int Outstanding => _tracker.Outstanding;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A failure is logged and retried by later reads: the pulling agent calls Initialize only once.
            await TryStartAsync(timeout, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_shutdown)
            {
                return Nothing;
            }

            if (_consumer is null && (_clock.GetUtcNow() < _nextStartAttempt || !await TryStartAsync(RestartDelay, cancellationToken)))
            {
                return Nothing;
            }

            // Deliveries are reported only when the cache purges; a quiet partition still commits through reads.
            await CommitIfDueAsync(force: false, FlushTimeout, cancellationToken);
            if (!_lake.HasRoomFor(_options.MaxMessagesPerRead))
            {
                if (!_lakeFull)
                {
                    LogLakeFull(_options.Topic, _partition);
                    _lakeFull = true;
                }

                return Nothing;
            }

            _lakeFull = false;
            return await ReadAsync(maxCount);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_checkpoint is not { } checkpoint)
            {
                return;
            }

            var (delivered, skipped) = _tracker.Released(messages.OfType<EventHubsBatchContainer>().Where(c => c.Partition == _partition));
            foreach (var c in delivered)
            {
                checkpoint.Done(c.Offsets);
            }

            foreach (var c in skipped)
            {
                checkpoint.Done(c.Offsets);
                LogSkipped(_options.Topic, _partition, c.StreamId.ToString(), c.Events.Count, c.FirstOffset);
            }

            if (!_shutdown)
            {
                await CommitIfDueAsync(force: false, FlushTimeout, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_shutdown)
            {
                return;
            }

            _shutdown = true;
            if (_consumer is { } consumer)
            {
                await CommitIfDueAsync(force: true, timeout, cancellationToken);
                try
                {
                    await Task.Run(consumer.Close, CancellationToken.None).WaitAsync(timeout, cancellationToken);
                }
                catch (Exception ex) when (ex is KafkaException or TimeoutException or OperationCanceledException)
                {
                    LogCloseFailed(_options.Topic, _partition, ex);
                }

                StopConsumer();
            }

            LogStopped(_options.Topic, _partition, _checkpoint?.LastCommitted, _checkpoint?.Pending ?? 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> TryStartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_shutdown)
        {
            return false;
        }

        _nextStartAttempt = _clock.GetUtcNow() + RestartDelay;
        IPartitionConsumer? consumer = null;
        try
        {
            consumer = _kafka.CreateConsumer(_partition);
            var created = consumer;
            var committed = await Task.Run(() => created.ReadCommitted(timeout), cancellationToken);

            // After a restart mid-run, carry on after what was read: it is in the cache or already delivered.
            var resumeAt = _checkpoint?.LastRead + 1 ?? committed;
            consumer.Assign(resumeAt);
            _checkpoint ??= new PartitionCheckpoint(committed);
            _consumer = consumer;
            _lastCommitAttempt = _clock.GetUtcNow();
            if (resumeAt is { } offset)
            {
                LogStarted(_options.Topic, _partition, _options.ConsumerGroup, offset.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                LogStarted(_options.Topic, _partition, _options.ConsumerGroup, $"the {_options.StartFrom.ToLowerInvariant()} offset (no committed offset)");
            }

            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            consumer?.Dispose();
            LogStartFailed(_options.Topic, _partition, RestartDelay, ex);
            return false;
        }
    }

    private async Task<IList<IBatchContainer>> ReadAsync(int maxCount)
    {
        var consumer = _consumer!;
        var checkpoint = _checkpoint!;
        var receivedAt = _clock.GetUtcNow();
        var grouper = new VideoBatchGrouper(_partition);
        var rawRows = new List<RawEventRecord>();
        var poison = new List<QuarantineRecord>();
        string? batchId = null;
        for (var index = 0; index < _options.MaxMessagesPerRead; index++)
        {
            // maxCount bounds containers (the cache's free room); -1 means no bound.
            if (maxCount > 0 && grouper.Containers >= maxCount)
            {
                break;
            }

            PartitionMessage? message;
            try
            {
                message = consumer.Poll();
            }
            catch (KafkaException ex)
            {
                OnReadError(ex);
                break;
            }

            if (message is null)
            {
                break;
            }

            if (message.Offset <= checkpoint.LastRead)
            {
                continue;
            }

            checkpoint.Read(message.Offset);
            batchId ??= string.Create(CultureInfo.InvariantCulture, $"{Source}-{_options.Topic}-{_partition}-{message.Offset}");
            var decoded = _decoder.Decode(message, receivedAt);
            if (decoded.Event is { } e)
            {
                grouper.Add(message.Offset, e);
                if (!message.RawLanded)
                {
                    rawRows.Add(new RawEventRecord
                    {
                        ReceivedAt = receivedAt,
                        Source = Source,
                        Partition = _partitionText,
                        Offset = message.Offset,
                        BatchId = batchId,
                        Index = index,
                        Type = decoded.Type!,
                        Event = decoded.Payload!.Value,
                    });
                }
            }
            else
            {
                // Poison is kept with its reason and passed over at once: it must never hold the partition back.
                poison.Add(new QuarantineRecord
                {
                    QuarantineId = QuarantineWriter.NewId(),
                    ReceivedAt = receivedAt,
                    Source = Source,
                    Stage = "ingest",
                    Reason = decoded.Error!,
                    Type = decoded.Type,
                    Id = decoded.Id,
                    Payload = decoded.Payload,
                    PayloadText = decoded.PayloadText,
                });
                checkpoint.Done(message.Offset);
            }
        }

        await _lake.AddAsync(rawRows, poison);
        _rawSinceCommit |= rawRows.Count > 0;
        _quarantineSinceCommit |= poison.Count > 0;
        if (poison.Count > 0)
        {
            LogPoison(_options.Topic, _partition, poison.Count, poison[0].Reason);
        }

        var containers = grouper.Build();
        _tracker.Added(containers);
        return [.. containers];
    }

    private void OnReadError(KafkaException ex)
    {
        if (ex.Error.IsFatal)
        {
            // The client is unusable; a new one resumes after the last offset read.
            LogReadFatal(_options.Topic, _partition, ex.Error.Code, RestartDelay, ex);
            StopConsumer();
            _nextStartAttempt = _clock.GetUtcNow() + RestartDelay;
        }
        else
        {
            LogReadTransient(_options.Topic, _partition, ex.Error.Code, ex.Error.Reason);
        }
    }

    private async Task CommitIfDueAsync(bool force, TimeSpan flushTimeout, CancellationToken cancellationToken)
    {
        if (_consumer is not { } consumer || _checkpoint?.Committable is not { } offset)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        if (!force && now - _lastCommitAttempt < _options.CommitInterval)
        {
            return;
        }

        _lastCommitAttempt = now;

        // The raw zone must hold every event below the committed offset before Kafka forgets them for this group.
        if (!await _lake.FlushAsync(_rawSinceCommit, _quarantineSinceCommit, flushTimeout, cancellationToken))
        {
            LogFlushTimedOut(_options.Topic, _partition, offset, flushTimeout);
            return;
        }

        try
        {
            await Task.Run(() => consumer.Commit(offset), CancellationToken.None);
            _checkpoint.Committed(offset);
            _rawSinceCommit = _quarantineSinceCommit = false;
            LogCommitted(_options.Topic, _partition, offset);
        }
        catch (KafkaException ex)
        {
            LogCommitFailed(_options.Topic, _partition, offset, ex.Error.Code, ex.Error.Reason);
        }
    }

    private void StopConsumer()
    {
        try
        {
            _consumer?.Dispose();
        }
        catch (KafkaException ex)
        {
            LogCloseFailed(_options.Topic, _partition, ex);
        }

        _consumer = null;
    }
}
