namespace Insights.Tools.Tests;

using Insights.Generator;
using Insights.Grains.Domain;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Zones;
using Insights.Sentiment;
using Insights.Testing;
using Insights.Tools.Replay;

public sealed class ReplayJobTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-replay-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderLakeStore _lake;
    private readonly DateTimeOffset _start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public ReplayJobTests() => _lake = new LocalFolderLakeStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Lands a generated dataset in the raw zone as the API would, received when each event was due.</summary>
    private async Task<GeneratedDataset> LandRawAsync()
    {
        var dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 5, Creators = 5, Videos = 12, Comments = 1_200, Start = _start, Span = TimeSpan.FromHours(3),
        });
        await RawZoneLanding.LandAsync(_lake, dataset, eventsPerBatch: 200);
        return dataset;
    }

    private ReplayJob Job() => new(_lake, new LexiconSentimentAnalyzer(), new VideoOptions());

    private async Task<Dictionary<string, byte[]>> ProcessedFilesAsync()
    {
        var zone = _lake.Zone(LakeZone.Processed);
        var files = new Dictionary<string, byte[]>();
        await foreach (var f in zone.ListAsync(""))
        {
            if (!f.Path.StartsWith("_replays/", StringComparison.Ordinal))
            {
                files[f.Path] = (await zone.ReadAsync(f.Path))!;
            }
        }

        return files;
    }

    [Fact]
    public async Task Rebuilds_deduplicated_scored_comments_and_snapshots_that_end_at_the_ground_truth()
    {
        var dataset = await LandRawAsync();
        var result = await Job().RunAsync(DateTimeOffset.UnixEpoch, _start.AddHours(4));

        var reader = new LakeReader(_lake);
        var comments = await reader.ReadCommentsAsync();
        Assert.Equal(dataset.Truth.Totals.DistinctComments, comments.Count);
        Assert.Equal(comments.Count, comments.Select(c => c.CommentId).Distinct().Count());
        Assert.All(comments, c => Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, c.Analyzer));
        Assert.Equal(dataset.Truth.Totals.DuplicatesSent, result.Duplicates);

        var snapshots = await reader.ReadSnapshotsAsync();
        foreach (var truth in dataset.Truth.Videos)
        {
            var last = snapshots.Where(s => s.VideoId == truth.VideoId).MaxBy(s => s.Version);
            Assert.NotNull(last);
            Assert.Equal((truth.Comments, truth.Views, truth.Likes, truth.Shares), (last.Comments, last.Views, last.Likes, last.Shares));
        }

        var manifest = await _lake.Zone(LakeZone.Processed).ReadAsync($"_replays/replay-{DateTimeOffset.UnixEpoch:yyyyMMdd'T'HH}-{_start.AddHours(4):yyyyMMdd'T'HH}.json");
        Assert.NotNull(manifest);
        Assert.Contains(LexiconSentimentAnalyzer.AnalyzerName, System.Text.Encoding.UTF8.GetString(manifest));
    }

    [Fact]
    public async Task Running_twice_gives_the_same_files_and_replaces_what_the_live_writers_left()
    {
        await LandRawAsync();
        var processed = _lake.Zone(LakeZone.Processed);
        var stale = $"comments/date={_start:yyyy-MM-dd}/hour={_start:HH}/part-live-000001.parquet";
        await processed.WriteAsync(stale, new byte[] { 1, 2, 3 });

        await Job().RunAsync(DateTimeOffset.UnixEpoch, _start.AddHours(4));
        var first = await ProcessedFilesAsync();
        Assert.DoesNotContain(stale, first.Keys);
        Assert.All(first.Keys, p => Assert.EndsWith("/" + ReplayJob.FileName, p));

        await Job().RunAsync(DateTimeOffset.UnixEpoch, _start.AddHours(4));
        var second = await ProcessedFilesAsync();
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (path, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} changed on the second run");
        }
    }

    [Fact]
    public async Task A_range_rewrites_only_its_hours_but_knows_the_comments_before_it()
    {
        var dataset = await LandRawAsync();
        await Job().RunAsync(DateTimeOffset.UnixEpoch, _start.AddHours(4));
        var all = await new LakeReader(_lake).ReadCommentsAsync();

        var result = await Job().RunAsync(_start.AddHours(1), _start.AddHours(2));
        var after = await new LakeReader(_lake).ReadCommentsAsync();

        Assert.Equal(all.Count, after.Count);
        Assert.Equal(all.Select(c => c.CommentId).Order(), after.Select(c => c.CommentId).Order());
        Assert.Equal(all.Count(c => c.IngestedAt >= _start.AddHours(1).UtcDateTime && c.IngestedAt < _start.AddHours(2).UtcDateTime), result.Comments);
        Assert.True(dataset.Truth.Totals.DistinctComments == after.Count);
    }
}
