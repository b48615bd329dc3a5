namespace Insights.Grains.Tests.Cluster;

using Insights.Events;

/// <summary>
/// The comment-id archive through the real grain and file storage: with room for four ids in heap, most ids of a
/// video live in its archive segments, and a crash followed by the redelivery of every comment counts none twice.
/// </summary>
public sealed class CommentArchiveTests
{
    [Fact]
    public async Task Redelivered_comments_far_older_than_the_ids_in_heap_count_once_across_a_crash()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Insights:Video:PersistEveryBatch"] = "true",
            ["Insights:Video:DedupCapacity"] = "4",
            ["Insights:Video:FlushInterval"] = "01:00:00",
        };
        await using var fixture = new DisposableSiloFixture(settings);
        await fixture.InitializeAsync();
        const string video = "archived";
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var batches = Enumerable.Range(0, 30).Chunk(5)
            .Select(chunk => chunk.Select(i => (VideoStreamEvent)new CommentPosted
            {
                VideoId = video, CommentId = "c" + i, Text = "nice", CreateTime = start.AddMinutes(5 * i), IngestedAt = start,
            }).ToArray())
            .ToList();
        foreach (var batch in batches)
        {
            await fixture.Publish(video, batch);
        }

        await SiloFixture.Eventually(() => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments == 30);
        Assert.Contains(Directory.EnumerateFiles(fixture.StatePath, "*", SearchOption.AllDirectories), f => f.Contains("video-ids-", StringComparison.Ordinal));

        await fixture.CrashAndRestartAsync();
        foreach (var batch in batches)
        {
            await fixture.Publish(video, batch);
        }

        var stats = await SiloFixture.Eventually(
            () => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Ingest.DuplicateComments == 30);
        Assert.NotNull(stats);
        Assert.Equal(30, stats.Totals.Comments);
    }

    [Fact]
    public async Task Without_write_through_ids_wait_for_the_flush_until_too_many_wait()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Insights:Video:PersistEveryBatch"] = "false",
            ["Insights:Video:DedupCapacity"] = "4",
            ["Insights:Video:MaxPendingCommentIds"] = "16",
            ["Insights:Video:FlushInterval"] = "01:00:00",
        };
        await using var fixture = new DisposableSiloFixture(settings);
        await fixture.InitializeAsync();
        const string video = "behind";
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        VideoStreamEvent[] Comments(int from, int count) => Enumerable.Range(from, count).Select(i => (VideoStreamEvent)new CommentPosted
        {
            VideoId = video, CommentId = "c" + i, Text = "nice", CreateTime = start.AddMinutes(i), IngestedAt = start,
        }).ToArray();
        bool Archived() => Directory.Exists(fixture.StatePath)
            && Directory.EnumerateFiles(fixture.StatePath, "*", SearchOption.AllDirectories).Any(f => f.Contains("video-ids-", StringComparison.Ordinal));

        // Ten comments leave six ids waiting: fewer than the limit, so nothing is written before the flush.
        await fixture.Publish(video, Comments(0, 10));
        var ten = await SiloFixture.Eventually(() => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments == 10);
        Assert.Equal(10, ten?.Totals.Comments);
        Assert.False(Archived());

        // Thirty more pass the limit: the state is written at once and the waiting ids move to the archive.
        await fixture.Publish(video, Comments(10, 30));
        var forty = await SiloFixture.Eventually(() => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments == 40);
        Assert.Equal(40, forty?.Totals.Comments);
        Assert.True(await SiloFixture.Eventually(() => Task.FromResult(Archived()), archived => archived));
    }

    private sealed class DisposableSiloFixture(IReadOnlyDictionary<string, string?> settings) : SiloFixture(settings), IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
