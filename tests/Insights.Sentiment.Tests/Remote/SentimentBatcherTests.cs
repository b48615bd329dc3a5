namespace Insights.Sentiment.Tests.Remote;

using System.Collections.Concurrent;
using System.Diagnostics;
using Insights.Sentiment.Remote;

public sealed class SentimentBatcherTests
{
    private static readonly LexiconSentimentAnalyzer Local = new();

    /// <summary>Records every call; answers like the local analyzer but under its own name, after an optional gate.</summary>
    private sealed class RecordingAnalyzer(Func<IReadOnlyList<string>, CancellationToken, Task>? before = null) : ISentimentAnalyzer
    {
        private int running;

        public ConcurrentQueue<IReadOnlyList<string>> Calls { get; } = new();

        public int MaxRunning;

        public string Name => "recording/1";

        public async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue(texts.ToArray());
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref MaxRunning, now);
            try
            {
                if (before is not null)
                {
                    await before(texts, cancellationToken);
                }

                return texts.Select(t => Local.Analyze(t) with { Analyzer = Name }).ToArray();
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private static SentimentBatcherOptions Options(int window = 20, int concurrency = 4) => new()
    {
        MaxBatchSize = 10,
        Window = TimeSpan.FromMilliseconds(window),
        MaxConcurrentBatches = concurrency,
    };

    [Fact]
    public async Task Concurrent_single_text_callers_share_full_batches()
    {
        var inner = new RecordingAnalyzer();
        await using var batcher = new SentimentBatcher(inner, Options(window: 200));
        var callers = Enumerable.Range(0, 30).Select(i => batcher.AnalyzeAsync([$"lovely {i}"]).AsTask()).ToArray();

        var results = await Task.WhenAll(callers);

        Assert.All(inner.Calls, call => Assert.InRange(call.Count, 1, 10));
        Assert.Equal(30, inner.Calls.Sum(c => c.Count));
        Assert.True(inner.Calls.Count <= 4, $"{inner.Calls.Count} inner calls: {string.Join(", ", inner.Calls.Select(c => c.Count))}");
        Assert.All(results, r => Assert.Equal("recording/1", Assert.Single(r).Analyzer));
    }

    [Fact]
    public async Task A_lone_text_waits_no_longer_than_the_window()
    {
        var inner = new RecordingAnalyzer();
        await using var batcher = new SentimentBatcher(inner, Options(window: 100));
        await batcher.AnalyzeAsync(["warm up"]);
        var watch = Stopwatch.StartNew();

        // Answered without any other text arriving (a batcher waiting for a full batch would never answer), and only
        // after the window. Upper bounds here only catch a stall: a loaded CI machine may be slow by seconds.
        var result = await batcher.AnalyzeAsync(["alone"]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("recording/1", result[0].Analyzer);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(80), $"answered after {watch.Elapsed}, before the window");
    }

    [Fact]
    public async Task A_full_batch_does_not_wait_for_the_window()
    {
        var inner = new RecordingAnalyzer();
        await using var batcher = new SentimentBatcher(inner, Options(window: 60_000));
        var watch = Stopwatch.StartNew();

        var results = await batcher.AnalyzeAsync(Enumerable.Range(0, 10).Select(i => $"text {i}").ToArray());

        Assert.Equal(10, results.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}: it waited for the 60 s window");
        Assert.Single(inner.Calls);
    }

    [Fact]
    public async Task A_large_call_is_split_and_keeps_its_order()
    {
        var inner = new RecordingAnalyzer();
        await using var batcher = new SentimentBatcher(inner, Options());
        var texts = Enumerable.Range(0, 25).Select(i => i % 3 == 0 ? $"I love it {i}" : i % 3 == 1 ? $"I hate it {i}" : $"it is {i}").ToArray();

        var results = await batcher.AnalyzeAsync(texts);

        Assert.Equal(texts.Select(t => Local.Analyze(t) with { Analyzer = "recording/1" }), results);
        Assert.Equal([10, 10, 5], inner.Calls.Select(c => c.Count));
    }

    [Fact]
    public async Task Inner_calls_never_exceed_the_concurrency_bound()
    {
        var inner = new RecordingAnalyzer((_, _) => Task.Delay(50));
        await using var batcher = new SentimentBatcher(inner, Options(window: 1, concurrency: 3));

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () => await batcher.AnalyzeAsync([$"t{i}"]))));

        Assert.InRange(inner.MaxRunning, 1, 3);
        Assert.Equal(200, inner.Calls.Sum(c => c.Count));
        Assert.True(inner.Calls.Count(c => c.Count == 10) >= 15, "texts queued behind busy slots fill batches");
    }

    [Fact]
    public async Task A_failed_batch_fails_only_its_callers()
    {
        var inner = new RecordingAnalyzer((texts, _) => texts.Any(t => t.Contains("boom")) ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        await using var batcher = new SentimentBatcher(inner, Options(window: 1));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await batcher.AnalyzeAsync(["boom"]));
        var fine = await batcher.AnalyzeAsync(["fine"]);

        Assert.Equal("recording/1", fine[0].Analyzer);
    }

    [Fact]
    public async Task A_cancelled_caller_is_released_and_its_queued_texts_are_dropped()
    {
        using var gate = new SemaphoreSlim(0);
        var inner = new RecordingAnalyzer((_, token) => gate.WaitAsync(token));
        await using var batcher = new SentimentBatcher(inner, Options(window: 1, concurrency: 1));
        var blocking = batcher.AnalyzeAsync(["first"]).AsTask();
        await WaitUntil(() => !inner.Calls.IsEmpty);
        using var cancel = new CancellationTokenSource();

        var cancelled = batcher.AnalyzeAsync(["second"], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Release(10);
        await blocking;
        await batcher.AnalyzeAsync(["third"]);
        Assert.DoesNotContain(inner.Calls, c => c.Contains("second"));
    }

    [Fact]
    public async Task With_MaxWait_a_stalled_inner_analyzer_is_bypassed_by_the_overflow_analyzer()
    {
        using var gate = new SemaphoreSlim(0);
        var inner = new RecordingAnalyzer((_, token) => gate.WaitAsync(token));
        var options = Options(window: 1);
        options.MaxWait = TimeSpan.FromMilliseconds(200);
        await using var batcher = new SentimentBatcher(inner, options, Local);
        var watch = Stopwatch.StartNew();

        var results = await batcher.AnalyzeAsync(["I love it", "I hate it"]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Equal([Local.Analyze("I love it"), Local.Analyze("I hate it")], results);
        Assert.Equal(2, batcher.OverflowTexts);
        gate.Release(10);
    }

    [Fact]
    public async Task After_disposal_calls_are_refused_and_waiting_callers_fail()
    {
        using var gate = new SemaphoreSlim(0);
        var inner = new RecordingAnalyzer((_, token) => gate.WaitAsync(token));
        var batcher = new SentimentBatcher(inner, Options(window: 1, concurrency: 1));
        var inFlight = batcher.AnalyzeAsync(["a"]).AsTask();
        await WaitUntil(() => !inner.Calls.IsEmpty);
        var queued = batcher.AnalyzeAsync(["b"]).AsTask();

        await batcher.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await batcher.AnalyzeAsync(["c"]));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
    }

    [Fact]
    public void Options_are_checked()
    {
        var inner = new RecordingAnalyzer();
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentBatcher(inner, new SentimentBatcherOptions { MaxBatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentBatcher(inner, new SentimentBatcherOptions { MaxConcurrentBatches = 0 }));
        Assert.Throws<ArgumentException>(() => new SentimentBatcher(inner, new SentimentBatcherOptions { MaxWait = TimeSpan.FromSeconds(1) }));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
