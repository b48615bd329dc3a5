namespace Insights.Sentiment.Tests.Support;

/// <summary>A clock tests move by hand (timestamps only; enough for the circuit breaker).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
