namespace Insights.Grains.Domain.Alerts;

/// <summary>
/// When a failed delivery is tried again: <see cref="FirstDelay"/> after the first failure, doubled after each further
/// one up to <see cref="MaxDelay"/>; never once <see cref="GiveUpAfter"/> has passed since its alert fired.
/// </summary>
public sealed class BackoffSchedule
{
    public BackoffSchedule(TimeSpan firstDelay, TimeSpan maxDelay, TimeSpan giveUpAfter)
    {
        FirstDelay = firstDelay > TimeSpan.Zero ? firstDelay : throw new ArgumentOutOfRangeException(nameof(firstDelay), firstDelay, "must be positive");
        MaxDelay = maxDelay >= firstDelay ? maxDelay : throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, "must be at least the first delay");
        GiveUpAfter = giveUpAfter > TimeSpan.Zero ? giveUpAfter : throw new ArgumentOutOfRangeException(nameof(giveUpAfter), giveUpAfter, "must be positive");
    }

    public TimeSpan FirstDelay { get; }

    public TimeSpan MaxDelay { get; }

    public TimeSpan GiveUpAfter { get; }

    public static BackoffSchedule From(AlertDeliveryOptions options) => new(options.FirstRetryDelay, options.MaxRetryDelay, options.GiveUpAfter);

    /// <summary>The wait after <paramref name="failedAttempts"/> failures (1 or more).</summary>
    public TimeSpan Delay(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var delay = FirstDelay;
        for (var i = 1; i < failedAttempts && delay < MaxDelay; i++)
        {
            delay = delay > MaxDelay / 2 ? MaxDelay : delay * 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>The next attempt after a failure at <paramref name="now"/>, or null when the delivery is given up.</summary>
    public DateTimeOffset? Next(int failedAttempts, DateTimeOffset firedAt, DateTimeOffset now) =>
        Expired(firedAt, now) ? null : now + Delay(failedAttempts);

    public bool Expired(DateTimeOffset firedAt, DateTimeOffset now) => now - firedAt >= GiveUpAfter;
}
