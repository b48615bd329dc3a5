namespace Insights.Sentiment.Tests.Remote;

using Insights.Sentiment.Remote;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

/// <summary>The breaker and fallback around a primary analyzer, on a clock the tests move.</summary>
public sealed class FallbackSentimentAnalyzerTests
{
    private static readonly LexiconSentimentAnalyzer Local = new();
    private readonly FakeTimeProvider clock = new();
    private readonly Primary primary = new();

    /// <summary>A primary that answers under its own name, fails when told, or waits for a gate.</summary>
    private sealed class Primary : ISentimentAnalyzer
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public bool Failing { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public string Name => "remote/1";

        public async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            var failing = Failing;
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (failing)
            {
                throw new HttpRequestException("service unavailable");
            }

            return texts.Select(t => Local.Analyze(t) with { Analyzer = Name }).ToArray();
        }
    }

    private FallbackSentimentAnalyzer Guard(int threshold = 3) => new(
        primary,
        Local,
        new FallbackOptions { FailureThreshold = threshold, SamplingDuration = TimeSpan.FromSeconds(10), Cooldown = TimeSpan.FromSeconds(30) },
        timeProvider: clock);

    private static async Task<string> ScoredBy(FallbackSentimentAnalyzer guard, string text = "good") => (await guard.AnalyzeAsync([text]))[0].Analyzer;

    private async Task Fail(FallbackSentimentAnalyzer guard)
    {
        primary.Failing = true;
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, await ScoredBy(guard));
    }

    private async Task Open(FallbackSentimentAnalyzer guard)
    {
        await Fail(guard);
        await Fail(guard);
        Assert.Equal(CircuitState.Open, guard.Circuit);
    }

    private async Task Succeed(FallbackSentimentAnalyzer guard)
    {
        primary.Failing = false;
        Assert.Equal(primary.Name, await ScoredBy(guard));
    }

    [Fact]
    public async Task Failures_open_it_and_a_success_in_the_window_keeps_it_closed_until_it_leaves_the_window()
    {
        var guard = Guard();
        await Fail(guard);
        await Fail(guard);
        await Succeed(guard);
        await Fail(guard);
        await Fail(guard);
        Assert.Equal(CircuitState.Closed, guard.Circuit);

        clock.Advance(TimeSpan.FromSeconds(11)); // the success leaves the sampling window
        await Fail(guard);
        await Fail(guard);
        await Fail(guard);
        Assert.Equal(CircuitState.Open, guard.Circuit);

        // Open: the primary is not called, the fallback scores.
        var calls = primary.Calls;
        primary.Failing = false;
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, await ScoredBy(guard));
        Assert.Equal(calls, primary.Calls);
        Assert.Equal(1, guard.Openings);
        Assert.Equal(7, guard.FailedCalls);
        Assert.Equal(8, guard.FallbackTexts);
    }

    [Fact]
    public async Task After_the_cool_down_one_probe_goes_and_its_success_closes_it()
    {
        var guard = Guard(threshold: 2);
        await Open(guard);
        primary.Failing = false;
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, await ScoredBy(guard));
        Assert.Equal(2, primary.Calls);

        clock.Advance(TimeSpan.FromSeconds(1));
        primary.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = guard.AnalyzeAsync(["good"]).AsTask();
        Assert.Equal(CircuitState.HalfOpen, guard.Circuit);

        // While the probe is out, everything else goes to the fallback.
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, await ScoredBy(guard));
        Assert.Equal(3, primary.Calls);
        primary.Gate.SetResult();

        Assert.Equal(primary.Name, (await probe)[0].Analyzer);
        Assert.Equal(CircuitState.Closed, guard.Circuit);
        primary.Gate = null;
        Assert.Equal(primary.Name, await ScoredBy(guard));
    }

    [Fact]
    public async Task A_failed_probe_opens_it_for_another_cool_down()
    {
        var guard = Guard(threshold: 2);
        await Open(guard);
        clock.Advance(TimeSpan.FromSeconds(30));
        await Fail(guard); // the probe

        Assert.Equal(CircuitState.Open, guard.Circuit);
        Assert.Equal(2, guard.Openings);
        Assert.Equal(3, primary.Calls);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, await ScoredBy(guard));
        Assert.Equal(3, primary.Calls);
    }

    [Fact]
    public async Task A_probe_its_caller_abandons_reopens_it_and_another_probes_after_the_cool_down()
    {
        var guard = Guard(threshold: 2);
        await Open(guard);
        clock.Advance(TimeSpan.FromSeconds(30));
        primary.Failing = false;
        primary.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var probe = guard.AnalyzeAsync(["good"], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);
        Assert.Equal(CircuitState.Open, guard.Circuit);
        Assert.Equal(2, guard.Openings);
        Assert.Equal(2, guard.FailedCalls); // the abandoned probe is not a failure of the primary

        primary.Gate = null;
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(primary.Name, await ScoredBy(guard));
        Assert.Equal(CircuitState.Closed, guard.Circuit);
    }

    [Fact]
    public async Task Late_failures_of_calls_let_in_before_it_opened_do_not_reopen_it()
    {
        var guard = Guard(threshold: 2);
        primary.Failing = true;
        primary.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 3).Select(i => guard.AnalyzeAsync([$"good {i}"]).AsTask()).ToArray();
        primary.Gate.SetResult();

        var results = await Task.WhenAll(calls); // two failures open it; the third ends while it is open

        Assert.All(results, r => Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, r[0].Analyzer));
        Assert.Equal(CircuitState.Open, guard.Circuit);
        Assert.Equal(1, guard.Openings);
        Assert.Equal(3, guard.FailedCalls);
    }

    [Fact]
    public void Options_below_Pollys_floor_are_refused_with_their_name()
    {
        var tooShort = new FallbackOptions { Cooldown = TimeSpan.FromMilliseconds(100) };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FallbackSentimentAnalyzer(primary, Local, tooShort));
        Assert.Equal(nameof(FallbackOptions.Cooldown), ex.ParamName);

        var tooFew = new FallbackOptions { FailureThreshold = 1 };
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FallbackSentimentAnalyzer(primary, Local, tooFew));
        Assert.Equal(nameof(FallbackOptions.FailureThreshold), ex.ParamName);
    }
}
