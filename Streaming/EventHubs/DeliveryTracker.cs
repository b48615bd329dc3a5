namespace Insights.Streaming.EventHubs;

/// <summary>
/// The containers a receiver handed to the pulling agent, in the order the cache holds them. Orleans'
/// <c>SimpleQueueCache</c> purges oldest first and reports only what it delivered: a container whose delivery failed
/// (after <c>MaxEventDeliveryTime</c>, handed to the stream failure handler and skipped) is dropped silently. So every
/// container older than the newest one reported has left the cache; the ones not reported were skipped, and their
/// offsets must count as done too, or the checkpoint would wait for them forever.
/// </summary>
internal sealed class DeliveryTracker
{
    private readonly Queue<EventHubsBatchContainer> _outstanding = new();

    public int Outstanding => _outstanding.Count;

    public void Added(IEnumerable<EventHubsBatchContainer> containers)
    {
        foreach (var c in containers)
        {
            _outstanding.Enqueue(c);
        }
    }

    /// <summary>Takes a purge report; returns what left the cache, split into delivered and skipped.</summary>
    public (List<EventHubsBatchContainer> Delivered, List<EventHubsBatchContainer> Skipped) Released(IEnumerable<EventHubsBatchContainer> purged)
    {
        var reported = new HashSet<long>();
        long? newest = null;
        foreach (var c in purged)
        {
            reported.Add(c.FirstOffset);
            newest = newest is { } n && n >= c.FirstOffset ? n : c.FirstOffset;
        }

        var delivered = new List<EventHubsBatchContainer>();
        var skipped = new List<EventHubsBatchContainer>();
        while (newest is { } last && _outstanding.TryPeek(out var head) && head.FirstOffset <= last)
        {
            _outstanding.Dequeue();
            (reported.Contains(head.FirstOffset) ? delivered : skipped).Add(head);
        }

        return (delivered, skipped);
    }
}
