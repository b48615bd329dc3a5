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

    private sealed class DisposableSiloFixture(IReadOnlyDictionary<string, string?> settings) : SiloFixture(settings), IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
