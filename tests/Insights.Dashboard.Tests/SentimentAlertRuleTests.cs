namespace Insights.Dashboard.Tests;

using Insights.Api.Dashboard;
using Insights.Stats;

public sealed class SentimentAlertRuleTests
{
    private static WindowStats Window(long comments, double score, long? scored = null) => new()
    {
        Comments = comments,
        Sentiment = new SentimentSummary { Positive = scored ?? comments, Score = score },
    };

    private readonly SentimentAlertRule _rule = new(delta: 30, minComments: 5);

    [Theory]
    [InlineData(60, 20, true)]     // up 40
    [InlineData(-20, 20, true)]    // down 40
    [InlineData(50, 20, false)]    // exactly 30: not more than the threshold
    [InlineData(50.5, 20, true)]
    [InlineData(10, 0, false)]
    public void Flags_a_swing_larger_than_the_delta(double fiveMinutes, double oneHour, bool flagged)
    {
        var alert = _rule.Evaluate("v", "user", Window(8, fiveMinutes), Window(40, oneHour));
        Assert.Equal(flagged, alert is not null);
        if (alert is not null)
        {
            Assert.Equal(fiveMinutes - oneHour, alert.Delta, 9);
            Assert.Equal(8, alert.FiveMinuteComments);
            Assert.Equal("user", alert.Username);
        }
    }

    [Fact]
    public void Needs_the_minimum_comments_in_the_five_minute_window()
    {
        Assert.Null(_rule.Evaluate("v", null, Window(4, 90), Window(40, -50)));
        Assert.NotNull(_rule.Evaluate("v", null, Window(5, 90), Window(40, -50)));
    }

    [Fact]
    public void Ignores_windows_without_scored_comments_or_missing_windows()
    {
        Assert.Null(_rule.Evaluate("v", null, Window(10, 0, scored: 0), Window(40, -80)));
        Assert.Null(_rule.Evaluate("v", null, Window(10, 80), Window(40, 0, scored: 0)));
        Assert.Null(_rule.Evaluate("v", null, null, Window(40, 0)));
        Assert.Null(_rule.Evaluate("v", null, Window(10, 80), null));
    }

    [Fact]
    public void Reads_the_windows_of_video_stats_and_the_options()
    {
        var stats = new VideoStats
        {
            VideoId = "42",
            Video = new VideoInfo { Username = "ana" },
            Windows = new Dictionary<string, WindowStats>
            {
                [WindowNames.FiveMinutes] = Window(6, -70),
                [WindowNames.OneHour] = Window(60, 10),
            },
        };
        var alert = SentimentAlertRule.From(new DashboardOptions()).Evaluate(stats);
        Assert.NotNull(alert);
        Assert.Equal(("42", "ana", -80d), (alert.VideoId, alert.Username, alert.Delta));
        Assert.Null(SentimentAlertRule.From(new DashboardOptions { AlertDelta = 80 }).Evaluate(stats));
        Assert.Null(SentimentAlertRule.From(new DashboardOptions { AlertMinComments = 7 }).Evaluate(stats));
    }

    [Fact]
    public void Rejects_negative_thresholds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentAlertRule(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentAlertRule(30, -1));
    }
}
