namespace Insights.Sentiment.Remote;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;

/// <summary>
/// A primary analyzer (remote) guarded by a Polly circuit breaker, with a fallback (local) as Polly's fallback: a
/// call the primary fails (after its own retries) is scored by the fallback and counts as a failure;
/// <see cref="FallbackOptions.FailureThreshold"/> failures with no success within
/// <see cref="FallbackOptions.SamplingDuration"/> open the circuit, and while it is open every call goes straight
/// to the fallback; after <see cref="FallbackOptions.Cooldown"/> one call probes the primary (half-open): success
/// closes the circuit, failure opens it for another cool-down. Results say who scored them
/// (<see cref="SentimentResult.Analyzer"/>). Only the caller's cancellation escapes; it counts as a failure only for
/// the probe.
/// </summary>
public sealed partial class FallbackSentimentAnalyzer : ISentimentAnalyzer
{
    private static readonly ResiliencePropertyKey<IReadOnlyList<string>> TextsKey = new("insights.sentiment.texts");

    private readonly ISentimentAnalyzer primary;
    private readonly ISentimentAnalyzer fallback;
    private readonly FallbackOptions options;
    private readonly ILogger logger;
    private readonly CircuitBreakerStateProvider circuit = new();
    private readonly ResiliencePipeline<IReadOnlyList<SentimentResult>> pipeline;
    private long fallbackTexts;
    private long failedCalls;
    private long openings;

    /// <param name="options">Validated here; copied.</param>
    /// <param name="timeProvider">Clock of the sampling window and the cool-down; the system clock when null.</param>
    public FallbackSentimentAnalyzer(
        ISentimentAnalyzer primary,
        ISentimentAnalyzer fallback,
        FallbackOptions options,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.primary = primary;
        this.fallback = fallback;
        this.options = new FallbackOptions { FailureThreshold = options.FailureThreshold, SamplingDuration = options.SamplingDuration, Cooldown = options.Cooldown };
        this.logger = logger ?? NullLogger.Instance;
        Name = $"{primary.Name} (fallback {fallback.Name})";
        pipeline = new ResiliencePipelineBuilder<IReadOnlyList<SentimentResult>> { TimeProvider = timeProvider ?? TimeProvider.System }
            .AddFallback(new FallbackStrategyOptions<IReadOnlyList<SentimentResult>>
            {
                // The primary's failures and the open circuit's refusals (BrokenCircuitException).
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome, args.Context)),
                FallbackAction = async args => Outcome.FromResult(await FallBackAsync(args.Context).ConfigureAwait(false)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IReadOnlyList<SentimentResult>>
            {
                FailureRatio = 1.0,
                MinimumThroughput = this.options.FailureThreshold,
                SamplingDuration = this.options.SamplingDuration,
                BreakDuration = this.options.Cooldown,
                StateProvider = circuit,
                // A probe its caller abandons counts as failed: Polly lets no other call probe while one is out, and
                // a probe that ends neither way would leave the circuit half-open, refusing everything, for good.
                ShouldHandle = args => ValueTask.FromResult(
                    IsFailure(args.Outcome, args.Context) || (args.Outcome.Exception is not null && circuit.CircuitState == CircuitState.HalfOpen)),
                OnOpened = args =>
                {
                    Interlocked.Increment(ref openings);
                    LogOpened(primary.Name, args.BreakDuration, fallback.Name);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogClosed(primary.Name);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public string Name { get; }

    public ISentimentAnalyzer Primary => primary;

    public ISentimentAnalyzer Fallback => fallback;

    /// <summary>The options in use (a copy).</summary>
    public FallbackOptions Options => new() { FailureThreshold = options.FailureThreshold, SamplingDuration = options.SamplingDuration, Cooldown = options.Cooldown };

    /// <summary>The circuit's state as Polly reports it (open until a call after the cool-down makes it half-open).</summary>
    public CircuitState Circuit => circuit.CircuitState;

    /// <summary>Times the circuit opened (from closed, or after a failed probe).</summary>
    public long Openings => Interlocked.Read(ref openings);

    /// <summary>Texts scored by the fallback because the primary failed or the circuit was open.</summary>
    public long FallbackTexts => Interlocked.Read(ref fallbackTexts);

    /// <summary>Calls the primary failed.</summary>
    public long FailedCalls => Interlocked.Read(ref failedCalls);

    public async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TextsKey, texts);
        try
        {
            return await pipeline.ExecuteAsync(static (ctx, self) => self.CallPrimaryAsync(ctx), context, this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<IReadOnlyList<SentimentResult>> CallPrimaryAsync(ResilienceContext context)
    {
        var texts = context.Properties.GetValue(TextsKey, []);
        try
        {
            var results = await primary.AnalyzeAsync(texts, context.CancellationToken).ConfigureAwait(false);
            if (results.Count != texts.Count)
            {
                throw new InvalidOperationException($"{primary.Name} returned {results.Count} results for {texts.Count} texts.");
            }

            return results;
        }
        catch (Exception ex) when (!IsCallersCancellation(ex, context))
        {
            Interlocked.Increment(ref failedCalls);
            SentimentMetrics.FailedCalls.Add(1);
            LogPrimaryFailed(primary.Name, texts.Count, fallback.Name, ex);
            throw;
        }
    }

    private async ValueTask<IReadOnlyList<SentimentResult>> FallBackAsync(ResilienceContext context)
    {
        var texts = context.Properties.GetValue(TextsKey, []);
        Interlocked.Add(ref fallbackTexts, texts.Count);
        SentimentMetrics.FallbackTexts.Add(texts.Count);
        return await fallback.AnalyzeAsync(texts, context.CancellationToken).ConfigureAwait(false);
    }

    private static bool IsFailure(Outcome<IReadOnlyList<SentimentResult>> outcome, ResilienceContext context) =>
        outcome.Exception is { } ex && !IsCallersCancellation(ex, context);

    private static bool IsCallersCancellation(Exception ex, ResilienceContext context) =>
        ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Primary} failed to score {Count} texts; scored with {Fallback}")]
    private partial void LogPrimaryFailed(string primary, int count, string fallback, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Primary}: circuit open; everything is scored with {Fallback} for {Cooldown} before a probe")]
    private partial void LogOpened(string primary, TimeSpan cooldown, string fallback);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Primary}: circuit closed, the probe succeeded")]
    private partial void LogClosed(string primary);
}
