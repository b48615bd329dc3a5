namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using Insights.Sentiment;
using static TestEvents;

public class VideoAggregateTests
{
    private static VideoAggregate NewAggregate(VideoState? state = null, VideoOptions? options = null) =>
        new("v1", state ?? new VideoState(), options ?? new VideoOptions());

    private static void Add(VideoAggregate video, string id, DateTimeOffset at, SentimentResult score, DateTimeOffset? now = null)
    {
        var comment = Comment(id, at);
        if (video.TryClaim(comment))
        {
            video.ApplyComment(comment, score, now ?? at);
        }
    }

    [Fact]
    public void A_video_without_events_does_not_exist()
    {
        Assert.False(NewAggregate().Exists);
    }

    [Fact]
    public void A_comment_id_seen_twice_counts_once()
    {
        var video = NewAggregate();
        Add(video, "c1", T0, Positive());
        Add(video, "c1", T0.AddSeconds(5), Positive()); // re-sent with another creation time: still the same comment
        Add(video, "c2", T0, Negative());

        var stats = video.ToStats(T0.AddSeconds(10));
        Assert.Equal(2, stats.Totals.Comments);
        Assert.Equal(1, stats.Ingest.DuplicateComments);
        Assert.Equal(1, stats.Sentiment.Positive);
        Assert.Equal(1, stats.Sentiment.Negative);
    }

    [Fact]
    public void Sentiment_score_is_mean_positive_minus_mean_negative_probability_times_100()
    {
        var video = NewAggregate();
        Add(video, "c1", T0, Positive(p: 0.9, n: 0.05));
        Add(video, "c2", T0, Negative(p: 0.1, n: 0.8));
        Add(video, "c3", T0, Neutral());

        var s = video.ToStats(T0).Sentiment;
        var expected = ((0.9 + 0.1 + 0.2) / 3 - (0.05 + 0.8 + 0.2) / 3) * 100;
        Assert.Equal(Math.Round(expected, 2), s.Score);
        Assert.Equal(Math.Round((0.6 - 0.5 + 0) / 3, 4), s.MeanScore);
        Assert.Equal((1, 1, 1), (s.Positive, s.Neutral, s.Negative));
    }

    [Fact]
    public void Engagement_totals_take_the_highest_counters_so_repeats_and_reordering_change_nothing()
    {
        var video = NewAggregate();
        video.ApplyEngagement(Engagement(T0, 100, 10, 1), T0);
        video.ApplyEngagement(Engagement(T0.AddMinutes(2), 300, 30, 3), T0.AddMinutes(2));
        video.ApplyEngagement(Engagement(T0.AddMinutes(1), 200, 20, 2), T0.AddMinutes(2)); // out of order
        video.ApplyEngagement(Engagement(T0.AddMinutes(2), 300, 30, 3), T0.AddMinutes(2)); // repeated

        var stats = video.ToStats(T0.AddMinutes(2));
        Assert.Equal((300L, 30L, 3L), (stats.Totals.Views, stats.Totals.Likes, stats.Totals.Shares));
        Assert.Equal(2, stats.Ingest.StaleObservations);
    }

    [Fact]
    public void Engagement_rate_is_likes_plus_comments_plus_shares_over_views()
    {
        var video = NewAggregate();
        video.ApplyEngagement(Engagement(T0, 1000, 50, 5), T0);
        Add(video, "c1", T0, Positive());
        Add(video, "c2", T0, Positive());

        Assert.Equal(Math.Round(57 / 1000.0, 4), video.ToStats(T0).EngagementRate);
    }

    [Fact]
    public void Windows_count_growth_between_observations_not_the_first_observation()
    {
        var video = NewAggregate();
        var now = T0.AddMinutes(30);
        video.ApplyEngagement(Engagement(T0, 10_000, 100, 10), now);                 // baseline, 30 min ago
        video.ApplyEngagement(Engagement(now.AddMinutes(-2), 10_500, 150, 12), now); // +500 views 2 min ago

        var windows = video.ToStats(now).Windows;
        Assert.Equal(500, windows["5m"].Views);
        Assert.Equal(50, windows["5m"].Likes);
        Assert.Equal(2, windows["5m"].Shares);
        Assert.Equal(500, windows["1h"].Views);
    }

