namespace Insights.Grains.Tests.Creators;

using Insights.Creators;
using Insights.Grains.Creators;
using Insights.Leaderboard;
using Insights.Stats;

public class CreatorRollupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static VideoInfo Info(string description = "a video", DateTimeOffset? created = null) =>
        new() { Username = "chef_ana", Description = description, CreateTime = created ?? Now.AddDays(-2), Hashtags = ["food"] };

    private static WindowStats Window(long comments, long views, long likes, long shares, long positive, long negative, double score) => new()
    {
        Comments = comments,
        Views = views,
        Likes = likes,
        Shares = shares,
        Sentiment = new SentimentSummary { Positive = positive, Negative = negative, Score = score },
    };

    private static VideoSummary Summary(
        string id, long views, long likes, long shares, long comments, DateTimeOffset? last = null,
        SentimentSummary? sentiment = null, Dictionary<string, WindowStats>? windows = null) => new()
        {
            VideoId = id,
            Username = "chef_ana",
            Totals = new Totals { Views = views, Likes = likes, Shares = shares, Comments = comments },
            LastEventTime = last ?? Now,
            Sentiment = sentiment ?? new SentimentSummary(),
            Windows = windows ?? new Dictionary<string, WindowStats>(),
        };

    private static CreatorRollup Rollup(CreatorState? state = null, CreatorOptions? options = null) =>
        new("chef_ana", state ?? new CreatorState(), options ?? new CreatorOptions());

    [Fact]
    public void Sums_the_totals_of_every_video_and_rates_engagement_over_the_sums()
    {
        var rollup = Rollup();
        Assert.False(rollup.Exists);
        rollup.Apply(Summary("v1", views: 1000, likes: 100, shares: 10, comments: 40), Info());
        rollup.Apply(Summary("v2", views: 3000, likes: 50, shares: 0, comments: 0, last: Now.AddHours(-3)), Info());

        var stats = rollup.ToStats(Now, CreatorVideoOrder.Views, 10);
        Assert.True(rollup.Exists);
        Assert.Equal("chef_ana", stats.Username);
        Assert.Equal(2, stats.Videos);
        Assert.Equal(new Totals { Views = 4000, Likes = 150, Shares = 10, Comments = 40 }, stats.Totals);
        Assert.Equal(0.05, stats.EngagementRate); // (150 + 40 + 10) / 4000
        Assert.Equal(Now, stats.LastEventTime);
        Assert.Equal(Now, stats.AsOf);
    }

    [Fact]
    public void Sentiment_adds_the_tallies_and_weights_each_score_by_its_video_s_scored_comments()
    {
        var rollup = Rollup();
        rollup.Apply(Summary("v1", 0, 0, 0, 4, sentiment: new SentimentSummary { Positive = 3, Neutral = 1, MeanScore = 0.5, Score = 60 }), Info());
        rollup.Apply(Summary("v2", 0, 0, 0, 1, sentiment: new SentimentSummary { Negative = 1, MeanScore = -0.5, Score = -40 }), Info());

        var sentiment = rollup.ToStats(Now, CreatorVideoOrder.Engagement, 10).Sentiment;
        Assert.Equal(3, sentiment.Positive);
        Assert.Equal(1, sentiment.Neutral);
        Assert.Equal(1, sentiment.Negative);
        Assert.Equal(40, sentiment.Score); // (60 * 4 - 40 * 1) / 5
        Assert.Equal(0.3, sentiment.MeanScore); // (0.5 * 4 - 0.5) / 5
    }

    [Fact]
    public void A_newer_report_of_a_video_replaces_its_last_one_rather_than_adding_to_it()
    {
        var rollup = Rollup();
        rollup.Apply(Summary("v1", views: 100, likes: 10, shares: 1, comments: 5, last: Now.AddMinutes(-2)), Info("first words"));
        Assert.True(rollup.Apply(Summary("v1", views: 250, likes: 20, shares: 2, comments: 9, last: Now), Info("edited words")));

        var stats = rollup.ToStats(Now, CreatorVideoOrder.Views, 10);
        Assert.Equal(1, stats.Videos);
        Assert.Equal(new Totals { Views = 250, Likes = 20, Shares = 2, Comments = 9 }, stats.Totals);
        Assert.Equal("edited words", Assert.Single(stats.TopVideos).Description);
    }

    [Fact]
    public void A_report_behind_the_one_held_arrives_late_and_is_ignored()
    {
        var rollup = Rollup();
        rollup.Apply(Summary("v1", views: 250, likes: 20, shares: 2, comments: 9, last: Now), Info());

        Assert.False(rollup.Apply(Summary("v1", views: 100, likes: 20, shares: 2, comments: 9, last: Now), Info()));
        Assert.False(rollup.Apply(Summary("v1", views: 250, likes: 20, shares: 2, comments: 8, last: Now), Info()));
        Assert.False(rollup.Apply(Summary("v1", views: 250, likes: 20, shares: 2, comments: 9, last: Now.AddSeconds(-1)), Info()));
        // Same counters and time, windows decayed since: a later report, kept.
        Assert.True(rollup.Apply(Summary("v1", views: 250, likes: 20, shares: 2, comments: 9, last: Now), Info()));
        Assert.Equal(250, rollup.ToStats(Now, CreatorVideoOrder.Views, 10).Totals.Views);
    }

    [Fact]
    public void Windows_sum_the_videos_with_an_event_inside_each_window()
    {
        var rollup = Rollup();
        rollup.Apply(Summary("busy", 0, 0, 0, 0, last: Now.AddMinutes(-1), windows: new()
        {
            ["5m"] = Window(comments: 6, views: 100, likes: 10, shares: 0, positive: 6, negative: 0, score: 50),
            ["1h"] = Window(comments: 8, views: 300, likes: 20, shares: 2, positive: 6, negative: 2, score: 20),
            ["24h"] = Window(comments: 8, views: 300, likes: 20, shares: 2, positive: 6, negative: 2, score: 20),
        }), Info());
        // Quiet for half an hour: what its report says about the last 5 minutes is out of date.
        rollup.Apply(Summary("calm", 0, 0, 0, 0, last: Now.AddMinutes(-30), windows: new()
        {
            ["5m"] = Window(comments: 4, views: 50, likes: 5, shares: 0, positive: 0, negative: 4, score: -80),
            ["1h"] = Window(comments: 2, views: 100, likes: 8, shares: 0, positive: 0, negative: 2, score: -80),
            ["24h"] = Window(comments: 2, views: 100, likes: 8, shares: 0, positive: 0, negative: 2, score: -80),
        }), Info());

        var windows = rollup.ToStats(Now, CreatorVideoOrder.Engagement, 10).Windows;
        Assert.Equal(["1h", "24h", "5m"], windows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, windows["5m"].Comments);
        Assert.Equal(100, windows["5m"].Views);
        Assert.Equal(50, windows["5m"].Sentiment.Score);
        Assert.Equal(Now.AddMinutes(-5), windows["5m"].From);
        Assert.Equal(10, windows["1h"].Comments);
        Assert.Equal(400, windows["1h"].Views);
        Assert.Equal(0.1, windows["1h"].EngagementRate); // (28 likes + 10 comments + 2 shares) / 400
        Assert.Equal(6, windows["1h"].Sentiment.Positive);
        Assert.Equal(4, windows["1h"].Sentiment.Negative);
        Assert.Equal(0, windows["1h"].Sentiment.Score); // (20 * 8 - 80 * 2) / 10
        Assert.Equal(windows["1h"].Comments, windows["24h"].Comments);
    }

    [Fact]
    public void Ranks_the_videos_by_engagement_comments_or_views_and_limits()
    {
        var rollup = Rollup();
        rollup.Apply(Summary("viral", views: 100_000, likes: 2000, shares: 100, comments: 400), Info("the viral one"));
        rollup.Apply(Summary("loved", views: 1000, likes: 300, shares: 20, comments: 80), Info("the loved one"));
        rollup.Apply(Summary("chatty", views: 20_000, likes: 100, shares: 0, comments: 900), Info("the chatty one"));
        rollup.Apply(Summary("unseen", views: 0, likes: 0, shares: 0, comments: 0), Info("not seen yet"));

        var ids = (CreatorVideoOrder by, int limit) => rollup.ToStats(Now, by, limit).TopVideos.Select(v => v.VideoId).ToArray();
        Assert.Equal(["loved", "chatty", "viral", "unseen"], ids(CreatorVideoOrder.Engagement, 10));
        Assert.Equal(["chatty", "viral", "loved", "unseen"], ids(CreatorVideoOrder.Comments, 10));
        Assert.Equal(["viral", "chatty"], ids(CreatorVideoOrder.Views, 2));

        var top = rollup.ToStats(Now, CreatorVideoOrder.Engagement, 1);
        Assert.Equal(CreatorVideoOrder.Engagement, top.RankedBy);
        var loved = Assert.Single(top.TopVideos);
        Assert.Equal(1, loved.Rank);
        Assert.Equal("the loved one", loved.Description);
        Assert.Equal(0.4, loved.EngagementRate);
        Assert.Equal(4, top.Videos); // the limit cuts the list, not the sums
    }

    [Fact]
    public void Keeps_a_bounded_description_without_splitting_a_character()
    {
        var rollup = Rollup(options: new CreatorOptions { DescriptionLength = 10 });
        rollup.Apply(Summary("v1", 1, 0, 0, 0), Info("cook 👩‍🍳👩‍🍳👩‍🍳 with me tonight"));
        rollup.Apply(Summary("v2", 0, 0, 0, 0), Info("short"));

        var videos = rollup.ToStats(Now, CreatorVideoOrder.Views, 10).TopVideos;
        var cut = videos.Single(v => v.VideoId == "v1").Description!;
        Assert.True(cut.Length <= 10, cut);
        Assert.Equal("cook…", cut); // the next emoji (5 UTF-16 units) would not fit before the ellipsis
        Assert.Equal("short", videos.Single(v => v.VideoId == "v2").Description);
    }

    [Fact]
    public void Keeps_only_the_standard_windows_of_a_report()
    {
        var state = new CreatorState();
        Rollup(state).Apply(Summary("v1", 0, 0, 0, 0, windows: new()
        {
            ["5m"] = Window(1, 0, 0, 0, 1, 0, 50),
            ["7d"] = Window(9, 0, 0, 0, 9, 0, 50),
        }), Info());

        Assert.Equal(["5m"], state.Videos["v1"].Windows.Keys);
    }

    [Fact]
    public void The_state_it_keeps_is_read_back_by_a_new_rollup()
    {
        var state = new CreatorState();
        Rollup(state).Apply(Summary("v1", views: 70, likes: 7, shares: 1, comments: 3), Info("kept"));

        var copy = Domain.TestSerialization.Copy(state);
        var stats = Rollup(copy).ToStats(Now, CreatorVideoOrder.Views, 10);
        Assert.Equal(70, stats.Totals.Views);
        Assert.Equal("kept", Assert.Single(stats.TopVideos).Description);
    }
}
