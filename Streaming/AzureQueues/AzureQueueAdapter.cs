namespace Insights.Streaming.AzureQueues;

using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// The producer side (silo and client) and the maker of receivers (silo). Each call becomes one message, or several
/// when the events do not fit one, sent in order to the stream's queue.
/// </summary>
internal sealed class AzureQueueAdapter(
    string name,
    AzureQueueSet queues,
    IStreamQueueMapper mapper,
    AzureQueueMessageCodec codec,
    Func<QueueId, IQueueAdapterReceiver> createReceiver) : IQueueAdapter
{
    /// <summary>"Never expire": Azure's default would silently drop messages after 7 days without consumers.</summary>
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(-1);

    public string Name => name;

    /// <summary>A queue cannot be read again from an earlier point: messages are deleted once delivered.</summary>
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(
        StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Azure queue streams do not take sequence tokens from producers.", nameof(token));
        }

        var items = events.Cast<object>().ToList();
        if (items.Count == 0)
        {
            return;
        }

        var queue = await queues.GetAsync(mapper.GetQueueForStream(streamId), CancellationToken.None);

        // One after the other: parts of one call keep their order in the queue.
        foreach (var text in codec.Encode(streamId, items, requestContext))
        {
            await queue.SendMessageAsync(text, visibilityTimeout: null, timeToLive: TimeToLive);
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => createReceiver(queueId);
}
