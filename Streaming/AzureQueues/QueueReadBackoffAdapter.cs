namespace Insights.Streaming.AzureQueues;

using Orleans.Runtime;
using Orleans.Streams;

/// <summary>Orleans' Azure queue adapter, its receivers wrapped in <see cref="QueueReadBackoff"/>; sending is untouched.</summary>
internal sealed class QueueReadBackoffAdapter(IQueueAdapter adapter, Func<IQueueAdapterReceiver, IQueueAdapterReceiver> wrap) : IQueueAdapter
{
    public string Name => adapter.Name;

    public bool IsRewindable => adapter.IsRewindable;

    public StreamProviderDirection Direction => adapter.Direction;

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        adapter.QueueMessageBatchAsync(streamId, events, token, requestContext);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => wrap(adapter.CreateReceiver(queueId));
}
