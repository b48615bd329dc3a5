namespace Insights.Warehouse.Tests;

using Insights.Export;
using Insights.Series;

/// <summary>
/// The series marts and the range and comment queries over them give what the test computes from the processed lake
/// itself: comments and sentiment by comment hour, growth of the counters between snapshots by snapshot hour, days as
/// sums of hours, every period of the range present, and comments paged without loss or repeat.
/// </summary>
public sealed class SeriesModelTests
{
    private const double Tolerance = 1e-9;

    private static DateTime Hour(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);

    [Fact]
    public async Task Hourly_series_equals_the_comments_and_snapshot_growth_of_the_lake_with_every_hour_of_the_range()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        var from = ProcessedLake.Start.AddHours(-2).AddMinutes(10);
        var to = ProcessedLake.End.AddHours(2);

        var busiest = lake.Comments.GroupBy(c => c.VideoId).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        foreach (var video in new[] { busiest[0], busiest[^1] })
        {
            var series = await h.Warehouse.GetVideoSeriesAsync(video, SeriesGrains.Hour, from, to);

            Assert.Equal((SeriesGrains.Hour, SeriesSources.Warehouse, 3600), (series.Window, series.Source, series.BucketSeconds));
            Assert.Equal(SeriesGrains.Floor(SeriesGrains.Hour, from), series.From);
            Assert.Equal((int)Math.Ceiling((to - series.From).TotalHours), series.Buckets.Count);
            Assert.All(series.Buckets.Zip(series.Buckets.Skip(1)), p => Assert.Equal(TimeSpan.FromHours(1), p.Second.Start - p.First.Start));

            var comments = lake.Comments.Where(c => c.VideoId == video).GroupBy(c => Hour(c.CreateTime)).ToDictionary(g => g.Key, g => g.ToList());
            var growth = Growth(lake, video).GroupBy(g => Hour(g.At)).ToDictionary(g => g.Key, g => (Views: g.Sum(x => x.Views), Likes: g.Sum(x => x.Likes), Shares: g.Sum(x => x.Shares)));
            Assert.Contains(series.Buckets, b => b.Comments == 0 && b.Views == 0);
            foreach (var bucket in series.Buckets)
            {
                var hour = bucket.Start.UtcDateTime;
                var group = comments.GetValueOrDefault(hour) ?? [];
                Assert.Equal(group.Count, bucket.Comments);
                Assert.Equal(group.Count(c => c.SentimentLabel == "positive"), bucket.Sentiment.Positive);
                Assert.Equal(group.Count(c => c.SentimentLabel == "neutral"), bucket.Sentiment.Neutral);
                Assert.Equal(group.Count(c => c.SentimentLabel == "negative"), bucket.Sentiment.Negative);
                var score = group.Count == 0 ? 0 : (group.Average(c => c.ProbabilityPositive) - group.Average(c => c.ProbabilityNegative)) * 100;
                Assert.Equal(Math.Round(score, 2), bucket.Sentiment.Score, Tolerance);
                var (views, likes, shares) = growth.GetValueOrDefault(hour);
                Assert.Equal((views, likes, shares), (bucket.Views, bucket.Likes, bucket.Shares));
            }

            Assert.Equal(lake.Comments.Count(c => c.VideoId == video), series.Buckets.Sum(b => b.Comments));
            if (video == busiest[0])
            {
                Assert.True(series.Buckets.Sum(b => b.Views) > 0, "no view growth in the busiest video's series");
            }
        }
    }

    [Fact]
    public async Task Daily_series_is_the_sum_of_its_hours_and_a_video_without_rows_is_all_zeros()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        var video = lake.Comments.GroupBy(c => c.VideoId).MaxBy(g => g.Count())!.Key;
        var from = ProcessedLake.Start.AddDays(-3);
        var to = ProcessedLake.End.AddDays(3);

        var days = await h.Warehouse.GetVideoSeriesAsync(video, SeriesGrains.Day, from, to);
        var hours = await h.Warehouse.GetVideoSeriesAsync(video, SeriesGrains.Hour, SeriesGrains.Floor(SeriesGrains.Day, from), to);

        Assert.Equal(86_400, days.BucketSeconds);
        Assert.Equal(8, days.Buckets.Count); // 20 to 27 November: 27 01:30 is inside the range
        Assert.Equal(lake.Comments.Where(c => c.VideoId == video).Select(c => c.CreateTime.Date).Distinct().Count(), days.Buckets.Count(b => b.Comments > 0));
        foreach (var day in days.Buckets)
        {
            var itsHours = hours.Buckets.Where(b => b.Start >= day.Start && b.Start < day.Start.AddDays(1)).ToList();
            Assert.Equal(Math.Min(24, (int)Math.Ceiling((to - day.Start).TotalHours)), itsHours.Count);
            Assert.Equal(itsHours.Sum(b => b.Comments), day.Comments);
            Assert.Equal(itsHours.Sum(b => b.Sentiment.Negative), day.Sentiment.Negative);
            Assert.Equal(itsHours.Sum(b => b.Views), day.Views);
            Assert.Equal(itsHours.Sum(b => b.Likes), day.Likes);
        }

        var dayComments = lake.Comments.Where(c => c.VideoId == video).GroupBy(c => c.CreateTime.Date).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (date, group) in dayComments)
        {
            var day = days.Buckets.Single(b => b.Start.UtcDateTime == date);
            Assert.Equal(Math.Round((group.Average(c => c.ProbabilityPositive) - group.Average(c => c.ProbabilityNegative)) * 100, 2), day.Sentiment.Score, Tolerance);
            Assert.Equal(Math.Round(group.Average(c => c.SentimentScore), 4), day.Sentiment.MeanScore, Tolerance);
        }

        var nothing = await h.Warehouse.GetVideoSeriesAsync("no-such-video", SeriesGrains.Day, from, to);
        Assert.Equal(8, nothing.Buckets.Count);
        Assert.All(nothing.Buckets, b => Assert.Equal((0L, 0L), (b.Comments, b.Views)));
    }

    [Fact]
    public async Task Comments_come_page_by_page_in_time_order_each_once_with_their_sentiment()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        // Every page opens the DuckDB file (the warehouse holds no connection between reads): a video of a few dozen
        // comments gives enough pages, where the busiest one's hundred pages took a minute and more of a loaded CI run.
        var video = lake.Comments.GroupBy(c => c.VideoId).Where(g => g.Count() >= 40).MinBy(g => g.Count())!;
        var expected = video.OrderBy(c => c.CreateTime).ThenBy(c => c.CommentId, StringComparer.Ordinal).ToList();

        var read = new List<ExportedComment>();
        CommentCursor? after = null;
        var pages = 0;
        do
        {
            var page = await h.Warehouse.GetVideoCommentsAsync(video.Key, after, 7);
            Assert.True(page.Comments.Count <= 7);
            read.AddRange(page.Comments);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.True(pages >= expected.Count / 7, $"{pages} pages for {expected.Count} comments");
        Assert.Equal(expected.Select(c => c.CommentId), read.Select(c => c.CommentId));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, r) = (expected[i], read[i]);
            Assert.Equal((e.VideoId, e.Username, e.Text, e.SentimentLabel, e.Analyzer), (r.VideoId, r.Username, r.Text, r.SentimentLabel, r.Analyzer));
            Assert.Equal(e.CreateTime, r.CreateTime.UtcDateTime);
            Assert.Equal(e.SentimentScore, r.SentimentScore, Tolerance);
            Assert.Equal(e.ProbabilityNegative, r.ProbabilityNegative, Tolerance);
        }

        Assert.Empty((await h.Warehouse.GetVideoCommentsAsync("no-such-video", null, 100)).Comments);
    }

    /// <summary>Each snapshot's counters minus the video's previous snapshot's (by version); the first is the baseline.</summary>
    private static IEnumerable<(DateTime At, long Views, long Likes, long Shares)> Growth(ProcessedLake lake, string video)
    {
        var snapshots = lake.Snapshots.Where(s => s.VideoId == video).OrderBy(s => s.Version).ThenBy(s => s.SnapshotTime).ToList();
        for (var i = 1; i < snapshots.Count; i++)
        {
            yield return (snapshots[i].SnapshotTime, snapshots[i].Views - snapshots[i - 1].Views,
                snapshots[i].Likes - snapshots[i - 1].Likes, snapshots[i].Shares - snapshots[i - 1].Shares);
        }
    }
}
