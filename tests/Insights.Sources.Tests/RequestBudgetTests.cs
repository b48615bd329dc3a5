namespace Insights.Sources.Tests;

using Insights.Sources.RateLimiting;
using Insights.Sources.Tests.Support;

public sealed class RequestBudgetTests
{
    [Fact]
    public void A_bucket_serves_its_capacity_at_once_then_refills_at_its_rate()
    {
        var start = DateTimeOffset.UnixEpoch;
        var bucket = new TokenBucket(3, TimeSpan.FromMinutes(1), start);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, bucket.TimeUntilToken(start));
            bucket.Take(start);
        }

        Assert.Equal(TimeSpan.FromSeconds(20), bucket.TimeUntilToken(start));
        Assert.Equal(TimeSpan.FromSeconds(5), bucket.TimeUntilToken(start.AddSeconds(15)));
        Assert.Equal(TimeSpan.Zero, bucket.TimeUntilToken(start.AddSeconds(20)));
        Assert.Equal(3, bucket.Available(start.AddHours(1)), 6); // never above capacity
    }

    [Fact]
    public async Task Requests_beyond_the_minute_budget_wait_for_the_clock()
    {
        var clock = new ManualTimeProvider();
        var throttled = new List<string>();
        var budget = new RequestBudget(requestsPerMinute: 2, requestsPerDay: 1000, clock) { OnThrottled = throttled.Add };

        await budget.AcquireAsync(CancellationToken.None);
        await budget.AcquireAsync(CancellationToken.None);
        var third = budget.AcquireAsync(CancellationToken.None);

        await clock.WaitForTimerAsync();
        Assert.False(third.IsCompleted);
        Assert.Equal(["minute"], throttled);
        Assert.Equal(clock.GetUtcNow().AddSeconds(30), Assert.Single(clock.PendingTimers));

        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_daily_budget_binds_even_when_the_minute_has_room()
    {
        var clock = new ManualTimeProvider();
        var throttled = new List<string>();
        var budget = new RequestBudget(requestsPerMinute: 100, requestsPerDay: 3, clock) { OnThrottled = throttled.Add };
        for (var i = 0; i < 3; i++)
        {
            await budget.AcquireAsync(CancellationToken.None);
        }

        var fourth = budget.AcquireAsync(CancellationToken.None);
        await clock.WaitForTimerAsync();
        Assert.Equal("day", throttled.Single());
        clock.Advance(TimeSpan.FromHours(7)); // 3 a day: one every 8 hours
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);

        clock.Advance(TimeSpan.FromHours(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_restored_daily_level_keeps_what_was_spent()
    {
        var clock = new ManualTimeProvider();
        var first = new RequestBudget(100, 10, clock);
        for (var i = 0; i < 10; i++)
        {
            await first.AcquireAsync(CancellationToken.None);
        }

        var (tokens, at) = first.DaySnapshot();
        clock.Advance(TimeSpan.FromHours(2.4)); // 10 a day: one token back

        var second = new RequestBudget(100, 10, clock);
        second.RestoreDay(tokens, at);
        Assert.Equal(1, second.AvailableToday(), 3);
    }

    [Fact]
    public async Task A_waiting_request_is_cancelled_with_its_token()
    {
        var clock = new ManualTimeProvider();
        var budget = new RequestBudget(1, 1000, clock);
        await budget.AcquireAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(cts.Token);
        await clock.WaitForTimerAsync();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
