namespace Insights.Benchmarks.Durable;

using System.Globalization;
using Azure.Messaging.EventHubs;

/// <summary>
/// An event hub in this process: partitions that keep every event sent, in order, with the broker's position (sequence
/// number, offset, enqueued time), as the hub hands them to a partition receiver. The partition of an event is the hash
/// of its partition key, as the hub chooses it.
/// </summary>
public sealed class InProcessEventHub
{
    private readonly Partition[] _partitions;

    public InProcessEventHub(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        _partitions = [.. Enumerable.Range(0, partitions).Select(_ => new Partition())];
    }

    public int PartitionCount => _partitions.Length;

    /// <summary>Events the hub holds, over every partition.</summary>
    public long Count => _partitions.Sum(p => p.Count);

    /// <summary>Takes an event as a producer sent it; the hub stamps its position in its partition.</summary>
    public void Send(string partitionKey, EventData sent) => _partitions[PartitionOf(partitionKey)].Append(partitionKey, sent);

    /// <summary>A partition by the id the provider gives it (<c>partition-{n}</c>, as the generator names them).</summary>
    public Partition this[string partitionId] =>
        _partitions[int.Parse(partitionId.AsSpan(partitionId.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture)];

    private int PartitionOf(string key)
    {
        // FNV-1a: stable, unlike string.GetHashCode, so a key always lands in the same partition.
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_partitions.Length);
    }

    /// <summary>One partition: an append-only log, and a signal for readers waiting at its end.</summary>
    public sealed class Partition
    {
        private readonly List<EventData> _log = [];
        private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Count
        {
            get
            {
                lock (_log)
                {
                    return _log.Count;
                }
            }
        }

        public void Append(string partitionKey, EventData sent)
        {
            TaskCompletionSource appended;
            lock (_log)
            {
                long sequence = _log.Count;
                _log.Add(EventHubsModelFactory.EventData(
                    sent.EventBody,
                    new Dictionary<string, object>(sent.Properties),
                    systemProperties: null,
                    partitionKey,
                    sequence,
                    sequence.ToString(CultureInfo.InvariantCulture),
                    DateTimeOffset.UtcNow));
                appended = _appended;
                _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            appended.TrySetResult();
        }

        /// <summary>Up to <paramref name="maxCount"/> events from <paramref name="position"/>; when there are none, a task that completes on the next append.</summary>
        public List<EventData> Read(long position, int maxCount, out Task appended)
        {
            lock (_log)
            {
                appended = _appended.Task;
                var count = (int)Math.Clamp(_log.Count - position, 0, maxCount);
                return _log.GetRange((int)position, count);
            }
        }
    }
}
