namespace Insights.Streaming.AzureQueues;

using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

/// <summary>
/// Reads one queue for its pulling agent. The delivery contract: a received message stays hidden for the visibility
/// timeout and is deleted only in <see cref="MessagesDeliveredAsync(IList{IBatchContainer}, CancellationToken)"/>,
/// which the agent calls with the containers its cache released after every consumer got them. Anything else (a
/// crash, a failed delivery, a lost delete) lets the message reappear and be delivered again: at-least-once.
/// </summary>
internal sealed partial class AzureQueueAdapterReceiver(
    QueueId queueId,
    AzureQueueSet queues,
    AzureQueueMessageCodec codec,
    AzureQueuePoisonHandler poison,
    AzureQueueStreamOptions options,
    ILogger<AzureQueueAdapterReceiver> logger) : IQueueAdapterReceiver
{
    private const int ParallelDeletes = 8;

    // Orders containers inside this receiver's cache only. The adapter is not rewindable, so consumers never hand
    // these tokens back to a later receiver and a fresh count per receiver is enough.
    private long _sequence;
    private volatile bool _shutDown;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);

        // The agent reads even when this fails; reads then try creating the queue again.
        await queues.GetAsync(queueId, limit.Token);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var count = maxCount < 0 ? options.MessagesPerRead : Math.Min(maxCount, options.MessagesPerRead);
        if (_shutDown || count <= 0)
        {
            return [];
        }

        var queue = await queues.GetAsync(queueId, cancellationToken);
        var messages = (await queue.ReceiveMessagesAsync(count, options.VisibilityTimeout, cancellationToken)).Value;
        var batches = new List<IBatchContainer>(messages.Length);
        foreach (var message in messages)
        {
            if (!codec.TryDecode(message.Body.ToString(), out var container, out var error))
            {
                await poison.HandleAsync(queue, message,
                    $"azure queue message {message.MessageId} of queue {queue.Name} could not be decoded: {error}", cancellationToken);
                continue;
            }

            // Dequeue count includes this receive: the earlier ones were all delivered without being acknowledged.
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await poison.HandleAsync(queue, message,
                    $"azure queue message {message.MessageId} of queue {queue.Name} (stream {container!.StreamId}) was " +
                    $"delivered {message.DequeueCount - 1} times without success", cancellationToken);
                continue;
            }

            container!.Received(new EventSequenceTokenV2(_sequence++), new(message.MessageId, message.PopReceipt, message.DequeueCount));
            batches.Add(container);
        }

        return batches;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var receipts = messages.OfType<AzureQueueBatchContainer>().Select(m => m.Receipt).OfType<AzureQueueMessageReceipt>().ToList();
        if (receipts.Count == 0)
        {
            return;
        }

        var queue = await queues.GetAsync(queueId, cancellationToken);
        var deleted = 0;
        await Parallel.ForEachAsync(
            receipts,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDeletes, CancellationToken = cancellationToken },
            async (receipt, ct) =>
            {
                if (await AzureQueueDeletes.DeleteAsync(queue, receipt.MessageId, receipt.PopReceipt, logger, ct))
                {
                    Interlocked.Increment(ref deleted);
                }
            });
        LogDelivered(queue.Name, deleted, receipts.Count);
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    /// <summary>Stops reading. Messages read and not yet delivered are not deleted: they come back to whoever reads next.</summary>
    public Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _shutDown = true;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Queue {Queue}: deleted {Deleted} of {Delivered} delivered messages")]
    private partial void LogDelivered(string queue, int deleted, int delivered);
}
