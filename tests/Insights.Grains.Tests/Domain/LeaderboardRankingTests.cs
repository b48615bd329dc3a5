namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Leaderboard;
using Insights.Leaderboard;
using Insights.Stats;
using static TestEvents;

public class LeaderboardRankingTests
{
    private static VideoSummary Video(string id, long comments, double rate, double score, DateTimeOffset last) => new()
    {
        VideoId = id,
        LastEventTime = last,
        Windows = new Dictionary<string, WindowStats>
        {
            ["1h"] = new()
            {
                Comments = comments,
                Views = 1000,
                Likes = (long)Math.Round(rate * 1000) - comments,
                EngagementRate = rate,
                Sentiment = new SentimentSummary { Positive = comments, Score = score },
            },
        },
    };

    /// <summary>A video in the 5-minute window with these figures.</summary>
    private static VideoSummary Window(string id, long views, long likes, long comments, double score = 0, string? user = null, string? description = null) => new()
    {
        VideoId = id,
        Username = user,
        Description = description,
        Hashtags = ["fyp"],
        LastEventTime = T0,
        Windows = new Dictionary<string, WindowStats>
        {
            [WindowNames.FiveMinutes] = new()
            {
                Comments = comments,
                Views = views,
                Likes = likes,
                EngagementRate = views > 0 ? Math.Round((double)(likes + comments) / views, 4) : 0,
                Sentiment = new SentimentSummary { Positive = comments, Score = score },
            },
        },
    };

    /// <summary>Raw figures only: no minimum beyond one view or comment, no shrinking.</summary>
    private static LeaderboardOptions Raw => new() { MinViews = 1, MinComments = 1, EngagementPriorViews = 0, SentimentPriorComments = 0 };

