namespace Insights.Streaming.Tests.Publishing;

using Insights.Streaming.Publishing;

public sealed class CoalescingStreamPublisherTests
{
    /// <summary>Records each publish and holds it until the test lets it finish (or fail).</summary>
    private sealed class Provider
    {
        private readonly object _lock = new();

        public List<(string Key, List<int> Events, TaskCompletionSource Done)> Calls { get; } = [];

        public Task PublishAsync(string key, List<int> events)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                Calls.Add((key, events, done));
            }

            return done.Task;
        }

        public (string Key, List<int> Events, TaskCompletionSource Done) Call(int index)
        {
            lock (_lock)
            {
                return Calls[index];
            }
        }

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return Calls.Count;
                }
            }
        }
    }

    [Fact]
    public async Task Callers_arriving_while_a_stream_publishes_share_its_next_publish_in_their_order()
    {
        var provider = new Provider();
        var publisher = new CoalescingStreamPublisher<int>(provider.PublishAsync);

        var first = publisher.PublishAsync("v1", [1, 2]);
        var second = publisher.PublishAsync("v1", [3]);
        var third = publisher.PublishAsync("v1", [4, 5]);
        Assert.Equal(1, provider.Count);
        Assert.Equal([1, 2], provider.Call(0).Events);
        Assert.False(second.IsCompleted);

        provider.Call(0).Done.SetResult();
        await first;
        await WaitForAsync(() => provider.Count == 2);
        Assert.Equal([3, 4, 5], provider.Call(1).Events);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        provider.Call(1).Done.SetResult();
        await Task.WhenAll(second, third);
        await WaitForAsync(() => publisher.ActiveStreams == 0);
        Assert.Equal(2, provider.Count);
    }

    [Fact]
    public async Task A_failed_publish_fails_every_caller_it_carried_and_only_them()
    {
        var provider = new Provider();
        var publisher = new CoalescingStreamPublisher<int>(provider.PublishAsync);
        var first = publisher.PublishAsync("v1", [1]);
        var other = publisher.PublishAsync("v2", [9]);
        var second = publisher.PublishAsync("v1", [2]);
        var third = publisher.PublishAsync("v1", [3]);
        Assert.Equal(2, provider.Count);

        provider.Call(0).Done.SetResult();
        await first;
        await WaitForAsync(() => provider.Count == 3);
        provider.Call(2).Done.SetException(new InvalidOperationException("queue full"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        await Assert.ThrowsAsync<InvalidOperationException>(() => third);

        Assert.False(other.IsCompleted);
        provider.Call(1).Done.SetResult();
        await other;

        // After a failure the stream publishes again as usual.
        var after = publisher.PublishAsync("v1", [4]);
        await WaitForAsync(() => provider.Count == 4);
        Assert.Equal([4], provider.Call(3).Events);
        provider.Call(3).Done.SetResult();
        await after;
    }

    [Fact]
    public async Task A_publish_takes_whole_callers_up_to_the_batch_bound()
    {
        var provider = new Provider();
        var publisher = new CoalescingStreamPublisher<int>(provider.PublishAsync, maxBatchEvents: 3);
        var first = publisher.PublishAsync("v1", [0]);
        var waiting = new[] { publisher.PublishAsync("v1", [1, 2]), publisher.PublishAsync("v1", [3]), publisher.PublishAsync("v1", [4, 5, 6, 7]) };
        provider.Call(0).Done.SetResult();
        await first;

        await WaitForAsync(() => provider.Count == 2);
        Assert.Equal([1, 2, 3], provider.Call(1).Events);
        provider.Call(1).Done.SetResult();

        // A caller with more than the bound still goes whole, alone.
        await WaitForAsync(() => provider.Count == 3);
        Assert.Equal([4, 5, 6, 7], provider.Call(2).Events);
        provider.Call(2).Done.SetResult();
        await Task.WhenAll(waiting);
    }

    [Fact]
    public async Task Many_concurrent_callers_each_see_their_events_published_exactly_once()
    {
        var published = new System.Collections.Concurrent.ConcurrentBag<int>();
        var publisher = new CoalescingStreamPublisher<int>(async (_, events) =>
        {
            await Task.Yield();
            events.ForEach(published.Add);
        });

        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => publisher.PublishAsync("v" + (i % 7), [i]))));

        Assert.Equal(Enumerable.Range(0, 2_000), published.Order());
        await WaitForAsync(() => publisher.ActiveStreams == 0);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(5);
        }
    }
}
