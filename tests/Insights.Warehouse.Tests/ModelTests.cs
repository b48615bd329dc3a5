namespace Insights.Warehouse.Tests;

using Insights.Warehouse.Modeling;

/// <summary>The dbt models, built and tested on loaded data, give what the test computes from the lake itself.</summary>
public sealed class ModelTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task The_dbt_tests_pass_on_the_loaded_data()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();

        var result = await h.Warehouse.RunModelsAsync();

        Assert.Equal(
            new[] { "stg_comments", "stg_dates", "stg_video_hashtags", "stg_videos", "stg_creators", "stg_video_snapshots",
             "trending_hashtags_daily", "video_engagement_daily", "video_sentiment_score", "video_series_hourly", "video_series_daily",
             "stg_topics", "stg_topic_terms", "stg_comment_topics", "stg_video_topics", "top_topics_daily" }.Order(),
            result.Models.Order());
        Assert.True(result.Models.ToList().IndexOf("stg_comments") < result.Models.ToList().IndexOf("video_sentiment_score"));
        Assert.True(result.Models.ToList().IndexOf("video_series_hourly") < result.Models.ToList().IndexOf("video_series_daily"));
        Assert.True(result.Tests.Count >= 40, $"{result.Tests.Count} tests");
        Assert.All(result.Tests, t => Assert.True(t.Status == DbtTestStatus.Pass, $"{t.Name}: {t.Status} {t.Failures} {t.Error}"));
        Assert.Contains(result.Tests, t => t.Name.StartsWith("relationships_", StringComparison.Ordinal));
        Assert.Contains(result.Tests, t => t.Name.StartsWith("unique_", StringComparison.Ordinal));
        Assert.Contains(result.Tests, t => t.Name.StartsWith("not_null_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_invariant_fails_its_dbt_test()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();
        await using (var target = h.Warehouse.CreateTarget())
        {
            // A duplicate comment and a video without its dimension row: the first is an error, the second a warning.
            await target.ExecuteAsync([
                "INSERT INTO fact_comment SELECT * FROM fact_comment LIMIT 1",
                "DELETE FROM dim_video WHERE video_id = (SELECT MIN(video_id) FROM fact_comment)",
            ]);
        }

        var result = await h.Warehouse.RunModelsAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(DbtTestStatus.Fail, result.Tests.Single(t => t.Name == "unique_source_insights_fact_comment_comment_id").Status);
        Assert.Equal(1, result.Tests.Single(t => t.Name == "unique_source_insights_fact_comment_comment_id").Failures);
        Assert.Equal(DbtTestStatus.Warn, result.Tests.Single(t => t.Name.StartsWith("relationships_source_insights_fact_comment_video_id", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task Video_sentiment_score_equals_the_figures_computed_from_the_processed_comments()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();

        var byVideo = lake.Comments.GroupBy(c => c.VideoId).OrderByDescending(g => g.Count()).ToList();
        var videos = new[] { byVideo[0], byVideo[1], byVideo[byVideo.Count / 2], byVideo[^1] };
        foreach (var comments in videos)
        {
            var expected = comments.GroupBy(c => ("hour", new DateTime(c.CreateTime.Ticks - c.CreateTime.Ticks % TimeSpan.TicksPerHour)))
                .Concat(comments.GroupBy(c => ("day", c.CreateTime.Date)))
                .ToDictionary(g => g.Key, g => g.ToList());
            var rows = await h.Warehouse.GetVideoSentimentAsync(comments.Key);

            Assert.Equal(expected.Count, rows.Count);
            foreach (var row in rows)
            {
                var group = expected[(row.Grain, row.PeriodStart.UtcDateTime)];
                Assert.Equal(group.Count, row.Comments);
                Assert.Equal(group.Count(c => c.SentimentLabel == "positive"), row.Positive);
                Assert.Equal(group.Count(c => c.SentimentLabel == "neutral"), row.Neutral);
                Assert.Equal(group.Count(c => c.SentimentLabel == "negative"), row.Negative);
                Assert.Equal(group.Count(c => c.SentimentLabel == "positive") / (double)group.Count, row.PositiveShare, Tolerance);
                Assert.Equal(group.Count(c => c.SentimentLabel == "negative") / (double)group.Count, row.NegativeShare, Tolerance);
                Assert.Equal(group.Average(c => c.SentimentScore), row.MeanScore, Tolerance);
                Assert.Equal((group.Average(c => c.ProbabilityPositive) - group.Average(c => c.ProbabilityNegative)) * 100, row.SentimentScore, Tolerance);
            }
        }

        Assert.Empty(await h.Warehouse.GetVideoSentimentAsync("no-such-video"));
    }

    [Fact]
    public async Task Engagement_daily_and_trending_hashtags_equal_the_figures_computed_from_the_lake()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();

        // video_engagement_daily: the day's last snapshot, growth since the previous day's last.
        var expected = lake.Snapshots.GroupBy(s => s.VideoId).SelectMany(video =>
        {
            var days = video.GroupBy(s => s.SnapshotTime.Date).OrderBy(d => d.Key)
                .Select(d => d.OrderByDescending(s => s.SnapshotTime).ThenByDescending(s => s.Version).First()).ToList();
            return days.Select((s, i) => (s.VideoId, Day: s.SnapshotTime.Date, s.Views, s.Likes, s.Shares, s.Comments,
                ViewsGrowth: s.Views - (i > 0 ? days[i - 1].Views : 0),
                CommentsGrowth: s.Comments - (i > 0 ? days[i - 1].Comments : 0),
                Rate: s.Views > 0 ? (s.Likes + s.Comments + s.Shares) / (double)s.Views : 0));
        }).ToDictionary(e => (e.VideoId, e.Day));
        var engagement = await h.Warehouse.QueryAsync(
            "SELECT video_id, activity_date, views, likes, shares, comments, views_growth, comments_growth, engagement_rate FROM video_engagement_daily");
        Assert.Equal(expected.Count, engagement.Rows.Count);
        Assert.Equal(2, expected.Keys.Select(k => k.Day).Distinct().Count());
        foreach (var r in engagement.Rows)
        {
            var e = expected[((string)r[0]!, ((DateOnly)r[1]!).ToDateTime(TimeOnly.MinValue))];
            Assert.Equal((e.Views, e.Likes, e.Shares, e.Comments, e.ViewsGrowth, e.CommentsGrowth), ((long)r[2]!, (long)r[3]!, (long)r[4]!, (long)r[5]!, (long)r[6]!, (long)r[7]!));
            Assert.Equal(e.Rate, (double)r[8]!, Tolerance);
        }

        // trending_hashtags_daily: comments of the day counted for each hashtag of their video, top 10.
        var tags = lake.Videos.ToDictionary(
            v => v.VideoId,
            v => v.HashtagNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct().ToList());
        var trending = lake.Comments
            .SelectMany(c => tags.GetValueOrDefault(c.VideoId, []).Select(t => (Day: c.CreateTime.Date, Tag: t, c.VideoId)))
            .GroupBy(x => x.Day)
            .SelectMany(day => day.GroupBy(x => x.Tag)
                .Select(g => (Day: day.Key, Tag: g.Key, Comments: (long)g.Count(), Videos: (long)g.Select(x => x.VideoId).Distinct().Count()))
                .OrderByDescending(x => x.Comments).ThenBy(x => x.Tag, StringComparer.Ordinal)
                .Take(10)
                .Select((x, i) => (x.Day, Rank: (long)(i + 1), x.Tag, x.Comments, x.Videos)))
            .OrderBy(x => x.Day).ThenBy(x => x.Rank)
            .ToList();
        var actual = (await h.Warehouse.QueryAsync(
                "SELECT activity_date, hashtag_rank, hashtag, comment_count, video_count FROM trending_hashtags_daily ORDER BY activity_date, hashtag_rank"))
            .Rows.Select(r => (((DateOnly)r[0]!).ToDateTime(TimeOnly.MinValue), (long)r[1]!, (string)r[2]!, (long)r[3]!, (long)r[4]!))
            .ToList();
        Assert.Equal(20, trending.Count);
        Assert.Equal(trending, actual);
    }
}
