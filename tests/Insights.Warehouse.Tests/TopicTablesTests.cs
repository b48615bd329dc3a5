namespace Insights.Warehouse.Tests;

using System.Globalization;
using Insights.Warehouse.Modeling;
using Insights.Warehouse.Schema;

/// <summary>
/// The topics zone in the warehouse: two days of topic files (four carried from the first day to the second, eight
/// new, one gone) loaded into topics_daily, topic_terms_daily, comment_topics and video_topics, and the mart
/// top_topics_daily over them; a rebuild of a day reloads it whole, a day's files gone take its rows away.
/// </summary>
public sealed class TopicTablesTests
{
    private const double Tolerance = 1e-9;

    public static readonly DateOnly Day1 = new(2026, 11, 23);

    public static readonly DateOnly Day2 = new(2026, 11, 24);

    public static readonly PlantedTopic[] FirstDay =
    [
        new("T01", 100, 60, 30, 10, 31.25),
        new("T02", 80, 40, 20, 20, 5),
        new("T03", 60, 10, 20, 30, -22.5),
        new("T04", 40, 10, 20, 10, 0),
        new("T05", 20, 5, 10, 5, 1.5),
    ];

    // Twelve topics: the top 10 by comments (T07 and T08 tie: the smaller id first) leave out T12 and T13. Their
    // previous_comments are deliberately wrong: the mart must compare with the warehouse's own day before.
    public static readonly PlantedTopic[] SecondDay =
    [
        new("T06", 150, 90, 50, 10, 40, 999),
        new("T01", 120, 70, 40, 10, 33.75, 999),
        new("T02", 80, 40, 20, 20, 4, 999),
        new("T07", 50, 10, 30, 10, 2, 999),
        new("T08", 50, 20, 20, 10, 8, 999),
        new("T09", 45, 15, 15, 15, 0, 999),
        new("T10", 40, 10, 10, 20, -12, 999),
        new("T03", 30, 5, 10, 15, -25, 999),
        new("T11", 25, 5, 15, 5, 1, 999),
        new("T05", 20, 5, 10, 5, 2, 999),
        new("T12", 5, 1, 3, 1, 0, 999),
        new("T13", 4, 1, 2, 1, 0, 999),
    ];

    private static readonly string[] SecondDayTopTen = ["T06", "T01", "T02", "T07", "T08", "T09", "T10", "T03", "T11", "T05"];

    [Fact]
    public async Task Two_days_of_topics_load_into_four_tables_and_the_mart_ranks_the_top_ten_with_the_change_against_the_day_before()
    {
        using var work = new WorkLake(TempFolder.Create("insights-warehouse-topics"));
        await TopicFilesLake.WriteDayAsync(work.Processed, Day1, FirstDay);
        await TopicFilesLake.WriteDayAsync(work.Processed, Day2, SecondDay);
        await using var h = new Harness(work);

        var (load, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(load.Failures);
        Assert.Equal(8, load.FilesLoaded);
        Assert.Equal(17, await h.CountAsync("SELECT COUNT(*) FROM topics_daily"));
        Assert.Equal(17 * 3, await h.CountAsync("SELECT COUNT(*) FROM topic_terms_daily"));
        Assert.Equal(FirstDay.Sum(t => t.Comments) + SecondDay.Sum(t => t.Comments), await h.CountAsync("SELECT COUNT(*) FROM comment_topics"));
        Assert.Equal(TopicFilesLake.VideoTopicRows(FirstDay) + TopicFilesLake.VideoTopicRows(SecondDay), await h.CountAsync("SELECT COUNT(*) FROM video_topics"));
        Assert.Equal(
            ["comment_topics", "topic_terms", "topics", "video_topics"],
            await h.StringsAsync("SELECT DISTINCT dataset FROM load_manifest ORDER BY dataset"));
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM topics_daily WHERE previous_comments IS NOT NULL AND topic_date = CAST('2026-11-23' AS DATE)"));
        Assert.Equal(2, await h.CountAsync("SELECT COUNT(*) FROM dim_date")); // the calendar covers the topics' days

        var models = await h.Warehouse.RunModelsAsync();
        Assert.Contains("top_topics_daily", models.Models);
        Assert.All(models.Tests, t => Assert.True(t.Status == DbtTestStatus.Pass, $"{t.Name}: {t.Status} {t.Failures} {t.Error}"));
        Assert.Contains(models.Tests, t => t.Name == "unique_top_topics_daily_top_topic_key");
        Assert.Contains(models.Tests, t => t.Name == "accepted_values_top_topics_daily_topic_rank");

        var first = await MartAsync(h, Day1);
        Assert.Equal(["T01", "T02", "T03", "T04", "T05"], first.Select(r => r.TopicId));
        Assert.All(first, r => Assert.True(r.PreviousComments is null && r.Change is null && r.ChangePct is null, r.TopicId)); // no day before

        var second = await MartAsync(h, Day2);
        Assert.Equal(SecondDayTopTen, second.Select(r => r.TopicId));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), second.Select(r => r.Rank));
        Assert.Equal(Expected(120, 100, 20, 20.0), Change(second, "T01"));
        Assert.Equal(Expected(80, 80, 0, 0.0), Change(second, "T02"));
        Assert.Equal(Expected(30, 60, -30, -50.0), Change(second, "T03"));
        Assert.Equal(Expected(150, null, null, null), Change(second, "T06")); // new today
        Assert.Equal(Expected(50, null, null, null), Change(second, "T07"));

