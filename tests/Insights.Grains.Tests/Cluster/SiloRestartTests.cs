namespace Insights.Grains.Tests.Cluster;

using Insights.Events;

/// <summary>Own cluster: restarting the silo would disturb the tests sharing <see cref="SiloFixture"/>.</summary>
public sealed class SiloRestartTests : IAsyncLifetime
{
    private readonly SiloFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task State_written_behind_is_there_after_the_silo_restarts()
    {
        var video = "restart-video";
        var now = DateTimeOffset.UtcNow;
        await _fixture.Publish(video,
            new CommentPosted { VideoId = video, CommentId = "c1", Text = "wow", CreateTime = now, IngestedAt = now },
            new EngagementObserved { VideoId = video, ObservedAt = now, ViewCount = 70, LikeCount = 7, ShareCount = 1, IngestedAt = now });
        await SiloFixture.Eventually(() => _fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments == 1);

        var leaderboard = () => _fixture.Client.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey)
            .Top(Insights.Leaderboard.LeaderboardMetric.Comments, "24h", 10);
        await SiloFixture.Eventually(leaderboard, top => top.Any(e => e.VideoId == video));

        // A graceful stop deactivates grains, which flushes them; the new silo reads the folder back.
        await _fixture.RestartAsync();

        var stats = await _fixture.Client.GetGrain<IVideoGrain>(video).GetStats();
        Assert.NotNull(stats);
        Assert.Equal(1, stats.Totals.Comments);
        Assert.Equal(70, stats.Totals.Views);
        Assert.True(Directory.EnumerateFiles(_fixture.StatePath, "*.state", SearchOption.AllDirectories).Any());
        Assert.Contains(await leaderboard(), e => e.VideoId == video && e.Comments == 1);
    }
}
