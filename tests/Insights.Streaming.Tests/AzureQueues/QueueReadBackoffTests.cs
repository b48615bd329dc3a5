namespace Insights.Streaming.Tests.AzureQueues;

using Insights.Streaming.AzureQueues;
using Microsoft.Extensions.Time.Testing;
using Orleans.Streams;

/// <summary>
/// The Azure queue receiver wrapper leaves out reads that could only come back empty, reads every tick again once a
/// queue has messages, and passes every acknowledgement through.
/// </summary>
public sealed class QueueReadBackoffTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(25);
    private readonly FakeTimeProvider _clock = new();
    private readonly ScriptedReceiver _queue = new();

    private QueueReadBackoff Receiver(TimeSpan maxIdle) => new(_queue, _clock, Tick, maxIdle);

    [Fact]
    public async Task After_a_read_that_took_what_the_queue_had_the_agents_next_read_in_that_tick_costs_no_request()
    {
        var receiver = Receiver(TimeSpan.FromMilliseconds(250));
        _queue.Next(5);

        Assert.Equal(5, (await receiver.GetQueueMessagesAsync(100, CancellationToken.None)).Count);
        Assert.Empty(await receiver.GetQueueMessagesAsync(100, CancellationToken.None));
        Assert.Equal(1, _queue.Reads);

        _clock.Advance(Tick);
        _queue.Next(3);
        Assert.Equal(3, (await receiver.GetQueueMessagesAsync(100, CancellationToken.None)).Count);
        Assert.Equal(2, _queue.Reads);
    }

    [Fact]
    public async Task A_full_read_is_followed_by_another_read_at_once()
    {
        var receiver = Receiver(TimeSpan.FromMilliseconds(250));
        _queue.Next(QueueReadBackoff.MaxMessagesPerReceive);
        _queue.Next(7);

        Assert.Equal(32, (await receiver.GetQueueMessagesAsync(100, CancellationToken.None)).Count);
        Assert.Equal(7, (await receiver.GetQueueMessagesAsync(100, CancellationToken.None)).Count);
        Assert.Empty(await receiver.GetQueueMessagesAsync(100, CancellationToken.None));
        Assert.Equal(2, _queue.Reads);

        // Asked for fewer than Azure's most (the cache had room for 4 only), and got them all: the queue may hold more.
        _queue.Next(4);
        _queue.Next(1);
        _clock.Advance(Tick);
        Assert.Equal(4, (await receiver.GetQueueMessagesAsync(4, CancellationToken.None)).Count);
        Assert.Single(await receiver.GetQueueMessagesAsync(4, CancellationToken.None));
        Assert.Equal(4, _queue.Reads);
    }

    [Fact]
    public async Task An_idle_queue_is_read_ever_less_often_up_to_the_longest_interval_and_every_tick_again_once_it_has_messages()
    {
        var receiver = Receiver(TimeSpan.FromMilliseconds(200));
        var readAt = new List<int>();
        for (var tick = 0; tick < 40; tick++)
        {
            var before = _queue.Reads;
            await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
            if (_queue.Reads > before)
            {
                readAt.Add(tick);
            }

            _clock.Advance(Tick);
        }

        // Empty reads at ticks 0 and 1 (one empty tick is free), then waits of 2, 4 and 8 ticks, then every 8 (200 ms).
        Assert.Equal([0, 1, 3, 7, 15, 23, 31, 39], readAt);

        _queue.Next(2);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, (await receiver.GetQueueMessagesAsync(100, CancellationToken.None)).Count);
        Assert.Empty(await receiver.GetQueueMessagesAsync(100, CancellationToken.None)); // drained: no request
        var reads = _queue.Reads;
        _clock.Advance(Tick);
        await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
        Assert.Equal(reads + 1, _queue.Reads);
    }

    [Fact]
    public async Task A_longest_interval_no_longer_than_a_tick_reads_every_tick()
    {
        var receiver = Receiver(Tick);
        for (var tick = 0; tick < 10; tick++)
        {
            await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
            _clock.Advance(Tick);
        }

        Assert.Equal(10, _queue.Reads);
    }

    [Fact]
    public async Task Acknowledgements_and_the_receivers_life_always_reach_Orleans_receiver()
    {
        var receiver = Receiver(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
        {
            await receiver.GetQueueMessagesAsync(100, CancellationToken.None); // backing off
        }

        IList<IBatchContainer> delivered = [new ScriptedReceiver.Container()];
        await receiver.Initialize(TimeSpan.FromSeconds(1));
        await receiver.MessagesDeliveredAsync(delivered, CancellationToken.None);
        await receiver.Shutdown(TimeSpan.FromSeconds(1));

        Assert.Equal((1, 1, 1), (_queue.Initialized, _queue.Shutdowns, _queue.Delivered.Count));
        Assert.Same(delivered, _queue.Delivered[0]);
    }

    /// <summary>A queue that answers each read with the next count scripted, empty once the script is done.</summary>
    private sealed class ScriptedReceiver : IQueueAdapterReceiver
    {
        private readonly Queue<int> _counts = new();

        public int Reads { get; private set; }

        public int Initialized { get; private set; }

        public int Shutdowns { get; private set; }

        public List<IList<IBatchContainer>> Delivered { get; } = [];

        public void Next(int count) => _counts.Enqueue(count);

        public Task Initialize(TimeSpan timeout)
        {
            Initialized++;
            return Task.CompletedTask;
        }

        public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
        {
            Reads++;
            var count = _counts.TryDequeue(out var n) ? Math.Min(n, maxCount) : 0;
            return Task.FromResult<IList<IBatchContainer>>([.. Enumerable.Range(0, count).Select(_ => new Container())]);
        }

        public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
        {
            Delivered.Add(messages);
            return Task.CompletedTask;
        }

        public Task Shutdown(TimeSpan timeout)
        {
            Shutdowns++;
            return Task.CompletedTask;
        }

        [Obsolete("Use the overload which accepts a CancellationToken.")]
        public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

        [Obsolete("Use the overload which accepts a CancellationToken.")]
        public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

        public sealed class Container : IBatchContainer
        {
            public Orleans.Runtime.StreamId StreamId => Orleans.Runtime.StreamId.Create("t", "t");

            public StreamSequenceToken SequenceToken => new Orleans.Providers.Streams.Common.EventSequenceTokenV2(0);

            public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() => [];

            public bool ImportRequestContext() => false;
        }
    }
}
