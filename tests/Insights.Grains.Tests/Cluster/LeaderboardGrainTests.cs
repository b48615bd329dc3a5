namespace Insights.Grains.Tests.Cluster;

using Insights.Events;
using Insights.Leaderboard;
using Insights.Stats;

/// <summary>The leaderboard as video grains feed it: trending hashtags from the first report, entries a person recognises, the rule.</summary>
public sealed class LeaderboardGrainTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private ILeaderboardGrain Leaderboard => fixture.Client.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey);

    private static string NewVideo() => "v" + Guid.NewGuid().ToString("N")[..12];

    private static VideoPublished Published(string video, string user, string description, params string[] tags) => new()
    {
        VideoId = video,
        Username = user,
        CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        VideoDescription = description,
        HashtagNames = tags,
        IngestedAt = DateTimeOffset.UtcNow,
    };

    private static CommentPosted Comment(string video, string id, string text) => new()
    {
        VideoId = video,
        CommentId = id,
        Text = text,
        Username = "fan_" + id,
        CreateTime = DateTimeOffset.UtcNow,
        IngestedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>The issue's case: videos that carry hashtags, no comment with one, and "none yet" on the dashboard.</summary>
    [Fact]
    public async Task A_videos_own_hashtags_trend_from_its_first_report_without_any_comment()
    {
        var video = NewVideo();
        var tag = "t" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Publish(video, Published(video, "chef_ana", "Pasta in 5 minutes", tag, "fyp"));

        var trending = await SiloFixture.Eventually(() => Leaderboard.TrendingHashtags(WindowNames.OneDay, 100), t => t.Any(h => h.Term == tag));
        Assert.Equal(1, trending.Single(h => h.Term == tag).Count);

        // Its comments weigh it up, and the hashtags used in them count too.
        await fixture.Publish(video, Comment(video, "c1", "made it tonight #" + tag + "dinner"), Comment(video, "c2", "so good"));
        trending = await SiloFixture.Eventually(
            () => Leaderboard.TrendingHashtags(WindowNames.OneDay, 100),
            t => t.Any(h => h.Term == tag && h.Count == 3) && t.Any(h => h.Term == tag + "dinner"));
        Assert.Equal(1, trending.Single(h => h.Term == tag + "dinner").Count);
    }

    [Fact]
    public async Task Entries_name_the_creator_and_the_description()
    {
        var video = NewVideo();
        await fixture.Publish(video, Published(video, "dance_bo", "Learn this in 30 seconds", "dance"), Comment(video, "c1", "wow"));

        var top = await SiloFixture.Eventually(
            () => Leaderboard.Top(LeaderboardMetric.Comments, WindowNames.FiveMinutes, 100), t => t.Any(e => e.VideoId == video));
        var entry = top.Single(e => e.VideoId == video);
        Assert.Equal(("dance_bo", "Learn this in 30 seconds"), (entry.Username, entry.Description));
        Assert.Equal(["dance"], entry.Hashtags);
    }

    [Fact]
    public async Task Tells_its_rule_with_the_configured_minimums()
    {
        var rule = await Leaderboard.Rule(LeaderboardMetric.Sentiment, WindowNames.OneHour);

        Assert.Equal((LeaderboardMetric.Sentiment, WindowNames.OneHour, 5L, 20d), (rule.Metric, rule.Window, rule.MinComments, rule.PriorWeight));
        Assert.StartsWith("Sentiment score of the comments of the last hour, for videos with at least 5 scored comments", rule.Description, StringComparison.Ordinal);
    }
}
