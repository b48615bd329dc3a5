namespace Insights.Grains.Tests.Domain.Alerts;

using Insights.Alerts;
using Insights.Grains.Domain.Alerts;
using static Insights.Grains.Tests.Domain.TestEvents;

public sealed class AlertCooldownAndBackoffTests
{
    [Fact]
    public void A_video_and_rule_fire_once_per_cooldown_other_videos_and_rules_are_free()
    {
        var lastFired = new Dictionary<string, DateTimeOffset>();
        var cooldown = new AlertCooldown(lastFired, TimeSpan.FromMinutes(15));

        Assert.True(cooldown.TryEnter("v1", AlertRule.SentimentSwing, T0));
        Assert.False(cooldown.TryEnter("v1", AlertRule.SentimentSwing, T0.AddMinutes(14)));
        Assert.True(cooldown.TryEnter("v1", AlertRule.NegativeShare, T0.AddMinutes(1)));
        Assert.True(cooldown.TryEnter("v2", AlertRule.SentimentSwing, T0.AddMinutes(1)));
        Assert.True(cooldown.TryEnter("v1", AlertRule.SentimentSwing, T0.AddMinutes(15)));

        cooldown.Prune(T0.AddMinutes(16).AddSeconds(1));
        Assert.Equal(["v1/SentimentSwing"], lastFired.Keys);
    }

    [Fact]
    public void Retries_double_from_the_first_delay_up_to_the_maximum_and_stop_after_the_give_up_time()
    {
        var backoff = new BackoffSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));

        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300],
            Enumerable.Range(1, 11).Select(n => backoff.Delay(n).TotalSeconds).ToArray());
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.Delay(int.MaxValue));
        Assert.Equal(T0.AddHours(2).AddSeconds(4), backoff.Next(3, T0, T0.AddHours(2)));
        Assert.Null(backoff.Next(3, T0, T0.AddDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffSchedule(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void A_long_first_delay_does_not_overflow()
    {
        var backoff = new BackoffSchedule(TimeSpan.FromDays(100), TimeSpan.FromDays(1000), TimeSpan.FromDays(10_000));
        Assert.Equal(TimeSpan.FromDays(1000), backoff.Delay(60));
    }
}
