namespace Insights.Testing;

using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// <see cref="FakeTimeProvider"/> (which keeps the time and fires timers in due order as it is moved) that also
/// tells who waits on it: FakeTimeProvider keeps its timers to itself, and these tests step the clock from one
/// wait of the code under test to the next (<see cref="NextDue"/>, <see cref="WaitForTimerAsync"/>), or let every
/// wait pass at once and check how long it was (<see cref="AdvancesOnEveryWait"/>, <see cref="Waits"/>).
/// </summary>
public class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly Lock _advancing = new(); // FakeTimeProvider is moved by one thread at a time
    private readonly Dictionary<ObservedTimer, DateTimeOffset> _armed = [];

    /// <summary>When set, every timer armed moves the clock to its due time at once (from the thread pool).</summary>
    public bool AdvancesOnEveryWait { get; init; }

    /// <summary>The due times (relative) of the timers armed, in order.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>Due time of the earliest armed timer, if any.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                return _armed.Count == 0 ? null : _armed.Values.Min();
            }
        }
    }

    /// <summary>Due times of the timers armed now.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return [.. _armed.Values.Order()];
            }
        }
    }

    public void AdvanceTo(DateTimeOffset to) => SetUtcNow(to);

    /// <summary>Waits (in real time) until a timer is armed (whose due time <paramref name="dueAt"/> accepts): someone waits on this clock.</summary>
    public async Task WaitForTimerAsync(Func<DateTimeOffset, bool>? dueAt = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!PendingTimers.Any(d => dueAt?.Invoke(d) ?? true))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No timer was armed on the clock.");
            }

            await Task.Delay(5);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this);
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Armed(ObservedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _armed.Remove(timer);
                return;
            }

            _armed[timer] = GetUtcNow() + dueTime;
        }

        Waits.Enqueue(dueTime);
    }

    /// <summary>
    /// With <see cref="AdvancesOnEveryWait"/>, moves the clock past a timer just set. Only once the inner timer is set:
    /// a clock moved before that would pass the due time without firing it, and the timer would wait forever.
    /// </summary>
    private void PassWait(TimeSpan dueTime)
    {
        if (AdvancesOnEveryWait && dueTime > TimeSpan.Zero)
        {
            ThreadPool.QueueUserWorkItem(_ =>
            {
                lock (_advancing)
                {
                    Advance(dueTime);
                }
            });
        }
    }

    private void Disarmed(ObservedTimer timer, bool fired)
    {
        lock (_lock)
        {
            if (fired && timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
            {
                _armed[timer] = GetUtcNow() + timer.Period;
            }
            else
            {
                _armed.Remove(timer);
            }
        }
    }

    private sealed class ObservedTimer(ObservedTimeProvider owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public TimeSpan Period { get; set; }

        public void Fired() => owner.Disarmed(this, fired: true);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Armed(this, dueTime, period);
            var changed = Inner.Change(dueTime, period);
            owner.PassWait(dueTime);
            return changed;
        }

        public void Dispose()
        {
            owner.Disarmed(this, fired: false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
