namespace Insights.Grains.Tests.Cluster;

using Insights.Events;

/// <summary>
/// The delivery contract's grain half: with <c>PersistEveryBatch</c> a delivered batch is in storage before its
/// delivery returns, so a silo that dies right after (and never flushes) loses nothing. The write-behind default is
/// the control: the same crash loses what the timer had not written yet.
/// </summary>
public sealed class WriteThroughTests
{
    private static readonly Dictionary<string, string?> NoTimerFlush = new()
    {
        // Far beyond the test: only the write-through path can persist anything.
        ["Insights:Video:FlushInterval"] = "01:00:00",
    };

    [Fact]
    public async Task Write_through_keeps_every_delivered_batch_across_a_crash()
    {
        var stats = await CountAfterCrash(persistEveryBatch: true);
        Assert.NotNull(stats);
        Assert.Equal(3, stats.Totals.Comments);
        Assert.Equal(500, stats.Totals.Views);
    }

    [Fact]
    public async Task Write_behind_loses_unflushed_batches_in_the_same_crash()
    {
        var stats = await CountAfterCrash(persistEveryBatch: false);
        Assert.Null(stats);
    }

    [Fact]
    public async Task Redelivery_after_a_crash_counts_nothing_twice()
    {
        await using var fixture = await StartAsync(persistEveryBatch: true);
        var video = "redelivered";
        var batch = Batch(video);
        await fixture.Publish(video, batch);
        await SiloFixture.Eventually(() => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments == 3);

        await fixture.CrashAndRestartAsync();
        // A durable queue hands the unacknowledged batch over again after the crash.
        await fixture.Publish(video, batch);
        var stats = await SiloFixture.Eventually(
            () => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Ingest.DuplicateComments == 3);

        Assert.NotNull(stats);
        Assert.Equal(3, stats.Totals.Comments);
        Assert.Equal(500, stats.Totals.Views);
        Assert.Equal(3, stats.Ingest.DuplicateComments);
    }

    private static async Task<Stats.VideoStats?> CountAfterCrash(bool persistEveryBatch)
    {
        await using var fixture = await StartAsync(persistEveryBatch);
        var video = "crash-" + persistEveryBatch;
        await fixture.Publish(video, Batch(video));
        await SiloFixture.Eventually(() => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments == 3);

        await fixture.CrashAndRestartAsync();
        return await fixture.Client.GetGrain<IVideoGrain>(video).GetStats();
    }

    private static VideoStreamEvent[] Batch(string video)
    {
        var now = DateTimeOffset.UtcNow;
        return
        [
            new CommentPosted { VideoId = video, CommentId = "c1", Text = "love it", CreateTime = now, IngestedAt = now },
            new CommentPosted { VideoId = video, CommentId = "c2", Text = "meh", CreateTime = now, IngestedAt = now },
            new CommentPosted { VideoId = video, CommentId = "c3", Text = "awful", CreateTime = now, IngestedAt = now },
            new EngagementObserved { VideoId = video, ObservedAt = now, ViewCount = 500, LikeCount = 20, ShareCount = 2, IngestedAt = now },
        ];
    }

    private static async Task<DisposableSiloFixture> StartAsync(bool persistEveryBatch)
    {
        var settings = new Dictionary<string, string?>(NoTimerFlush)
        {
            ["Insights:Video:PersistEveryBatch"] = persistEveryBatch.ToString(),
        };
        var fixture = new DisposableSiloFixture(settings);
        await fixture.InitializeAsync();
        return fixture;
    }

    private sealed class DisposableSiloFixture(IReadOnlyDictionary<string, string?> settings) : SiloFixture(settings), IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
