namespace Insights.Lake.Zones;

using System.Globalization;

/// <summary>
/// Where a day's topics live in the processed zone: <c>topics/date=YYYY-MM-DD/</c> holds <c>topics.parquet</c>,
/// <c>topic_terms.parquet</c>, <c>comment_topics.parquet</c> and <c>video_topics.parquet</c>, each replaced whole by
/// every build of that day.
/// </summary>
public static class TopicFiles
{
    public const string Dataset = "topics";
    public const string Topics = "topics.parquet";
    public const string Terms = "topic_terms.parquet";
    public const string CommentTopics = "comment_topics.parquet";
    public const string VideoTopics = "video_topics.parquet";

    public static string DayPrefix(DateOnly date) =>
        $"{Dataset}/date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public static string PathOf(DateOnly date, string file) => DayPrefix(date) + file;
}
