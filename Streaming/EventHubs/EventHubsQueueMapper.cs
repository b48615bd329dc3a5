namespace Insights.Streaming.EventHubs;

using System.Globalization;
using Insights.Events;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// One Orleans queue per Event Hubs partition ("0".."N-1"), placed on Orleans' hash ring so the queue balancer spreads
/// partitions over silos. A stream's queue is the partition Kafka's partitioner puts its video in, so what the mapper
/// says and where the events really are never disagree.
/// </summary>
public sealed class EventHubsQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly HashRingBasedPartitionedStreamQueueMapper _ring;
    private readonly QueueId[] _queueOfPartition;
    private readonly Dictionary<QueueId, int> _partitionOfQueue;

    public EventHubsQueueMapper(int partitions, string queueNamePrefix)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Partitions = partitions;
        var ids = Enumerable.Range(0, partitions).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();
        _ring = new HashRingBasedPartitionedStreamQueueMapper(ids, queueNamePrefix);
        _queueOfPartition = new QueueId[partitions];
        _partitionOfQueue = new Dictionary<QueueId, int>(partitions);
        foreach (var queue in _ring.GetAllQueues())
        {
            var partition = int.Parse(_ring.QueueToPartition(queue), NumberStyles.None, CultureInfo.InvariantCulture);
            _queueOfPartition[partition] = queue;
            _partitionOfQueue[queue] = partition;
        }
    }

    public int Partitions { get; }

    public int PartitionOf(QueueId queue) =>
        _partitionOfQueue.TryGetValue(queue, out var p) ? p : throw new ArgumentException($"Queue {queue} is not one of this provider's.", nameof(queue));

    public QueueId QueueOf(int partition) => _queueOfPartition[partition];

    public int PartitionOfVideo(string videoId) => KafkaPartitioner.PartitionOf(videoId, Partitions);

    public IEnumerable<QueueId> GetAllQueues() => _ring.GetAllQueues();

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _ring.GetQueuesForRange(range);

    public QueueId GetQueueForStream(StreamId streamId) => QueueOf(PartitionOfVideo(VideoIdOf(streamId)));

    /// <summary>The video id of a per-video stream; this provider carries no other streams.</summary>
    public static string VideoIdOf(StreamId streamId)
    {
        var ns = streamId.GetNamespace();
        if (!string.Equals(ns, StreamNames.VideoNamespace, StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"The Event Hubs stream provider carries only '{StreamNames.VideoNamespace}' streams, not '{ns}' ({streamId}).");
        }

        return streamId.GetKeyAsString();
    }
}
