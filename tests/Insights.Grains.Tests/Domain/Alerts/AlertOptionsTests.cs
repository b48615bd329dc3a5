namespace Insights.Grains.Tests.Domain.Alerts;

using Insights.Alerts;
using Insights.Grains.Domain.Alerts;
using Insights.Stats;
using static Insights.Grains.Tests.Domain.TestEvents;

public sealed class AlertOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_every_bad_value_is_named_by_its_key()
    {
        var validator = new AlertOptionsValidator();
        Assert.True(validator.Validate(null, new AlertOptions()).Succeeded);

        var bad = new AlertOptions
        {
            Cooldown = TimeSpan.FromSeconds(-1),
            HistorySize = 0,
            DashboardUrl = "not a url",
            SentimentSwing = { MinComments = 0 },
            VelocitySpike = { Factor = 0.5 },
            NegativeShare = { Threshold = 2 },
            Delivery = { PollInterval = TimeSpan.Zero, FirstRetryDelay = TimeSpan.FromMinutes(10), MaxRetryDelay = TimeSpan.FromMinutes(1) },
        };
        var failures = validator.Validate(null, bad).Failures!.ToList();
        foreach (var key in new[]
                 {
                     "Insights:Alerts:Cooldown", "Insights:Alerts:HistorySize", "Insights:Alerts:DashboardUrl", "Insights:Alerts:SentimentSwing:MinComments",
                     "Insights:Alerts:VelocitySpike:Factor", "Insights:Alerts:NegativeShare:Threshold", "Insights:Alerts:Delivery:PollInterval",
                     "Insights:Alerts:Delivery:MaxRetryDelay",
                 })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_video_reports_a_holding_rule_once_per_cooldown_and_checks_only_when_it_changed_or_a_minute_passed()
    {
        var watch = new VideoAlertWatch(new AlertRules(new AlertOptions { Cooldown = TimeSpan.FromMinutes(15) }));
        var swinging = new AlertWindows("v1", null,
            new WindowStats { Comments = 6, Sentiment = new SentimentSummary { Negative = 6, Score = -60 } },
            new WindowStats { Comments = 18, Sentiment = new SentimentSummary { Positive = 12, Negative = 6, Score = 20 } },
            T0);

        Assert.True(watch.Due(1, T0));
        var fired = watch.Check(swinging, 1);
        Assert.Equal(AlertRule.SentimentSwing, Assert.Single(fired).Rule);
        Assert.False(watch.Due(1, T0.AddSeconds(30)));
        Assert.True(watch.Due(1, T0.AddMinutes(1)));

        // Not acknowledged by the alerts grain: sent again on the next check.
        Assert.Single(watch.Check(swinging with { Now = T0.AddSeconds(5) }, 2));
        watch.Reported(fired, T0.AddSeconds(5));
        Assert.Empty(watch.Check(swinging with { Now = T0.AddMinutes(10) }, 3));
        Assert.Single(watch.Check(swinging with { Now = T0.AddMinutes(21) }, 4));
    }
}
