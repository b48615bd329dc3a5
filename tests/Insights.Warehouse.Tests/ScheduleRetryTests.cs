namespace Insights.Warehouse.Tests;

using Insights.Warehouse.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

/// <summary>The retries of the loader's reminder registration at silo start, on a clock the test moves.</summary>
public sealed class ScheduleRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="attempt"/> through the retry, moving the clock until it ends.</summary>
    private static async Task<(Task Run, TimeSpan Waited)> Drive(Func<ValueTask> attempt)
    {
        var time = new FakeTimeProvider(Start);
        var run = WarehouseHostingExtensions.ScheduleRetry(NullLogger.Instance, time).ExecuteAsync(_ => attempt()).AsTask();
        while (!run.IsCompleted)
        {
            await Task.Delay(2);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        await Task.WhenAny(run);
        return (run, time.GetUtcNow() - Start);
    }

    [Fact]
    public async Task A_registration_that_fails_at_first_is_tried_again_with_doubling_waits()
    {
        var attempts = 0;
        var (run, waited) = await Drive(() =>
        {
            attempts++;
            return attempts < 4 ? throw new TimeoutException("the reminder table is not ready") : ValueTask.CompletedTask;
        });

        await run;
        Assert.Equal(4, attempts);
        Assert.True(waited >= TimeSpan.FromSeconds(1 + 2 + 4), $"waited {waited}");
    }

    [Fact]
    public async Task It_gives_up_after_the_last_attempt_with_the_failure()
    {
        var attempts = 0;
        var (run, waited) = await Drive(() =>
        {
            attempts++;
            throw new InvalidOperationException("no reminder service");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal(8, attempts);
        Assert.True(waited >= TimeSpan.FromSeconds(1 + 2 + 4 + 8 + 16 + 32 + 64), $"waited {waited}");
    }
}
