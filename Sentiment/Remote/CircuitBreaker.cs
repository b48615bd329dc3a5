namespace Insights.Sentiment.Remote;

public enum CircuitState
{
    /// <summary>Requests go through; consecutive failures are counted.</summary>
    Closed,

    /// <summary>Requests are refused until the cool-down ends.</summary>
    Open,

    /// <summary>The cool-down ended: one probe request goes through, the others are refused until it ends.</summary>
    HalfOpen,
}

/// <summary>What <see cref="CircuitBreaker.TryEnter"/> allows.</summary>
public enum CircuitPermit
{
    Refused,
    Allowed,

    /// <summary>Allowed as the half-open probe: its outcome closes or reopens the circuit.</summary>
    Probe,
}

/// <summary>
/// A circuit breaker over consecutive failures: <see cref="FailureThreshold"/> failures in a row (no success in
/// between) open it for <see cref="Cooldown"/>; then one probe is let through (half-open): success closes it,
/// failure opens it for another cool-down. Thread-safe.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private CircuitState state = CircuitState.Closed;
    private int consecutiveFailures;
    private long openedAt;
    private bool probing;
    private long openings;

    public CircuitBreaker(int failureThreshold, TimeSpan cooldown, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cooldown, TimeSpan.Zero);
        FailureThreshold = failureThreshold;
        Cooldown = cooldown;
        time = timeProvider ?? TimeProvider.System;
    }

    public int FailureThreshold { get; }

    public TimeSpan Cooldown { get; }

    /// <summary>Times the circuit opened (from closed or after a failed probe).</summary>
    public long Openings
    {
        get
        {
            lock (gate)
            {
                return openings;
            }
        }
    }

    /// <summary>Raised (outside the lock) when the state changes: old state, new state.</summary>
    public event Action<CircuitState, CircuitState>? StateChanged;

    public CircuitState State
    {
        get
        {
            lock (gate)
            {
                return state == CircuitState.Open && CooledDown() ? CircuitState.HalfOpen : state;
            }
        }
    }

    /// <summary>Whether a request may go now. Every allowed request must end with <see cref="Success"/>, <see cref="Failure"/> or <see cref="Abandon"/>.</summary>
    public CircuitPermit TryEnter()
    {
        (CircuitState, CircuitState)? change = null;
        CircuitPermit permit;
        lock (gate)
        {
            if (state == CircuitState.Open && CooledDown())
            {
                change = (state, CircuitState.HalfOpen);
                state = CircuitState.HalfOpen;
            }

            switch (state)
            {
                case CircuitState.Closed:
                    permit = CircuitPermit.Allowed;
                    break;
                case CircuitState.HalfOpen when !probing:
                    probing = true;
                    permit = CircuitPermit.Probe;
                    break;
                default:
                    permit = CircuitPermit.Refused;
                    break;
            }
        }

        Raise(change);
        return permit;
    }

    public void Success(CircuitPermit permit)
    {
        (CircuitState, CircuitState)? change = null;
        lock (gate)
        {
            consecutiveFailures = 0;
            if (permit == CircuitPermit.Probe)
            {
                probing = false;
                if (state != CircuitState.Closed)
                {
                    change = (state, CircuitState.Closed);
                    state = CircuitState.Closed;
                }
            }
        }

        Raise(change);
    }

    public void Failure(CircuitPermit permit)
    {
        (CircuitState, CircuitState)? change = null;
        lock (gate)
        {
            if (permit == CircuitPermit.Probe)
            {
                probing = false;
                change = Open();
            }
            else if (state == CircuitState.Closed && ++consecutiveFailures >= FailureThreshold)
            {
                change = Open();
            }
        }

        Raise(change);
    }

    /// <summary>The request ended without an outcome (the caller gave up): a probe slot is freed for the next request.</summary>
    public void Abandon(CircuitPermit permit)
    {
        if (permit != CircuitPermit.Probe)
        {
            return;
        }

        lock (gate)
        {
            probing = false;
        }
    }

    private (CircuitState, CircuitState) Open()
    {
        var previous = state;
        state = CircuitState.Open;
        openedAt = time.GetTimestamp();
        consecutiveFailures = 0;
        openings++;
        return (previous, CircuitState.Open);
    }

    private bool CooledDown() => time.GetElapsedTime(openedAt) >= Cooldown;

    private void Raise((CircuitState From, CircuitState To)? change)
    {
        if (change is { } c && c.From != c.To)
        {
            StateChanged?.Invoke(c.From, c.To);
        }
    }
}
