namespace Insights.Warehouse.Tests;

using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;

/// <summary>A topic of a planted day: its id, comment count and label counts (videos: two per topic).</summary>
public sealed record PlantedTopic(string Id, long Comments, long Positive, long Neutral, long Negative, double SentimentScore, long? PreviousComments = null);

/// <summary>
/// Writes a day's four topic files into a processed zone the way the topics build does (each file whole, at
/// <see cref="TopicFiles.PathOf"/>): the topics, three terms each, one assignment per comment, and the comments split
/// over two videos per topic.
/// </summary>
public static class TopicFilesLake
{
    public static readonly DateTime BuiltAt = new(2026, 11, 24, 23, 50, 0, DateTimeKind.Utc);

    public static async Task WriteDayAsync(IBlobStore processed, DateOnly date, IReadOnlyList<PlantedTopic> topics)
    {
        var day = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = topics.Select(t => new TopicRow
        {
            Date = day,
            TopicId = t.Id,
            Label = "label " + t.Id,
            Terms = string.Join(", ", Terms(t)),
            Comments = t.Comments,
            Videos = 2,
            Positive = t.Positive,
            Neutral = t.Neutral,
            Negative = t.Negative,
            MeanScore = t.SentimentScore / 200,
            SentimentScore = t.SentimentScore,
            PreviousComments = t.PreviousComments,
            Model = "test-model 1",
            BuiltAt = BuiltAt,
        }).ToList();
        var terms = topics.SelectMany(t => Terms(t).Select((term, i) => new TopicTermRow
        {
            Date = day, TopicId = t.Id, Rank = i + 1, Term = term, Weight = 0.5 / (i + 1),
        })).ToList();
        var assignments = topics.SelectMany(t => Enumerable.Range(0, (int)t.Comments).Select(i => new CommentTopicRow
        {
            Date = day, CommentId = $"{date:yyyyMMdd}-{t.Id}-{i}", VideoId = VideoOf(t, i), TopicId = t.Id, Weight = 0.9,
        })).ToList();
        var videos = assignments.GroupBy(a => (a.VideoId, a.TopicId)).Select(g => new VideoTopicRow
        {
            Date = day, VideoId = g.Key.VideoId, TopicId = g.Key.TopicId, Comments = g.Count(), SentimentScore = 10, MeanScore = 0.05,
        }).ToList();

        await WriteAsync(processed, TopicFiles.PathOf(date, TopicFiles.Topics), rows);
        await WriteAsync(processed, TopicFiles.PathOf(date, TopicFiles.Terms), terms);
        await WriteAsync(processed, TopicFiles.PathOf(date, TopicFiles.CommentTopics), assignments);
        await WriteAsync(processed, TopicFiles.PathOf(date, TopicFiles.VideoTopics), videos);
    }

    /// <summary>Video topic rows of a day as <see cref="WriteDayAsync"/> writes them: each topic with comments on two videos.</summary>
    public static long VideoTopicRows(IReadOnlyList<PlantedTopic> topics) => topics.Sum(t => Math.Min(2, t.Comments));

    public static async Task DeleteDayAsync(IBlobStore processed, DateOnly date)
    {
        foreach (var file in new[] { TopicFiles.Topics, TopicFiles.Terms, TopicFiles.CommentTopics, TopicFiles.VideoTopics })
        {
            Assert.True(await processed.DeleteAsync(TopicFiles.PathOf(date, file)));
        }
    }

    private static string[] Terms(PlantedTopic topic) => [topic.Id + "-a", topic.Id + "-b", topic.Id + "-c"];

    private static string VideoOf(PlantedTopic topic, int comment) => $"video-{topic.Id}-{comment % 2}";

    private static async Task WriteAsync<TRow>(IBlobStore processed, string path, IReadOnlyList<TRow> rows)
        where TRow : class, new() =>
        await processed.WriteAsync(path, await new ParquetFormat<TRow>().EncodeAsync(rows, default));
}