    [Fact]
    public void Comments_fall_out_of_the_5_minute_window_but_stay_in_the_hour_and_the_day()
    {
        var video = NewAggregate();
        Add(video, "c1", T0, Positive(), now: T0);
        Add(video, "c2", T0.AddMinutes(1), Negative(), now: T0.AddMinutes(1));

        var later = video.ToStats(T0.AddMinutes(5).AddSeconds(30)).Windows;
        Assert.Equal(1, later["5m"].Comments);
        Assert.Equal(2, later["1h"].Comments);
        Assert.Equal(2, later["24h"].Comments);

        var muchLater = video.ToStats(T0.AddHours(2)).Windows;
        Assert.Equal(0, muchLater["5m"].Comments);
        Assert.Equal(0, muchLater["1h"].Comments);
        Assert.Equal(2, muchLater["24h"].Comments);
    }

    [Fact]
    public void A_late_comment_counts_in_the_windows_that_still_cover_its_time_and_always_in_totals()
    {
        var video = NewAggregate();
        var now = T0.AddMinutes(20);
        Add(video, "late", T0, Positive(), now: now); // 20 minutes late

        var stats = video.ToStats(now);
        Assert.Equal(1, stats.Totals.Comments);
        Assert.Equal(0, stats.Windows["5m"].Comments);
        Assert.Equal(1, stats.Windows["1h"].Comments);
        Assert.Equal(1, stats.Windows["24h"].Comments);
        Assert.Equal(1, stats.Ingest.LateEvents);
    }

    [Fact]
    public void Window_sentiment_only_covers_comments_inside_the_window()
    {
        var video = NewAggregate();
        Add(video, "old", T0, Negative(p: 0, n: 1), now: T0);
        Add(video, "new", T0.AddMinutes(10), Positive(p: 1, n: 0), now: T0.AddMinutes(10));

        var stats = video.ToStats(T0.AddMinutes(10));
        Assert.Equal(100, stats.Windows["5m"].Sentiment.Score);
        Assert.Equal(0, stats.Windows["1h"].Sentiment.Score);
    }

    [Fact]
    public void Keeps_the_newest_comments_newest_first_up_to_the_limit()
    {
        var video = NewAggregate(options: new VideoOptions { RecentComments = 3 });
        for (var i = 0; i < 10; i++)
        {
            Add(video, $"c{i}", T0.AddSeconds(i), Positive(), now: T0.AddSeconds(10));
        }

        var recent = video.ToStats(T0.AddSeconds(10)).RecentComments;
        Assert.Equal(["c9", "c8", "c7"], recent.Select(c => c.CommentId));
        Assert.All(recent, c => Assert.Equal((SentimentLabel.Positive, "test"), (c.Label, c.Analyzer)));
    }

    [Fact]
    public void Top_terms_and_hashtags_come_from_comment_text()
    {
        var video = NewAggregate();
        var texts = new[] { "Amazing dance #fyp", "amazing moves #fyp #dance", "the dance is AMAZING" };
        for (var i = 0; i < texts.Length; i++)
        {
            var c = Comment($"c{i}", T0, texts[i]);
            Assert.True(video.TryClaim(c));
            video.ApplyComment(c, Positive(), T0);
        }

        var stats = video.ToStats(T0);
        Assert.Equal(new("amazing", 3), stats.TopTerms[0]);
        Assert.Equal(new("dance", 2), stats.TopTerms[1]);
        Assert.DoesNotContain(stats.TopTerms, t => t.Term == "the");
        Assert.Equal(new("fyp", 2), stats.TopHashtags[0]);
    }

    [Fact]
    public void State_survives_a_round_trip_through_a_new_aggregate()
    {
        var state = new VideoState();
        var first = NewAggregate(state);
        Add(first, "c1", T0, Positive());
        first.ApplyEngagement(Engagement(T0, 50, 5, 1), T0);

        var second = NewAggregate(state);
        Add(second, "c1", T0, Positive()); // still a duplicate
        Assert.Equal(1, second.ToStats(T0).Totals.Comments);
        Assert.Equal(50, second.ToStats(T0).Totals.Views);
    }
}
