using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Insights.Sentiment.Remote;

/// <summary>
/// A primary analyzer (remote) guarded by a <see cref="CircuitBreaker"/>, with a fallback (local): a call the
/// primary fails (after its own retries) is scored by the fallback and counts as a breaker failure; while the
/// circuit is open every call goes straight to the fallback; after the cool-down one call probes the primary.
/// Results say who scored them (<see cref="SentimentResult.Analyzer"/>). Only the caller's cancellation escapes.
/// </summary>
public sealed partial class FallbackSentimentAnalyzer : ISentimentAnalyzer
{
    private readonly ISentimentAnalyzer primary;
    private readonly ISentimentAnalyzer fallback;
    private readonly ILogger logger;
    private long fallbackTexts;
    private long failedCalls;

    public FallbackSentimentAnalyzer(ISentimentAnalyzer primary, ISentimentAnalyzer fallback, CircuitBreaker breaker, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(breaker);
        this.primary = primary;
        this.fallback = fallback;
        Breaker = breaker;
        this.logger = logger ?? NullLogger.Instance;
        Name = $"{primary.Name} (fallback {fallback.Name})";
        breaker.StateChanged += OnStateChanged;
    }

    public string Name { get; }

    public CircuitBreaker Breaker { get; }

    public ISentimentAnalyzer Primary => primary;

    public ISentimentAnalyzer Fallback => fallback;

    /// <summary>Texts scored by the fallback because the primary failed or the circuit was open.</summary>
    public long FallbackTexts => Interlocked.Read(ref fallbackTexts);

    /// <summary>Calls the primary failed.</summary>
    public long FailedCalls => Interlocked.Read(ref failedCalls);

    public async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var permit = Breaker.TryEnter();
        if (permit == CircuitPermit.Refused)
        {
            return await FallBackAsync(texts, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var results = await primary.AnalyzeAsync(texts, cancellationToken).ConfigureAwait(false);
            if (results.Count != texts.Count)
            {
                throw new InvalidOperationException($"{primary.Name} returned {results.Count} results for {texts.Count} texts.");
            }

            Breaker.Success(permit);
            return results;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Breaker.Abandon(permit);
            throw;
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref failedCalls);
            SentimentMetrics.FailedCalls.Add(1);
            Breaker.Failure(permit);
            LogPrimaryFailed(primary.Name, texts.Count, fallback.Name, ex);
            return await FallBackAsync(texts, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask<IReadOnlyList<SentimentResult>> FallBackAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref fallbackTexts, texts.Count);
        SentimentMetrics.FallbackTexts.Add(texts.Count);
        return fallback.AnalyzeAsync(texts, cancellationToken);
    }

    private void OnStateChanged(CircuitState from, CircuitState to)
    {
        switch (to)
        {
            case CircuitState.Open:
                LogOpened(primary.Name, from == CircuitState.HalfOpen ? "the probe failed" : $"{Breaker.FailureThreshold} consecutive failures", Breaker.Cooldown, fallback.Name);
                break;
            case CircuitState.Closed:
                LogClosed(primary.Name);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Primary} failed to score {Count} texts; scored with {Fallback}")]
    private partial void LogPrimaryFailed(string primary, int count, string fallback, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Primary}: circuit open after {Reason}; everything is scored with {Fallback} for {Cooldown} before a probe")]
    private partial void LogOpened(string primary, string reason, TimeSpan cooldown, string fallback);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Primary}: circuit closed, the probe succeeded")]
    private partial void LogClosed(string primary);
}
