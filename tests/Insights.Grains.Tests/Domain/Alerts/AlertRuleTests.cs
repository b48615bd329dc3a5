namespace Insights.Grains.Tests.Domain.Alerts;

using Insights.Alerts;
using Insights.Grains.Domain;
using Insights.Grains.Domain.Alerts;
using Insights.Stats;
using static Insights.Grains.Tests.Domain.TestEvents;

public sealed class AlertRuleTests
{
    private static readonly DateTimeOffset Now = T0;

    private static WindowStats Window(long comments, long positive = 0, long neutral = 0, long negative = 0, double score = 0) => new()
    {
        Comments = comments,
        Sentiment = new SentimentSummary { Positive = positive, Neutral = neutral, Negative = negative, Score = score },
    };

    private static AlertWindows Windows(WindowStats fiveMinutes, WindowStats oneHour, VideoInfo? video = null) =>
        new("v1", video, fiveMinutes, oneHour, Now);

    [Fact]
    public void A_sentiment_swing_fires_beyond_the_delta_with_enough_comments()
    {
        var rule = new SentimentSwingRule(delta: 30, minComments: 5);
        var alert = rule.Evaluate(Windows(Window(6, negative: 6, score: -60), Window(18, positive: 12, negative: 6, score: 20)));

        Assert.NotNull(alert);
        Assert.Equal(AlertRule.SentimentSwing, alert.Rule);
        Assert.Equal(-60, alert.Value);
        Assert.Equal(20, alert.Baseline);
        Assert.Equal(30, alert.Threshold);
        Assert.Equal(6, alert.Comments);
        Assert.Equal(Now, alert.FiredAt);
        Assert.Contains("-80 points", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentiment_swing_needs_the_comments_the_delta_and_scored_windows()
    {
        var rule = new SentimentSwingRule(delta: 30, minComments: 5);
        Assert.Null(rule.Evaluate(Windows(Window(4, negative: 4, score: -60), Window(16, positive: 12, negative: 4, score: 30))));
        Assert.Null(rule.Evaluate(Windows(Window(6, negative: 6, score: -10), Window(18, positive: 12, negative: 6, score: 15))));
        // Unscored windows have a score of 0 that is no opinion.
        Assert.Null(rule.Evaluate(Windows(Window(6), Window(18, positive: 18, score: 80))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentSwingRule(-1, 5));
        Assert.Contains("30 points", rule.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_spike_compares_the_last_5_minutes_with_the_videos_own_rate_before_them()
    {
        var rule = new VelocitySpikeRule(factor: 4, minComments: 20);

        // 25 in 5 minutes (5 a minute) against 11 in the 55 before (0.2 a minute).
        var spike = rule.Evaluate(Windows(Window(25), Window(36)));
        Assert.NotNull(spike);
        Assert.Equal(5, spike.Value);
        Assert.Equal(0.2, spike.Baseline);
        Assert.Equal(25, spike.Comments);

        // A busy video at its usual pace, a quiet one, and one without comments before: none fires.
        Assert.Null(rule.Evaluate(Windows(Window(25), Window(325))));
        Assert.Null(rule.Evaluate(Windows(Window(10), Window(11))));
        Assert.Null(rule.Evaluate(Windows(Window(25), Window(25))));
    }

    [Fact]
    public void A_young_videos_baseline_is_its_rate_since_it_was_published()
    {
        var rule = new VelocitySpikeRule(factor: 4, minComments: 20);
        var recent = Window(25);
        var hour = Window(45);

        // 20 comments before the last 5 minutes: 0.36 a minute over 55 minutes, but 2 a minute over the 10 it existed.
        Assert.NotNull(rule.Evaluate(Windows(recent, hour, new VideoInfo { Username = "u", CreateTime = Now.AddHours(-3) })));
        Assert.Null(rule.Evaluate(Windows(recent, hour, new VideoInfo { Username = "u", CreateTime = Now.AddMinutes(-15) })));
    }

    [Fact]
    public void A_negative_share_fires_from_the_threshold_with_enough_scored_comments()
    {
        var rule = new NegativeShareRule(threshold: 0.6, minComments: 10);
        var alert = rule.Evaluate(Windows(Window(10, positive: 2, neutral: 2, negative: 6), Window(40, positive: 30, negative: 10)));
        Assert.NotNull(alert);
        Assert.Equal(0.6, alert.Value);
        Assert.Equal(0.25, alert.Baseline);
        Assert.Contains("60%", alert.Text, StringComparison.Ordinal);

        Assert.Null(rule.Evaluate(Windows(Window(10, positive: 5, negative: 5), Window(10, positive: 5, negative: 5))));
        Assert.Null(rule.Evaluate(Windows(Window(9, negative: 9), Window(9, negative: 9))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NegativeShareRule(1.5, 10));
    }

    [Fact]
    public void The_rules_read_a_videos_own_windows_and_give_each_alert_an_id_and_a_link()
    {
        var aggregate = new VideoAggregate("v1", new VideoState(), new VideoOptions());
        var comments = 0;
        void Add(DateTimeOffset at, Sentiment.SentimentResult score)
        {
            var comment = Comment("c" + comments++, at);
            Assert.True(aggregate.TryClaim(comment));
            aggregate.ApplyComment(comment, score, Now);
        }

        for (var i = 0; i < 12; i++)
        {
            Add(Now.AddMinutes(-30).AddSeconds(i), Positive());
        }

        for (var i = 0; i < 6; i++)
        {
            Add(Now.AddSeconds(-30 + i), Negative());
        }

        var rules = new AlertRules(new AlertOptions { DashboardUrl = "https://insights.example/dashboard/" });
        var summary = aggregate.ToSummary(Now);
        var fired = rules.Evaluate(new AlertWindows("v1", null, summary.Windows[WindowNames.FiveMinutes], summary.Windows[WindowNames.OneHour], Now));

        var alert = Assert.Single(fired);
        Assert.Equal(AlertRule.SentimentSwing, alert.Rule);
        Assert.Equal(32, alert.Id.Length);
        Assert.EndsWith("https://insights.example/dashboard/video.html?id=v1", alert.Text, StringComparison.Ordinal);
        Assert.Equal(3, rules.Describe().Count);
        Assert.Empty(new AlertRules(new AlertOptions { Enabled = false }).Rules);
    }
}
