namespace Insights.Sources.RateLimiting;

/// <summary>
/// The request budget of one API: a token bucket per minute and one per day; a request takes a token from both and
/// waits (on the <see cref="TimeProvider"/>, so tests control time) until both have one.
/// </summary>
public sealed class RequestBudget
{
    private readonly Lock _lock = new();
    private readonly TokenBucket _minute;
    private readonly TokenBucket _day;
    private readonly TimeProvider _clock;

    public RequestBudget(int requestsPerMinute, int requestsPerDay, TimeProvider clock)
    {
        _clock = clock;
        var now = clock.GetUtcNow();
        _minute = new TokenBucket(requestsPerMinute, TimeSpan.FromMinutes(1), now);
        _day = new TokenBucket(requestsPerDay, TimeSpan.FromDays(1), now);
    }

    /// <summary>Called with <c>minute</c> or <c>day</c> each time a request has to wait for that bucket.</summary>
    public Action<string>? OnThrottled { get; set; }

    /// <summary>Waits until both buckets have a token, then takes one from each.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            string limit;
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                var minuteWait = _minute.TimeUntilToken(now);
                var dayWait = _day.TimeUntilToken(now);
                if (minuteWait == TimeSpan.Zero && dayWait == TimeSpan.Zero)
                {
                    _minute.Take(now);
                    _day.Take(now);
                    return;
                }

                (wait, limit) = dayWait >= minuteWait ? (dayWait, "day") : (minuteWait, "minute");
            }

            OnThrottled?.Invoke(limit);
            await Task.Delay(wait, _clock, cancellationToken);
        }
    }

    /// <summary>The daily bucket's level, saved with the source's state so a restart does not refill it.</summary>
    public (double Tokens, DateTimeOffset At) DaySnapshot()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            return (_day.Available(now), now);
        }
    }

    public void RestoreDay(double tokens, DateTimeOffset at)
    {
        lock (_lock)
        {
            _day.Restore(tokens, at);
        }
    }

    public double AvailableThisMinute()
    {
        lock (_lock)
        {
            return _minute.Available(_clock.GetUtcNow());
        }
    }

    public double AvailableToday()
    {
        lock (_lock)
        {
            return _day.Available(_clock.GetUtcNow());
        }
    }
}
