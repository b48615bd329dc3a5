namespace Insights.Sources.RateLimiting;

/// <summary>
/// A token bucket: holds up to <see cref="Capacity"/> tokens and refills continuously at <see cref="Capacity"/>
/// per <see cref="Period"/>. Not thread-safe; <see cref="RequestBudget"/> locks around it.
/// </summary>
public sealed class TokenBucket
{
    private double _tokens;
    private DateTimeOffset _at;

    public TokenBucket(int capacity, TimeSpan period, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Capacity = capacity;
        Period = period;
        _tokens = capacity;
        _at = now;
    }

    public int Capacity { get; }

    public TimeSpan Period { get; }

    /// <summary>Tokens per second.</summary>
    public double Rate => Capacity / Period.TotalSeconds;

    public double Available(DateTimeOffset now)
    {
        Refill(now);
        return _tokens;
    }

    /// <summary>Sets the level (restored from a saved state), as it was at <paramref name="at"/>.</summary>
    public void Restore(double tokens, DateTimeOffset at)
    {
        _tokens = Math.Clamp(tokens, 0, Capacity);
        _at = at;
    }

    /// <summary>How long until one token is there; zero when one is.</summary>
    public TimeSpan TimeUntilToken(DateTimeOffset now)
    {
        Refill(now);
        if (_tokens >= 1)
        {
            return TimeSpan.Zero;
        }

        // Round up to whole milliseconds so that waiting this long always yields the token.
        return TimeSpan.FromMilliseconds(Math.Ceiling((1 - _tokens) / Rate * 1000));
    }

    public void Take(DateTimeOffset now)
    {
        Refill(now);
        if (_tokens < 1)
        {
            throw new InvalidOperationException("No token to take.");
        }

        _tokens -= 1;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _at)
        {
            _tokens = Math.Min(Capacity, _tokens + (now - _at).TotalSeconds * Rate);
            _at = now;
        }
    }
}
