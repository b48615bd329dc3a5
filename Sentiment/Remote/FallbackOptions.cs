namespace Insights.Sentiment.Remote;

/// <summary>When a <see cref="FallbackSentimentAnalyzer"/> stops calling its primary analyzer, and for how long.</summary>
public sealed class FallbackOptions
{
    /// <summary>Polly's floor for the calls sampled.</summary>
    public const int ShortestFailureThreshold = 2;

    /// <summary>Polly's floor for the sampling window and the break.</summary>
    public static readonly TimeSpan ShortestDuration = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Failed calls, with no success among them, within <see cref="SamplingDuration"/> that open the circuit; at
    /// least 2 (Polly's circuit breaker needs two calls to sample).
    /// </summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>The window in which failures are counted; a success in it keeps the circuit closed.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (everything goes to the fallback) before one call probes the primary.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FailureThreshold, ShortestFailureThreshold, nameof(FailureThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(SamplingDuration, ShortestDuration, nameof(SamplingDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(Cooldown, ShortestDuration, nameof(Cooldown));
    }
}
