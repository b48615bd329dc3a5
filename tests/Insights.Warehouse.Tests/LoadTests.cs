namespace Insights.Warehouse.Tests;

using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;

public sealed class LoadTests
{
    [Fact]
    public async Task One_load_gives_the_ground_truth_and_a_consistent_manifest()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);

        var (result, models) = await h.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        Assert.Equal(lake.Files.Count, result.FilesLoaded);
        Assert.Equal(lake.Comments.Count + lake.Snapshots.Count + lake.Videos.Count + lake.Creators.Count, result.RowsLoaded);
        Assert.True(models >= 9, $"{models} models built");

        var truth = lake.Dataset.Truth;
        Assert.Equal(truth.Totals.DistinctComments, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
        Assert.Equal(truth.Totals.DistinctComments, await h.CountAsync("SELECT COUNT(DISTINCT comment_id) FROM fact_comment"));
        Assert.Equal(truth.Totals.Videos, await h.CountAsync("SELECT COUNT(*) FROM dim_video"));
        Assert.Equal(truth.Videos.Count(v => v.Comments > 0), await h.CountAsync("SELECT COUNT(DISTINCT video_id) FROM fact_comment"));
        Assert.Equal(lake.Snapshots.Count, await h.CountAsync("SELECT COUNT(*) FROM fact_video_snapshot"));
        Assert.Equal(lake.Creators.Count, await h.CountAsync("SELECT COUNT(*) FROM dim_creator"));
        Assert.Equal(
            lake.Videos.Sum(v => v.HashtagNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToLowerInvariant()).Distinct().Count()),
            await h.CountAsync("SELECT COUNT(*) FROM dim_video_hashtag"));

        // Per-video truth: distinct comments, and the last snapshot's counters are the maxima observed.
        foreach (var video in truth.Videos)
        {
            Assert.Equal(video.Comments, await h.CountAsync($"SELECT COUNT(*) FROM fact_comment WHERE video_id = '{video.VideoId}'"));
        }

        var last = await h.Warehouse.QueryAsync(
            "SELECT video_id, views, likes, shares FROM (SELECT video_id, views, likes, shares, "
            + "row_number() OVER (PARTITION BY video_id ORDER BY version DESC) AS rn FROM fact_video_snapshot) AS s WHERE rn = 1");
        foreach (var row in last.Rows)
        {
            var video = truth.Video((string)row[0]!)!;
            Assert.Equal((video.Views, video.Likes, video.Shares), ((long)row[1]!, (long)row[2]!, (long)row[3]!));
        }

        // The manifest accounts for every row, and dim_date covers every day without a gap.
        Assert.Equal(lake.Files.Count, await h.CountAsync("SELECT COUNT(*) FROM load_manifest"));
        Assert.Equal(lake.Comments.Count, await h.CountAsync("SELECT SUM(row_count) FROM load_manifest WHERE dataset = 'comments'"));
        var days = lake.Comments.Select(c => c.CreateTime.Date)
            .Concat(lake.Snapshots.Select(s => s.SnapshotTime.Date))
            .Concat(lake.Videos.Select(v => v.CreateTime.Date))
            .ToList();
        Assert.Equal((days.Max() - days.Min()).Days + 1, await h.CountAsync("SELECT COUNT(*) FROM dim_date"));
        Assert.Equal(2, await h.CountAsync("SELECT COUNT(DISTINCT create_date) FROM fact_comment"));
    }

    [Fact]
    public async Task A_second_load_loads_nothing_and_changes_nothing()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        var before = await CountsAsync(h);

        var (again, models) = await h.Warehouse.LoadAsync();

        Assert.Equal(0, again.FilesLoaded);
        Assert.Equal(0, again.FilesRemoved);
        Assert.Equal(0, again.RowsLoaded);
        Assert.Equal(lake.Files.Count, again.FilesUnchanged);
        Assert.Equal(0, models);
        Assert.Equal(before, await CountsAsync(h));

        // A new process (new service, same file) sees the same: the manifest is in the warehouse.
        await using var h2 = new Harness(work);
        Assert.Equal(0, (await h2.Warehouse.LoadAsync()).Load.FilesLoaded);
        Assert.Equal(before, await CountsAsync(h2));
    }

    [Fact]
    public async Task A_rewritten_file_is_reloaded_without_duplicates_and_a_deleted_file_takes_its_rows_away()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        var total = lake.Comments.Count;

        // The writer (or a hand) rewrites an hour's file with half its rows: same path, new content.
        var path = lake.Files.Where(f => f.StartsWith("comments/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ElementAt(2);
        var rows = await ParquetFormat<CommentRow>.ReadAsync((await work.Processed.ReadAsync(path))!);
        var kept = rows.Take(rows.Count / 2).ToList();
        await work.Processed.WriteAsync(path, await new ParquetFormat<CommentRow>().EncodeAsync(kept, default));

        var (reload, _) = await h.Warehouse.LoadAsync();
        Assert.Equal(1, reload.FilesLoaded);
        Assert.Equal(kept.Count, reload.RowsLoaded);
        Assert.Equal(rows.Count, reload.RowsRemoved);
        Assert.Equal(total - rows.Count + kept.Count, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
        Assert.Equal(kept.Count, await h.CountAsync($"SELECT COUNT(*) FROM fact_comment WHERE source_file = '{path}'"));

        // Replay of the hours rewrites every file of their partitions: back to the full data, still no duplicate.
        var hour = LakeReader.HourOf(path)!.Value;
        await ProcessedLake.ReplayAsync(work.Lake, hour, hour.AddHours(1));
        var (replayed, _) = await h.Warehouse.LoadAsync();
        Assert.Empty(replayed.Failures);
        Assert.True(replayed.FilesLoaded >= 1);
        Assert.Equal(total, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
        Assert.Equal(total, await h.CountAsync("SELECT COUNT(DISTINCT comment_id) FROM fact_comment"));
        Assert.Equal(lake.Dataset.Truth.Totals.DistinctComments, total);

        // A file removed from the lake (replay removes a partition's other files) has its rows removed.
        var snapshotFile = lake.Files.First(f => f.StartsWith("video_snapshots/", StringComparison.Ordinal));
        var snapshotRows = await h.CountAsync($"SELECT COUNT(*) FROM fact_video_snapshot WHERE source_file = '{snapshotFile}'");
        Assert.True(snapshotRows > 0);
        await work.Processed.DeleteAsync(snapshotFile);
        var (removal, _) = await h.Warehouse.LoadAsync();
        Assert.Equal(1, removal.FilesRemoved);
        Assert.Equal(snapshotRows, removal.RowsRemoved);
        Assert.Equal(lake.Snapshots.Count - snapshotRows, await h.CountAsync("SELECT COUNT(*) FROM fact_video_snapshot"));
        Assert.Equal(0, await h.CountAsync($"SELECT COUNT(*) FROM load_manifest WHERE file_path = '{snapshotFile}'"));
    }

    [Fact]
    public async Task Files_rewritten_together_are_reloaded_in_one_unit_and_counted_once()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        var before = await CountsAsync(h);
        var commentFiles = lake.Files.Where(f => f.StartsWith("comments/", StringComparison.Ordinal)).ToList();
        Assert.True(commentFiles.Count >= 2, $"{commentFiles.Count} comment files");

        // Replay rewrites the files of its hours (same rows, new last-modified time): every one is reloaded.
        foreach (var path in commentFiles)
        {
            await work.Processed.WriteAsync(path, (await work.Processed.ReadAsync(path))!);
        }

        var faults = new FaultInjection();
        await using var counting = new Harness(work, inner => new FaultyTargetFactory(inner, faults));
        var (reload, _) = await counting.Warehouse.LoadAsync();

        Assert.Empty(reload.Failures);
        Assert.Equal(commentFiles.Count, reload.FilesLoaded);
        Assert.Equal(1, faults.Committed); // all of them in one transaction
        Assert.Equal(lake.Comments.Count, reload.RowsLoaded);
        Assert.Equal(lake.Comments.Count, reload.RowsRemoved);
        Assert.Equal(before, await CountsAsync(counting));
        Assert.Equal(lake.Comments.Count, await counting.CountAsync("SELECT COUNT(DISTINCT comment_id) FROM fact_comment"));
        foreach (var path in commentFiles)
        {
            Assert.Equal(
                await counting.CountAsync($"SELECT row_count FROM load_manifest WHERE file_path = '{path}'"),
                await counting.CountAsync($"SELECT COUNT(*) FROM fact_comment WHERE source_file = '{path}'"));
        }
    }

    [Fact]
    public async Task Rows_of_a_many_file_unit_name_their_lake_file_whatever_the_lake_folder_is_called()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy("insights-warehouse-wörk l'ake");
        await using var h = new Harness(work);

        var (result, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        Assert.Equal(lake.Files.Count, result.FilesLoaded);
        var files = await h.StringsAsync("SELECT DISTINCT source_file FROM fact_comment UNION SELECT DISTINCT source_file FROM fact_video_snapshot");
        Assert.Equal(
            lake.Files.Where(f => f.StartsWith("comments/", StringComparison.Ordinal) || f.StartsWith("video_snapshots/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
            files.Order(StringComparer.Ordinal));
        Assert.Equal(lake.Comments.Count, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
    }

    [Fact]
    public async Task A_changed_dimension_is_reloaded_whole()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();

        var videos = lake.Videos.Select(v => new VideoDimRow
        {
            VideoId = v.VideoId, Username = v.Username, CreateTime = v.CreateTime, RegionCode = v.RegionCode, VideoDescription = v.VideoDescription,
            HashtagNames = v.HashtagNames, MusicId = v.MusicId, Duration = v.Duration, UpdatedAt = v.UpdatedAt,
        }).ToList();
        videos[0].HashtagNames = "Brand New, fyp ,,brand new";
        videos.RemoveAt(videos.Count - 1);
        await new DimensionTables(work.Lake).WriteAsync(videos, lake.Creators);

        var (result, _) = await h.Warehouse.LoadAsync();

        Assert.Equal(2, result.FilesLoaded); // both dimension files were rewritten
        Assert.Equal(videos.Count, await h.CountAsync("SELECT COUNT(*) FROM dim_video"));
        Assert.Equal(["brand new", "fyp"], await h.StringsAsync($"SELECT hashtag FROM dim_video_hashtag WHERE video_id = '{videos[0].VideoId}' ORDER BY hashtag"));
        Assert.Equal(lake.Creators.Count, await h.CountAsync("SELECT COUNT(*) FROM dim_creator"));
    }

    internal static async Task<(long Comments, long Snapshots, long Videos, long Creators, long Hashtags, long Dates, long Manifest)> CountsAsync(Harness h) => (
        await h.CountAsync("SELECT COUNT(*) FROM fact_comment"),
        await h.CountAsync("SELECT COUNT(*) FROM fact_video_snapshot"),
        await h.CountAsync("SELECT COUNT(*) FROM dim_video"),
        await h.CountAsync("SELECT COUNT(*) FROM dim_creator"),
        await h.CountAsync("SELECT COUNT(*) FROM dim_video_hashtag"),
        await h.CountAsync("SELECT COUNT(*) FROM dim_date"),
        await h.CountAsync("SELECT COUNT(*) FROM load_manifest"));
}
