namespace Insights.Grains.Tests.Cluster;

using Insights.Creators;
using Insights.Events;

/// <summary>Own cluster: restarting the silo would disturb the tests sharing <see cref="SiloFixture"/>.</summary>
public sealed class CreatorGrainTests : IAsyncLifetime
{
    private readonly SiloFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private static VideoPublished Video(string id, string user, string description, params string[] tags) => new()
    {
        VideoId = id,
        Username = user,
        CreateTime = DateTimeOffset.UtcNow.AddHours(-1),
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

    private static EngagementObserved Engagement(string video, long views, long likes, long shares) => new()
    {
        VideoId = video,
        ObservedAt = DateTimeOffset.UtcNow,
        ViewCount = views,
        LikeCount = likes,
        ShareCount = shares,
        IngestedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Video_grains_feed_their_creator_which_sums_them_and_keeps_them_across_a_restart()
    {
        var creator = "chef_" + Guid.NewGuid().ToString("N")[..8];
        await _fixture.Publish("cv1",
            Video("cv1", creator, "pasta night", "cooking", "fyp"),
            Engagement("cv1", 1000, 80, 5),
            Comment("cv1", "c1", "love this, amazing"),
            Comment("cv1", "c2", "wonderful recipe"));
        await _fixture.Publish("cv2",
            Video("cv2", creator, "knife skills", "cooking"),
            Engagement("cv2", 500, 10, 1),
            Comment("cv2", "c3", "this is terrible"));
        await _fixture.Publish("other", Video("other", "someone_else", "dance", "dance"), Comment("other", "c4", "nice"));

        var grain = _fixture.Client.GetGrain<ICreatorGrain>(creator);
        var stats = await SiloFixture.Eventually(() => grain.GetStats(CreatorVideoOrder.Comments, 10), s => s?.Totals.Comments == 3 && s.Totals.Views == 1500);
        Assert.Equal(2, stats!.Videos);
        Assert.Equal(3, stats.Windows["5m"].Comments);
        Assert.Equal(3, stats.Sentiment.Positive + stats.Sentiment.Neutral + stats.Sentiment.Negative);
        Assert.Equal(["cv1", "cv2"], stats.TopVideos.Select(v => v.VideoId));
        Assert.Equal("pasta night", stats.TopVideos[0].Description);
        Assert.Null(await _fixture.Client.GetGrain<ICreatorGrain>("nobody_" + creator).GetStats(CreatorVideoOrder.Views, 10));

        var dimensions = _fixture.Client.GetGrain<IDimensionsGrain>(IDimensionsGrain.GlobalKey);
        Assert.Equal([creator], (await dimensions.SearchCreators(creator[..7].ToUpperInvariant(), 10)).Select(c => c.Username));
        Assert.Equal(["cv1", "cv2"], (await dimensions.FindVideos(null, "cooking", 10)).Select(v => v.VideoId).Order());

        // A graceful stop deactivates the grains, which write their state; the new silo reads it back.
        await _fixture.RestartAsync();

        var after = await _fixture.Client.GetGrain<ICreatorGrain>(creator).GetStats(CreatorVideoOrder.Views, 10);
        Assert.NotNull(after);
        Assert.Equal(stats.Totals, after.Totals);
        Assert.Equal(stats.Sentiment, after.Sentiment);
        Assert.Equal(["cv1", "cv2"], after.TopVideos.Select(v => v.VideoId));
        dimensions = _fixture.Client.GetGrain<IDimensionsGrain>(IDimensionsGrain.GlobalKey);
        Assert.Equal(["cv1", "cv2"], (await dimensions.FindVideos(creator, null, 10)).Select(v => v.VideoId).Order());
    }
}
