namespace Insights.Grains.Tests.Cluster;

using Insights.Events;
using Insights.Leaderboard;
using Insights.Sentiment;
using Insights.Stats;

public sealed class VideoGrainTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private static string NewVideo() => "v" + Guid.NewGuid().ToString("N")[..12];

    private static CommentPosted Comment(string video, string id, string text, DateTimeOffset? at = null) => new()
    {
        VideoId = video,
        CommentId = id,
        Text = text,
        Username = "u" + id,
        CreateTime = at ?? DateTimeOffset.UtcNow,
        IngestedAt = DateTimeOffset.UtcNow,
    };

    private static EngagementObserved Engagement(string video, long views, long likes, long shares, DateTimeOffset? at = null) => new()
    {
        VideoId = video,
        ObservedAt = at ?? DateTimeOffset.UtcNow,
        ViewCount = views,
        LikeCount = likes,
        ShareCount = shares,
        IngestedAt = DateTimeOffset.UtcNow,
    };

    private Task<VideoStats?> Stats(string video) => fixture.Client.GetGrain<IVideoGrain>(video).GetStats();

    private Task<VideoStats?> StatsWhen(string video, Func<VideoStats, bool> done) =>
        SiloFixture.Eventually(() => Stats(video), s => s is not null && done(s));

    [Fact]
    public async Task A_video_never_seen_has_no_stats()
    {
        Assert.Null(await Stats(NewVideo()));
    }

    [Fact]
    public async Task Events_published_on_the_stream_become_live_stats()
    {
        var video = NewVideo();
        await fixture.Publish(video,
            new VideoPublished { VideoId = video, Username = "creator", CreateTime = DateTimeOffset.UtcNow.AddHours(-1), HashtagNames = ["fyp"], IngestedAt = DateTimeOffset.UtcNow },
            Engagement(video, 1000, 100, 10),
            Comment(video, "c1", "I love this, amazing 🔥"),
            Comment(video, "c2", "this is terrible and boring"),
            Comment(video, "c3", "what song is this"));

        var stats = await StatsWhen(video, s => s.Totals.Comments == 3);
        Assert.NotNull(stats);
        Assert.Equal(new Totals { Views = 1000, Likes = 100, Shares = 10, Comments = 3 }, stats.Totals);
        Assert.Equal(Math.Round(113 / 1000.0, 4), stats.EngagementRate);
        Assert.Equal("creator", stats.Video?.Username);
        Assert.Equal(1, stats.Sentiment.Positive);
        Assert.Equal(1, stats.Sentiment.Negative);
        Assert.Equal(3, stats.Windows["5m"].Comments);
        Assert.Equal(3, stats.RecentComments.Count);
        Assert.Contains(stats.RecentComments, c => c.CommentId == "c1" && c.Label == SentimentLabel.Positive);
    }

    [Fact]
    public async Task Duplicate_comments_and_stale_observations_do_not_count_twice()
    {
        var video = NewVideo();
        await fixture.Publish(video, Comment(video, "c1", "nice"), Engagement(video, 500, 50, 5));
        await fixture.Publish(video, Comment(video, "c1", "nice"), Engagement(video, 400, 40, 4, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await fixture.Publish(video, Comment(video, "c2", "cool"));

        var stats = await StatsWhen(video, s => s.Totals.Comments == 2 && s.Ingest.DuplicateComments == 1);
        Assert.NotNull(stats);
        Assert.Equal(2, stats.Totals.Comments);
        Assert.Equal(500, stats.Totals.Views);
        Assert.Equal(1, stats.Ingest.DuplicateComments);
        Assert.Equal(1, stats.Ingest.StaleObservations);
    }

    [Fact]
    public async Task Late_comments_count_in_totals_and_only_in_windows_that_cover_them()
    {
        var video = NewVideo();
        await fixture.Publish(video,
            Comment(video, "now", "great"),
            Comment(video, "20m", "great", DateTimeOffset.UtcNow.AddMinutes(-20)),
            Comment(video, "3h", "great", DateTimeOffset.UtcNow.AddHours(-3)),
            Comment(video, "2d", "great", DateTimeOffset.UtcNow.AddDays(-2)));

        var stats = await StatsWhen(video, s => s.Totals.Comments == 4);
        Assert.NotNull(stats);
        Assert.Equal(1, stats.Windows["5m"].Comments);
        Assert.Equal(2, stats.Windows["1h"].Comments);
        Assert.Equal(3, stats.Windows["24h"].Comments);
    }

    [Fact]
    public async Task State_is_kept_across_deactivation()
    {
        var video = NewVideo();
        await fixture.Publish(video, Comment(video, "c1", "love it"), Engagement(video, 10, 2, 1));
        await StatsWhen(video, s => s.Totals.Comments == 1);

        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IVideoGrain>(video));
        await fixture.Publish(video, Comment(video, "c1", "love it"), Comment(video, "c2", "so good"));

        var stats = await StatsWhen(video, s => s.Totals.Comments == 2 && s.Ingest.DuplicateComments == 1);
        Assert.NotNull(stats);
        Assert.Equal(2, stats.Totals.Comments);
        Assert.Equal(1, stats.Ingest.DuplicateComments);
        Assert.Equal(10, stats.Totals.Views);
    }

    [Fact]
    public async Task Video_grains_feed_the_leaderboard()
    {
        var busy = NewVideo();
        var quiet = NewVideo();
        await fixture.Publish(busy, Enumerable.Range(0, 30).Select(i => (VideoStreamEvent)Comment(busy, $"b{i}", "amazing")).ToArray());
        await fixture.Publish(quiet, Comment(quiet, "q1", "ok"));

        var top = await SiloFixture.Eventually(
            () => fixture.Client.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey).Top(LeaderboardMetric.Comments, "5m", 100),
            t => t.Any(e => e.VideoId == busy && e.Comments == 30) && t.Any(e => e.VideoId == quiet));
        var busyRank = top.Single(e => e.VideoId == busy).Rank;
        var quietRank = top.Single(e => e.VideoId == quiet).Rank;
        Assert.True(busyRank < quietRank);
    }
}
