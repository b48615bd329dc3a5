namespace Insights.Streaming.AzureQueues;

using Orleans.Streams;

/// <summary>
/// Orleans' Azure queue receiver with the receive requests that can only come back empty left out. Each is a storage
/// request (billed, and work for the storage account and the silo): the pulling agent asks every queue on every tick
/// (<c>Insights:Streams:PollInterval</c>, 25 ms: 320 requests a second for 8 idle queues), and after every read it asks
/// again until a read comes back empty.
/// <list type="bullet">
/// <item>A read that returned fewer messages than it asked for took what the queue had: the agent's next read, in
/// the same tick, is answered empty without a request; the next tick reads again.</item>
/// <item>A queue that keeps coming back empty is read less and less often: after two empty ticks in a row, every
/// other, then every fourth tick..., at least once per <see cref="AzureQueueStreamOptions.MaxIdlePollInterval"/>.
/// The first read that finds messages brings back a read every tick.</item>
/// </list>
/// Only reads are left out: acknowledgements (<see cref="IQueueAdapterReceiver.MessagesDeliveredAsync(IList{IBatchContainer}, CancellationToken)"/>,
/// which deletes delivered messages) always reach Orleans' receiver, so what is deleted, and when, is unchanged.
/// </summary>
internal sealed class QueueReadBackoff(IQueueAdapterReceiver receiver, TimeProvider clock, TimeSpan pollInterval, TimeSpan maxIdlePollInterval)
    : IQueueAdapterReceiver
{
    /// <summary>Azure's most messages per receive, the most Orleans' receiver asks for.</summary>
    public const int MaxMessagesPerReceive = 32;

    private bool _drained;
    private int _emptyReads;
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;

    public Task Initialize(TimeSpan timeout) => receiver.Initialize(timeout);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_drained || now < _nextRead)
        {
            _drained = false;
            return [];
        }

        var messages = await receiver.GetQueueMessagesAsync(maxCount, cancellationToken);
        if (messages.Count == 0)
        {
            _emptyReads++;
            _nextRead = now + IdleWait(_emptyReads);
        }
        else
        {
            _emptyReads = 0;
            _nextRead = DateTimeOffset.MinValue;
            _drained = messages.Count < (maxCount is > 0 and < MaxMessagesPerReceive ? maxCount : MaxMessagesPerReceive);
        }

        return messages;
    }

    /// <summary>
    /// How long after its <paramref name="emptyReads"/>-th empty read in a row a queue is next read. One empty tick is
    /// the usual end of a burst and costs nothing; from the second on the wait doubles, up to the longest.
    /// </summary>
    internal TimeSpan IdleWait(int emptyReads)
    {
        if (emptyReads < 2 || maxIdlePollInterval <= pollInterval)
        {
            return TimeSpan.Zero;
        }

        // Just under a whole number of ticks, so the read falls on the tick it is meant for, not the one after.
        var ticks = Math.Pow(2, Math.Min(emptyReads - 1, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(pollInterval.Ticks * ticks, maxIdlePollInterval.Ticks));
        return wait - pollInterval / 2;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken) =>
        receiver.MessagesDeliveredAsync(messages, cancellationToken);

    public Task Shutdown(TimeSpan timeout) => receiver.Shutdown(timeout);

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);
}