    [Fact]
    public void Ranks_by_the_chosen_metric_and_limits()
    {
        var videos = new[]
        {
            Video("a", 10, 0.1, 50, T0),
            Video("b", 30, 0.05, 10, T0),
            Video("c", 20, 0.3, 90, T0),
        };

        Assert.Equal(["b", "c"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Comments, "1h", 2, T0, Raw).Select(e => e.VideoId));
        Assert.Equal(["c", "a", "b"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "1h", 10, T0, Raw).Select(e => e.VideoId));
        Assert.Equal(["c", "a", "b"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "1h", 10, T0, Raw).Select(e => e.VideoId));
        Assert.Equal([1, 2, 3], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "1h", 10, T0, Raw).Select(e => e.Rank));
        // Without shrinking the value is the window's own figure.
        Assert.Equal(0.3, LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "1h", 1, T0, Raw)[0].Value, 9);
    }

    [Fact]
    public void Leaves_out_videos_quiet_for_longer_than_the_window_and_thin_sentiment()
    {
        var videos = new[]
        {
            Video("quiet", 50, 0.5, 90, T0.AddHours(-2)),
            Video("thin", 2, 0.5, 100, T0),
            Video("ok", 6, 0.1, 20, T0),
        };

        Assert.Equal(["ok", "thin"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Comments, "1h", 10, T0, new()).Select(e => e.VideoId));
        Assert.Equal(["ok"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "1h", 10, T0, new()).Select(e => e.VideoId));
    }

    /// <summary>The case: 1 comment and 57 likes on 87 views (66.7 %) led "Top by engagement, last 5 min".</summary>
    [Fact]
    public void A_video_with_a_handful_of_views_no_longer_leads_engagement()
    {
        var videos = new[]
        {
            Window("tiny", views: 87, likes: 57, comments: 1),
            Window("solid", views: 20_000, likes: 2_400, comments: 100),  // 12.5 %
            Window("steady", views: 5_000, likes: 400, comments: 50),     // 9 %
            Window("viral", views: 200_000, likes: 7_000, comments: 1000), // 4 %
        };

        // Raw, the tiny sample wins; by the default rule it is not even ranked (fewer than 100 views) ...
        Assert.Equal("tiny", LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "5m", 10, T0, Raw)[0].VideoId);
        Assert.Equal(["solid", "steady", "viral"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "5m", 10, T0, new()).Select(e => e.VideoId));

        // ... and with the minimum lowered below it, shrinking alone pulls its 66.7 % down to below 10 %, behind the
        // large sample with a better rate than the mean (4.8 %).
        var shrunk = LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "5m", 10, T0, new LeaderboardOptions { MinViews = 1 });
        Assert.Equal(["solid", "tiny", "steady", "viral"], shrunk.Select(e => e.VideoId));
        Assert.InRange(shrunk[1].Value, 0.09, 0.10);
    }

    [Fact]
    public void Engagement_is_shrunk_toward_the_pooled_rate_of_the_window()
    {
        var videos = new[]
        {
            Window("a", views: 100, likes: 50, comments: 10),   // 60 interactions
            Window("b", views: 900, likes: 30, comments: 0),    // 30 interactions
            Window("none", views: 0, likes: 0, comments: 3),    // no views: adds to no rate
        };
        var options = new LeaderboardOptions { MinViews = 100, EngagementPriorViews = 500 };

        // Pooled rate: (60 + 30 + 3) / (100 + 900) = 0.093.
        var rule = LeaderboardRanking.Rule(videos, LeaderboardMetric.Engagement, "5m", T0, options);
        Assert.Equal(0.093, rule.Prior, 12);
        Assert.Equal((100, 0, 500d), (rule.MinViews, rule.MinComments, rule.PriorWeight));

        var top = LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "5m", 10, T0, options);
        Assert.Equal(["a", "b"], top.Select(e => e.VideoId));
        Assert.Equal((60 + 500 * 0.093) / (100 + 500), top[0].Value, 12);
        Assert.Equal((30 + 500 * 0.093) / (900 + 500), top[1].Value, 12);
        // The measured figures stay beside the ranked one.
        Assert.Equal((0.6, 100L), (top[0].EngagementRate, top[0].Views));
    }

    [Fact]
    public void Sentiment_is_shrunk_toward_the_mean_score_of_the_windows_comments()
    {
        var videos = new[]
        {
            Window("few-perfect", 100, 0, comments: 5, score: 100),
            Window("many-good", 100, 0, comments: 60, score: 50),
            Window("busy-mild", 100, 0, comments: 200, score: 10),
            Window("thin", 100, 0, comments: 4, score: 100),
        };

        // Mean over every scored comment in the window, the thin video's too.
        var prior = (5 * 100 + 60 * 50 + 200 * 10 + 4 * 100) / 269.0;
        Assert.Equal(prior, LeaderboardRanking.Rule(videos, LeaderboardMetric.Sentiment, "5m", T0, new()).Prior, 9);

        // By default (5 comments, m = 20): 60 comments at 50 beat 5 comments at 100.
        var top = LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "5m", 10, T0, new());
        Assert.Equal(["many-good", "few-perfect", "busy-mild"], top.Select(e => e.VideoId));
        Assert.Equal((60 * 50 + 20 * prior) / 80, top[0].Value, 9);
        Assert.Equal((5 * 100 + 20 * prior) / 25, top[1].Value, 9);
        Assert.Equal(100, top[1].SentimentScore);

        // The minimum and the weight are the options'.
        var lenient = new LeaderboardOptions { MinComments = 4, SentimentPriorComments = 0 };
        Assert.Equal(["few-perfect", "thin", "many-good", "busy-mild"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "5m", 10, T0, lenient).Select(e => e.VideoId));
    }

    [Fact]
    public void A_window_can_set_its_own_minimum_and_prior_weight()
    {
        var videos = new[] { Window("a", views: 150, likes: 15, comments: 0) };
        var options = new LeaderboardOptions
        {
            MinViews = 100,
            Windows = { [WindowNames.FiveMinutes] = new LeaderboardWindowOptions { MinViews = 200 } },
        };

        Assert.Empty(LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "5m", 10, T0, options));
        var rule = LeaderboardRanking.Rule(videos, LeaderboardMetric.Engagement, "5m", T0, options);
        Assert.Equal(200, rule.MinViews);
        Assert.Equal(1000, rule.PriorWeight); // not overridden: the section's
    }

    [Fact]
    public void The_rule_says_what_it_does_with_the_figures_of_the_moment()
    {
        var videos = new[] { Window("a", views: 1000, likes: 25, comments: 0, score: 40), Window("b", views: 1000, likes: 0, comments: 5, score: 10) };

        var engagement = LeaderboardRanking.Rule(videos, LeaderboardMetric.Engagement, "5m", T0, new());
        Assert.Equal(
            "Engagement rate (likes + comments + shares) / views gained in the last 5 min, for videos with at least 100 views in it, " +
            "shrunk toward the rate of all videos in the window (1.50 %) by 1,000 views: (interactions + 1,000 × 1.50 %) / (views + 1,000).",
            engagement.Description);

        var sentiment = LeaderboardRanking.Rule(videos, LeaderboardMetric.Sentiment, "1h", T0, new());
        Assert.Contains("at least 5 scored comments", sentiment.Description, StringComparison.Ordinal);
        Assert.Contains("by 20 comments", sentiment.Description, StringComparison.Ordinal);

        var comments = LeaderboardRanking.Rule(videos, LeaderboardMetric.Comments, "24h", T0, new());
        Assert.Equal("Comments posted in the last 24 hours; every video with a comment in it is ranked (a count needs no minimum).", comments.Description);
    }

    [Fact]
    public void Entries_carry_the_creator_description_and_hashtags()
    {
        var entry = Assert.Single(LeaderboardRanking.Rank(
            [Window("a", 500, 10, 3, user: "chef_ana", description: "Pasta in 5 minutes #cooking")], LeaderboardMetric.Comments, "5m", 10, T0, new()));
        Assert.Equal(("chef_ana", "Pasta in 5 minutes #cooking", 500L), (entry.Username, entry.Description, entry.Views));
        Assert.Equal(["fyp"], entry.Hashtags);
    }

    [Fact]
    public void An_unknown_window_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LeaderboardRanking.Rank([], LeaderboardMetric.Comments, "7d", 10, T0, new()));
        Assert.Throws<ArgumentException>(() => LeaderboardRanking.Rule([], LeaderboardMetric.Comments, "7d", T0, new()));
    }
}
