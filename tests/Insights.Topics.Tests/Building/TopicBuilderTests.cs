namespace Insights.Topics.Tests.Building;

using Insights.Lake.Records;
using Insights.Topics.Building;
using Insights.Topics.Modeling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Insights.Topics.Tests.Building.TestLake;

/// <summary>The day's build on a local folder lake, with a keyword model whose topics are known in advance.</summary>
public sealed class TopicBuilderTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private readonly TestLake _lake = new();
    private readonly KeywordTopicModelTrainer _trainer = new(
        ("shipping delays", ["shipping", "delivery", "late"]),
        ("new flavour", ["flavour", "taste", "mango"]),
        ("price", ["price", "expensive", "cheap"]));

    private TopicBuilder Builder(TopicsOptions? options = null, int maxTraining = 50_000) => new(
        _lake.Store, _trainer, Options.Create(options ?? new TopicsOptions()),
        Options.Create(new TopicModelOptions { MaxTrainingComments = maxTraining }), TimeProvider.System, NullLogger<TopicBuilder>.Instance);

    [Fact]
    public async Task A_build_counts_each_topics_comments_videos_and_sentiment_exactly()
    {
        await _lake.LandAsync(Day, 9,
            Comment("c1", "v1", "shipping is so late", "negative", -0.6, positive: 0.1, negative: 0.8),
            Comment("c2", "v1", "delivery took weeks", "negative", -0.4, positive: 0.2, negative: 0.7),
            Comment("c3", "v2", "shipping was quick", "positive", 0.5, positive: 0.9, negative: 0.05),
            Comment("c4", "v2", "mango flavour!", "positive", 0.8, positive: 0.95, negative: 0.01));
        await _lake.LandAsync(Day, 10,
            Comment("c5", "v3", "nothing to see here", "neutral", 0, positive: 0.3, negative: 0.3),
            Comment("c1", "v1", "shipping is so late", "negative", -0.6, positive: 0.1, negative: 0.8));

        var result = await Builder().BuildAsync(Day);

        Assert.False(result.Unchanged);
        Assert.Equal((2, 5L, 4L), (result.Files, result.Comments, result.Assigned));
        var shipping = result.Topics!.Topics[0];
        Assert.Equal(("shipping delays", "shipping, delivery, late"), (shipping.Label, shipping.Terms));
        Assert.Equal((3L, 2L, 1L, 0L, 2L), (shipping.Comments, shipping.Videos, shipping.Positive, shipping.Neutral, shipping.Negative));
        Assert.Equal(Math.Round((-0.6 - 0.4 + 0.5) / 3, 4), shipping.MeanScore);
        Assert.Equal(Math.Round(((0.1 + 0.2 + 0.9) - (0.8 + 0.7 + 0.05)) / 3 * 100, 2), shipping.SentimentScore);
        Assert.Null(shipping.PreviousComments);
        Assert.Equal(["shipping delays", "new flavour"], result.Topics.Topics.Select(t => t.Label));

        var stored = await new TopicsLake(_lake.Store).ReadDayAsync(Day);
        Assert.NotNull(stored);
        Assert.Equal(result.Topics.Topics.Select(t => (t.TopicId, t.Comments, t.SentimentScore)), stored.Topics.Select(t => (t.TopicId, t.Comments, t.SentimentScore)));
        Assert.Equal(["shipping", "delivery", "late"], stored.TermsOf(shipping.TopicId).Select(t => t.Term));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), stored.Topics[0].Date);

        var videos = await new TopicsLake(_lake.Store).ReadVideoTopicsAsync(Day);
        var v1 = Assert.Single(videos, v => v.VideoId == "v1");
        Assert.Equal((shipping.TopicId, 2L, 2L), (v1.TopicId, v1.Comments, v1.Negative));
        Assert.Equal(Math.Round(((0.1 + 0.2) - (0.8 + 0.7)) / 2 * 100, 2), v1.SentimentScore);
        Assert.Equal(2, videos.Count(v => v.VideoId == "v2"));
        Assert.DoesNotContain(videos, v => v.VideoId == "v3");

        var assignments = await new TopicsLake(_lake.Store).ReadCommentTopicsAsync(Day);
        Assert.Equal(["c1", "c2", "c3", "c4"], assignments.Select(a => a.CommentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_build_with_nothing_new_is_skipped_and_a_landed_file_rebuilds()
    {
        await _lake.LandAsync(Day, 9, Comment("c1", "v1", "shipping is late"), Comment("c2", "v1", "love the mango taste"));
        var first = await Builder().BuildAsync(Day);

        var again = await Builder().BuildAsync(Day, first.Fingerprint);
        Assert.True(again.Unchanged);
        Assert.Null(again.Topics);
        Assert.Equal(1, _trainer.Fits);

        await _lake.LandAsync(Day, 11, Comment("c3", "v2", "too expensive"));
        var rebuilt = await Builder().BuildAsync(Day, first.Fingerprint);
        Assert.False(rebuilt.Unchanged);
        Assert.NotEqual(first.Fingerprint, rebuilt.Fingerprint);
        Assert.Equal((2, 3L, 3), (rebuilt.Files, rebuilt.Comments, rebuilt.Topics!.Topics.Count));
    }

    [Fact]
    public async Task Topic_ids_hold_across_builds_and_days_and_carry_the_day_befores_comments()
    {
        var yesterday = Day.AddDays(-1);
        await _lake.LandAsync(yesterday, 20,
            Comment("y1", "v1", "shipping late"), Comment("y2", "v1", "delivery late"), Comment("y3", "v2", "mango taste"));
        var before = await Builder().BuildAsync(yesterday);
        var idsBefore = before.Topics!.Topics.ToDictionary(t => t.Label, t => t.TopicId);

        await _lake.LandAsync(Day, 1, Comment("d1", "v1", "shipping again"), Comment("d2", "v3", "price too expensive"));
        var morning = await Builder().BuildAsync(Day);
        var idsMorning = morning.Topics!.Topics.ToDictionary(t => t.Label, t => t.TopicId);
        Assert.Equal(idsBefore["shipping delays"], idsMorning["shipping delays"]);
        Assert.DoesNotContain(idsMorning["price"], idsBefore.Values);

        var shipping = morning.Topics.Topics.Single(t => t.Label == "shipping delays");
        Assert.Equal(2L, shipping.PreviousComments);
        Assert.Null(morning.Topics.Topics.Single(t => t.Label == "price").PreviousComments);

        await _lake.LandAsync(Day, 5, Comment("d3", "v2", "the flavour is mango"), Comment("d4", "v2", "cheap price"));
        var noon = await Builder().BuildAsync(Day, morning.Fingerprint);
        var idsNoon = noon.Topics!.Topics.ToDictionary(t => t.Label, t => t.TopicId);
        Assert.Equal(idsMorning["price"], idsNoon["price"]);
        Assert.Equal(idsMorning["shipping delays"], idsNoon["shipping delays"]);
        Assert.Equal(idsBefore["new flavour"], idsNoon["new flavour"]);
        Assert.Equal(1L, noon.Topics.Topics.Single(t => t.Label == "new flavour").PreviousComments);
        Assert.Equal(idsNoon.Count, idsNoon.Values.Distinct().Count());
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_reported_and_skipped()
    {
        await _lake.LandAsync(Day, 9, Comment("c1", "v1", "shipping is late"));
        var bad = await _lake.LandBytesAsync(Day, 10, "PAR1 not really parquet"u8.ToArray());
        await _lake.LandAsync(Day, 11, Comment("c2", "v2", "mango flavour"));

        var result = await Builder().BuildAsync(Day);

        Assert.Equal([bad], result.UnreadableFiles);
        Assert.Equal((3, 2L, 2), (result.Files, result.Comments, result.Topics!.Topics.Count));
    }

    [Fact]
    public async Task The_model_is_fitted_on_a_sample_of_the_smallest_id_hashes_and_the_commented_videos_descriptions()
    {
        var comments = Enumerable.Range(0, 300).Select(i => Comment($"c{i:D3}", "v" + (i % 3), i % 2 == 0 ? "shipping late" : "mango taste")).ToArray();
        await _lake.LandAsync(Day, 9, comments[..150]);
        await _lake.LandAsync(Day, 10, comments[150..]);
        await new Insights.Lake.Zones.DimensionTables(_lake.Store).WriteAsync(
            [
                new VideoDimRow { VideoId = "v1", VideoDescription = "our price drop" },
                new VideoDimRow { VideoId = "v9", VideoDescription = "not commented today" },
            ],
            []);

        var result = await Builder(maxTraining: 100).BuildAsync(Day);

        Assert.Equal((300L, 100L, 300L), (result.Comments, result.TrainingComments, result.Assigned));
        var expected = comments.Select(c => c.CommentId).OrderBy(KMeansTopicModelTrainer.StableHash).ThenBy(id => id, StringComparer.Ordinal).Take(100);
        Assert.Equal(expected.Append("video:v1"), _trainer.LastFitted.Select(d => d.Id));
        // The description's topic has no comment, so it is not a topic of the day.
        Assert.Equal(["new flavour", "shipping delays"], result.Topics!.Topics.Select(t => t.Label).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_day_without_comments_builds_no_topics_and_is_then_unchanged()
    {
        var result = await Builder().BuildAsync(Day);

        Assert.Equal((0, 0L, 0), (result.Files, result.Comments, result.Topics!.Topics.Count));
        var stored = await new TopicsLake(_lake.Store).ReadDayAsync(Day);
        Assert.NotNull(stored);
        Assert.Empty(stored.Topics);
        Assert.Null(stored.BuiltAt);
        Assert.Empty(await new TopicsLake(_lake.Store).ReadVideoTopicsAsync(Day));
        Assert.True((await Builder().BuildAsync(Day, result.Fingerprint)).Unchanged);
    }

    public void Dispose() => _lake.Dispose();
}
