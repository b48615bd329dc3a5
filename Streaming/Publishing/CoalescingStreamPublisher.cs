namespace Insights.Streaming.Publishing;

using System.Collections.Concurrent;
/// <summary>
/// Publishes events to per-key streams (through <see cref="StreamBatchPublisher"/> in the ingest path), joining what concurrent callers send to one stream while that stream's
/// previous publish is in flight into the next publish: one call for many callers' events. A caller's task completes
/// once its events are published, or fails with the publish that carried them, as if it had published alone.
/// </summary>
/// <remarks>
/// Each ingest request holds a few events for each of hundreds of videos; published alone, each video costs a call to
/// the stream provider (a grain call for memory and Event Hubs streams) for one or two events. No delay is added: an
/// idle stream publishes at once, and a busy one gathers what arrives until its call returns (natural batching), so
/// batches grow with load and stay single under none. Per stream, events go out in the order callers handed them in.
/// </remarks>
public sealed class CoalescingStreamPublisher<T>
{
    /// <summary>Events per publish at most (a caller's own events are never split): a memory stream queue holds 16,384 in all.</summary>
    public const int DefaultMaxBatchEvents = 2_000;

    private readonly ConcurrentDictionary<string, KeyQueue> _queues = new(StringComparer.Ordinal);
    private readonly Func<string, List<T>, Task> _publish;
    private readonly int _maxBatchEvents;

    /// <param name="publish">Publishes one batch to the stream of a key; the list is the publisher's to keep.</param>
    public CoalescingStreamPublisher(Func<string, List<T>, Task> publish, int maxBatchEvents = DefaultMaxBatchEvents)
    {
        _publish = publish;
        _maxBatchEvents = Math.Max(1, maxBatchEvents);
    }

    /// <summary>Streams with a publish in flight or waiting (those idle are forgotten).</summary>
    public int ActiveStreams => _queues.Count;

    public Task PublishAsync(string key, IReadOnlyList<T> events)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        while (true)
        {
            var queue = _queues.GetOrAdd(key, k => new KeyQueue(this, k));
            if (queue.TryEnqueue(events, out var published))
            {
                return published;
            }

            // That queue went idle and is being forgotten: the next GetOrAdd makes a fresh one.
        }
    }

    private sealed class KeyQueue(CoalescingStreamPublisher<T> owner, string key)
    {
        private readonly object _lock = new();
        private readonly List<(IReadOnlyList<T> Events, TaskCompletionSource Published)> _waiting = [];
        private bool _running;
        private bool _retired;

        public bool TryEnqueue(IReadOnlyList<T> events, out Task published)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            published = done.Task;
            bool start;
            lock (_lock)
            {
                if (_retired)
                {
                    return false;
                }

                _waiting.Add((events, done));
                start = !_running;
                _running = true;
            }

            if (start)
            {
                _ = RunAsync();
            }

            return true;
        }

        private async Task RunAsync()
        {
            while (true)
            {
                var batch = new List<T>();
                var callers = new List<TaskCompletionSource>();
                lock (_lock)
                {
                    var taken = 0;
                    while (taken < _waiting.Count && (taken == 0 || batch.Count + _waiting[taken].Events.Count <= owner._maxBatchEvents))
                    {
                        batch.AddRange(_waiting[taken].Events);
                        callers.Add(_waiting[taken].Published);
                        taken++;
                    }

                    _waiting.RemoveRange(0, taken);
                    if (taken == 0)
                    {
                        _running = false;
                        _retired = true;
                        owner._queues.TryRemove(new KeyValuePair<string, KeyQueue>(key, this));
                        return;
                    }
                }

                try
                {
                    await owner._publish(key, batch);
                    callers.ForEach(c => c.TrySetResult());
                }
                catch (Exception ex)
                {
                    callers.ForEach(c => c.TrySetException(ex));
                }
            }
        }
    }
}
