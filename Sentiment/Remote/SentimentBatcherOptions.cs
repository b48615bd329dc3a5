namespace Insights.Sentiment.Remote;

/// <summary>How a <see cref="SentimentBatcher"/> groups texts.</summary>
public sealed class SentimentBatcherOptions
{
    /// <summary>Most texts per call of the inner analyzer (one remote request).</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Longest the oldest waiting text waits for its batch to fill before a partial batch is sent.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Most inner calls in flight at once; texts queue (and batches fill) while all are busy.</summary>
    public int MaxConcurrentBatches { get; set; } = 8;

    /// <summary>
    /// With an overflow analyzer: longest a caller waits. Its texts still unscored then are scored by the overflow
    /// analyzer (and dropped from the queue), so a slow or saturated remote never stalls a caller for longer.
    /// Null: callers wait as long as it takes.
    /// </summary>
    public TimeSpan? MaxWait { get; set; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentBatches, 1, nameof(MaxConcurrentBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.Zero, nameof(Window));
        if (MaxWait is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(MaxWait));
        }
    }
}
