namespace Insights.Streaming.Tests.EventHubs.Support;

using Confluent.Kafka;
using Insights.Streaming.EventHubs;

/// <summary>
/// An in-memory hub behind the provider's Kafka seam: partitions as logs with offsets, a consumer group's committed
/// offsets, and hooks to fail reads, commits and starts. Thread-safe, so a test cluster can share it.
/// </summary>
internal sealed class FakeHub(int partitions, bool startAtEarliest = true) : IKafkaClients
{
    private readonly bool _startAtEarliest = startAtEarliest;
    private readonly Lock _lock = new();
    private readonly List<PartitionMessage>[] _logs = Enumerable.Range(0, partitions).Select(_ => new List<PartitionMessage>()).ToArray();
    private readonly Dictionary<int, long> _committed = [];
    private readonly Queue<(int Partition, KafkaException Error)> _pollErrors = new();

    public List<(int Partition, long Offset)> Commits { get; } = [];

    public List<(int Partition, long? Offset)> Assignments { get; } = [];

    /// <summary>Called before a commit is recorded; throw to fail it.</summary>
    public Action<int, long>? OnCommit { get; set; }

    /// <summary>Thrown by the next ReadCommitted calls while set.</summary>
    public KafkaException? StartError { get; set; }

    public int ConsumersCreated { get; private set; }

    public int ConsumersDisposed { get; private set; }

    public int ConsumersClosed { get; private set; }

    public List<(int Partition, byte[] Key, byte[] Value, bool RawLanded)> Produced { get; } = [];

    public long Append(int partition, byte[]? key, byte[]? value, bool rawLanded = false, long? offset = null)
    {
        lock (_lock)
        {
            var log = _logs[partition];
            var next = offset ?? (log.Count == 0 ? 0 : log[^1].Offset + 1);
            if (log.Count > 0 && next <= log[^1].Offset)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            log.Add(new PartitionMessage(next, key, value, rawLanded));
            return next;
        }
    }

    public long Append(int partition, string key, string json, bool rawLanded = false, long? offset = null) =>
        Append(partition, EventHubsMessageFormat.Key(key), System.Text.Encoding.UTF8.GetBytes(json), rawLanded, offset);

    public IReadOnlyList<PartitionMessage> Log(int partition)
    {
        lock (_lock)
        {
            return _logs[partition].ToList();
        }
    }

    public long? Committed(int partition)
    {
        lock (_lock)
        {
            return _committed.TryGetValue(partition, out var o) ? o : null;
        }
    }

    public void SetCommitted(int partition, long offset)
    {
        lock (_lock)
        {
            _committed[partition] = offset;
        }
    }

    public void FailNextPoll(int partition, ErrorCode code, bool fatal = false)
    {
        lock (_lock)
        {
            _pollErrors.Enqueue((partition, new KafkaException(new Error(code, $"test: {code}", fatal))));
        }
    }

    public IPartitionConsumer CreateConsumer(int partition)
    {
        lock (_lock)
        {
            ConsumersCreated++;
            return new Consumer(this, partition);
        }
    }

    public IPartitionProducer CreateProducer() => new Producer(this);

    private sealed class Consumer(FakeHub hub, int partition) : IPartitionConsumer
    {
        private long? _position;

        public long? ReadCommitted(TimeSpan timeout)
        {
            if (hub.StartError is { } error)
            {
                throw error;
            }

            return hub.Committed(partition);
        }

        public void Assign(long? offset)
        {
            lock (hub._lock)
            {
                hub.Assignments.Add((partition, offset));
                var log = hub._logs[partition];
                _position = offset ?? (hub._startAtEarliest || log.Count == 0 ? 0 : log[^1].Offset + 1);
            }
        }

        public PartitionMessage? Poll()
        {
            lock (hub._lock)
            {
                if (_position is not { } position)
                {
                    throw new InvalidOperationException("Poll before Assign.");
                }

                if (hub._pollErrors.TryPeek(out var next) && next.Partition == partition)
                {
                    hub._pollErrors.Dequeue();
                    throw next.Error;
                }

                var message = hub._logs[partition].FirstOrDefault(m => m.Offset >= position);
                if (message is not null)
                {
                    _position = message.Offset + 1;
                }

                return message;
            }
        }

        public void Commit(long offset)
        {
            hub.OnCommit?.Invoke(partition, offset);
            lock (hub._lock)
            {
                hub._committed[partition] = offset;
                hub.Commits.Add((partition, offset));
            }
        }

        public void Close()
        {
            lock (hub._lock)
            {
                hub.ConsumersClosed++;
            }
        }

        public void Dispose()
        {
            lock (hub._lock)
            {
                hub.ConsumersDisposed++;
            }
        }
    }

    private sealed class Producer(FakeHub hub) : IPartitionProducer
    {
        public Task ProduceAsync(int partition, byte[] key, IReadOnlyList<byte[]> values, bool rawLanded, CancellationToken cancellationToken)
        {
            foreach (var value in values)
            {
                hub.Append(partition, key, value, rawLanded);
                lock (hub._lock)
                {
                    hub.Produced.Add((partition, key, value, rawLanded));
                }
            }

            return Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }
}
