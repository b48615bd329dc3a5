namespace Insights.Sources.Tests.Support;

/// <summary>
/// A clock that moves only when told (<see cref="Advance"/>). Timers (and so <c>Task.Delay(delay, provider)</c>) fire
/// when the clock passes their due time. Thread-safe.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>Due times of the timers waiting now.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value).ToList();
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).ToList();
            foreach (var timer in due)
            {
                timer.DueAt = timer.Period is { } period && period > TimeSpan.Zero ? _now + period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Waits (in real time) until some timer is pending, i.e. someone is waiting on this clock.</summary>
    public async Task WaitForTimerAsync(Func<DateTimeOffset, bool>? dueAt = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!PendingTimers.Any(d => dueAt?.Invoke(d) ?? true))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No timer was created on the manual clock.");
            }

            await Task.Delay(5);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var fireNow = false;
            lock (owner._lock)
            {
                if (!owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }

                Period = period == Timeout.InfiniteTimeSpan ? null : period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = null;
                }
                else if (dueTime <= TimeSpan.Zero)
                {
                    fireNow = true;
                    DueAt = Period is { } p && p > TimeSpan.Zero ? owner._now + p : null;
                }
                else
                {
                    DueAt = owner._now + dueTime;
                }
            }

            if (fireNow)
            {
                Fire();
            }

            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