        var t01 = second.Single(r => r.TopicId == "T01");
        Assert.Equal(("label T01", "T01-a, T01-b, T01-c", 2L), (t01.Label, t01.Terms, t01.Videos));
        Assert.Equal((70L, 40L, 10L), (t01.Positive, t01.Neutral, t01.Negative));
        Assert.Equal(70.0 / 120, t01.PositiveShare, Tolerance);
        Assert.Equal(40.0 / 120, t01.NeutralShare, Tolerance);
        Assert.Equal(10.0 / 120, t01.NegativeShare, Tolerance);
        Assert.Equal(33.75, t01.SentimentScore, Tolerance); // passed through from the build
        Assert.Equal(-25, second.Single(r => r.TopicId == "T03").SentimentScore, Tolerance);
    }

    [Fact]
    public async Task A_day_built_without_comments_loads_its_empty_files_and_adds_no_rows()
    {
        using var work = new WorkLake(TempFolder.Create("insights-warehouse-topics-empty"));
        await TopicFilesLake.WriteDayAsync(work.Processed, Day1, FirstDay);
        await TopicFilesLake.WriteDayAsync(work.Processed, Day2, []);
        await using var h = new Harness(work);

        var (load, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(load.Failures);
        Assert.Equal(8, load.FilesLoaded);
        Assert.Equal(FirstDay.Length, await h.CountAsync("SELECT COUNT(*) FROM topics_daily"));
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM topics_daily WHERE topic_date = CAST('2026-11-24' AS DATE)"));
        var models = await h.Warehouse.RunModelsAsync();
        Assert.All(models.Tests, t => Assert.True(t.Status == DbtTestStatus.Pass, $"{t.Name}: {t.Status} {t.Failures} {t.Error}"));
        Assert.Empty(await MartAsync(h, Day2));
    }

    [Fact]
    public async Task A_rebuilt_day_reloads_without_duplicates_and_a_day_whose_files_are_gone_loses_its_rows()
    {
        using var work = new WorkLake(TempFolder.Create("insights-warehouse-topics"));
        await TopicFilesLake.WriteDayAsync(work.Processed, Day1, FirstDay);
        await TopicFilesLake.WriteDayAsync(work.Processed, Day2, SecondDay);
        await using var h = new Harness(work);
        await h.Warehouse.LoadAsync();

        // A later build of day 2: more comments for T01 and T06, T13 no longer a topic.
        PlantedTopic[] rebuilt =
        [
            .. SecondDay.Where(t => t.Id is not ("T01" or "T06" or "T13")),
            new("T01", 130, 80, 40, 10, 35, 999),
            new("T06", 160, 95, 55, 10, 41, 999),
        ];
        await TopicFilesLake.WriteDayAsync(work.Processed, Day2, rebuilt);

        var (reload, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(reload.Failures);
        Assert.Equal((4, 0, 4), (reload.FilesLoaded, reload.FilesRemoved, reload.FilesUnchanged));
        const string secondDay = "topic_date = CAST('2026-11-24' AS DATE)";
        Assert.Equal(11, await h.CountAsync($"SELECT COUNT(*) FROM topics_daily WHERE {secondDay}"));
        Assert.Equal(11, await h.CountAsync($"SELECT COUNT(DISTINCT topic_id) FROM topics_daily WHERE {secondDay}"));
        Assert.Equal(11 * 3, await h.CountAsync($"SELECT COUNT(*) FROM topic_terms_daily WHERE {secondDay}"));
        Assert.Equal(rebuilt.Sum(t => t.Comments), await h.CountAsync($"SELECT COUNT(*) FROM comment_topics WHERE {secondDay}"));
        Assert.Equal(rebuilt.Sum(t => t.Comments), await h.CountAsync($"SELECT COUNT(DISTINCT comment_id) FROM comment_topics WHERE {secondDay}"));
        Assert.Equal(TopicFilesLake.VideoTopicRows(rebuilt), await h.CountAsync($"SELECT COUNT(*) FROM video_topics WHERE {secondDay}"));
        Assert.Equal(17 - 1, await h.CountAsync("SELECT COUNT(*) FROM topics_daily"));

        await h.Warehouse.RunModelsAsync();
        var second = await MartAsync(h, Day2);
        Assert.Equal(10, second.Count);
        Assert.Equal(Expected(160, null, null, null), Change(second, "T06"));
        Assert.Equal(Expected(130, 100, 30, 30.0), Change(second, "T01"));

        // Day 1's files gone (its build removed): its rows go, and day 2's topics have no day before any more.
        await TopicFilesLake.DeleteDayAsync(work.Processed, Day1);
        var (removal, _) = await h.Warehouse.LoadAsync();

        Assert.Equal(4, removal.FilesRemoved);
        Assert.Equal(5 + 5 * 3 + FirstDay.Sum(t => t.Comments) + TopicFilesLake.VideoTopicRows(FirstDay), removal.RowsRemoved);
        foreach (var table in new[] { "topics_daily", "topic_terms_daily", "comment_topics", "video_topics" })
        {
            Assert.Equal(0, await h.CountAsync($"SELECT COUNT(*) FROM {table} WHERE topic_date = CAST('2026-11-23' AS DATE)"));
        }

        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM load_manifest WHERE file_path LIKE 'topics/date=2026-11-23/%'"));
        second = await MartAsync(h, Day2);
        Assert.All(second, r => Assert.Null(r.Change));
        Assert.Empty(await MartAsync(h, Day1));
    }

    [Fact]
    public void The_four_files_of_a_day_share_a_folder_and_each_loads_into_its_own_table()
    {
        Assert.Equal(WarehouseSchema.Topics, WarehouseSchema.DatasetOf("topics/date=2026-11-24/topics.parquet"));
        Assert.Equal(WarehouseSchema.TopicTerms, WarehouseSchema.DatasetOf("topics/date=2026-11-24/topic_terms.parquet"));
        Assert.Equal(WarehouseSchema.CommentTopicAssignments, WarehouseSchema.DatasetOf("topics/date=2026-11-24/comment_topics.parquet"));
        Assert.Equal(WarehouseSchema.VideoTopicCounts, WarehouseSchema.DatasetOf("topics/date=2026-11-24/video_topics.parquet"));
        Assert.Null(WarehouseSchema.DatasetOf("topics/date=2026-11-24/model.json"));
        Assert.Null(WarehouseSchema.DatasetOf("topics/date=2026-11-24/other_topics.parquet"));
        Assert.Equal(WarehouseSchema.Comments, WarehouseSchema.DatasetOf("comments/date=2026-11-24/hour=05/part-000001.parquet"));
    }

    private sealed record MartRow(
        long Rank, string TopicId, string Label, string Terms, long Comments, long Videos, long Positive, long Neutral, long Negative,
        double PositiveShare, double NeutralShare, double NegativeShare, double SentimentScore, long? PreviousComments, long? Change, double? ChangePct);

    private static (long Comments, long? Previous, long? Change, double? ChangePct) Expected(long comments, long? previous, long? change, double? changePct) =>
        (comments, previous, change, changePct);

    private static (long Comments, long? Previous, long? Change, double? ChangePct) Change(IReadOnlyList<MartRow> rows, string topic)
    {
        var row = rows.Single(r => r.TopicId == topic);
        return (row.Comments, row.PreviousComments, row.Change, row.ChangePct is { } pct ? Math.Round(pct, 9) : null);
    }

    private static async Task<List<MartRow>> MartAsync(Harness h, DateOnly date)
    {
        var result = await h.Warehouse.QueryAsync(
            "SELECT topic_rank, topic_id, topic_label, topic_terms, comment_count, video_count, positive_count, neutral_count, negative_count, "
            + "positive_share, neutral_share, negative_share, sentiment_score, previous_comments, change, change_pct FROM top_topics_daily "
            + $"WHERE topic_date = CAST('{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}' AS DATE) ORDER BY topic_rank");
        return Enumerable.Range(0, result.Rows.Count).Select(i => new MartRow(
            result.Value<long>(i, "topic_rank"), result.Value<string>(i, "topic_id")!, result.Value<string>(i, "topic_label")!,
            result.Value<string>(i, "topic_terms")!, result.Value<long>(i, "comment_count"), result.Value<long>(i, "video_count"),
            result.Value<long>(i, "positive_count"), result.Value<long>(i, "neutral_count"), result.Value<long>(i, "negative_count"),
            result.Value<double>(i, "positive_share"), result.Value<double>(i, "neutral_share"), result.Value<double>(i, "negative_share"),
            result.Value<double>(i, "sentiment_score"), result.Value<long?>(i, "previous_comments"), result.Value<long?>(i, "change"),
            result.Value<double?>(i, "change_pct"))).ToList();
    }
}
