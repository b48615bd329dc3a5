namespace Insights.Streaming.EventHubs;

using Insights.Events;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// Publishes a stream's events to the hub (one message per event, keyed by video, to the partition Kafka's own
/// partitioner would choose) and creates a partition's receiver for the pulling agent that owns its queue.
/// </summary>
internal sealed class EventHubsQueueAdapter(
    string name,
    EventHubsQueueMapper mapper,
    Func<IPartitionProducer> producer,
    Func<QueueId, IQueueAdapterReceiver> receivers) : IQueueAdapter
{
    public string Name => name;

    /// <summary>The cache cannot replay what it purged, and rewinding the hub would skip the checkpoint logic.</summary>
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    /// <summary>
    /// Returns once the hub has every event (or throws, and the caller answers "retry"). The only Orleans producer is
    /// the API, which lands what it publishes in the raw zone itself: the messages say so, and the silo does not land
    /// them again.
    /// </summary>
    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The Event Hubs stream provider does not take sequence tokens from producers.", nameof(token));
        }

        var videoId = EventHubsQueueMapper.VideoIdOf(streamId);
        var values = new List<byte[]>();
        foreach (var item in events)
        {
            if (item is not VideoStreamEvent e)
            {
                throw new NotSupportedException($"The Event Hubs stream provider carries {nameof(VideoStreamEvent)}s only, not {item?.GetType().Name ?? "null"}.");
            }

            if (!string.Equals(e.VideoId, videoId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"An event of video '{e.VideoId}' was published to the stream of video '{videoId}'.", nameof(events));
            }

            values.Add(EventHubsMessageFormat.Value(e));
        }

        return values.Count == 0
            ? Task.CompletedTask
            : producer().ProduceAsync(mapper.PartitionOfVideo(videoId), EventHubsMessageFormat.Key(videoId), values, rawLanded: true, CancellationToken.None);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => receivers(queueId);
}
