namespace Insights.Topics.Building;

using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;

/// <summary>
/// The topics zone (<see cref="TopicFiles"/>): writes a day's four files, replacing them whole, and reads them back.
/// <c>topics.parquet</c> is written last, so its <c>built_at</c> stands for a complete build.
/// </summary>
public sealed class TopicsLake(ILakeStore lake)
{
    private readonly IBlobStore _processed = lake.Zone(LakeZone.Processed);

    public async Task WriteAsync(
        DateOnly date, IReadOnlyList<TopicRow> topics, IReadOnlyList<TopicTermRow> terms,
        IReadOnlyList<CommentTopicRow> commentTopics, IReadOnlyList<VideoTopicRow> videoTopics, CancellationToken cancellationToken)
    {
        await WriteAsync(date, TopicFiles.Terms, terms, cancellationToken);
        await WriteAsync(date, TopicFiles.CommentTopics, commentTopics, cancellationToken);
        await WriteAsync(date, TopicFiles.VideoTopics, videoTopics, cancellationToken);
        await WriteAsync(date, TopicFiles.Topics, topics, cancellationToken);
    }

    /// <summary>The day's last build, or null when the day has none.</summary>
    public async Task<StoredDayTopics?> ReadDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var topics = await ReadAsync<TopicRow>(date, TopicFiles.Topics, cancellationToken);
        if (topics is null)
        {
            return null;
        }

        var terms = await ReadAsync<TopicTermRow>(date, TopicFiles.Terms, cancellationToken) ?? [];
        foreach (var topic in topics)
        {
            topic.Date = Utc(topic.Date);
            topic.BuiltAt = Utc(topic.BuiltAt);
        }

        return new StoredDayTopics(
            date,
            topics.OrderByDescending(t => t.Comments).ThenBy(t => t.TopicId, StringComparer.Ordinal).ToList(),
            terms.OrderBy(t => t.TopicId, StringComparer.Ordinal).ThenBy(t => t.Rank).ToList());
    }

    /// <summary>Every video's topics of the day (empty when the day has no build).</summary>
    public async Task<IReadOnlyList<VideoTopicRow>> ReadVideoTopicsAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (IReadOnlyList<VideoTopicRow>?)await ReadAsync<VideoTopicRow>(date, TopicFiles.VideoTopics, cancellationToken) ?? [];

    public async Task<IReadOnlyList<CommentTopicRow>> ReadCommentTopicsAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (IReadOnlyList<CommentTopicRow>?)await ReadAsync<CommentTopicRow>(date, TopicFiles.CommentTopics, cancellationToken) ?? [];

    public static DateTime Midnight(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private async Task WriteAsync<TRow>(DateOnly date, string file, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class, new() =>
        await _processed.WriteAsync(TopicFiles.PathOf(date, file), await new ParquetFormat<TRow>().EncodeAsync(rows, cancellationToken), cancellationToken);

    private async Task<List<TRow>?> ReadAsync<TRow>(DateOnly date, string file, CancellationToken cancellationToken)
        where TRow : class, new() =>
        await _processed.ReadAsync(TopicFiles.PathOf(date, file), cancellationToken) is { } bytes
            ? [.. await ParquetFormat<TRow>.ReadAsync(bytes, cancellationToken)]
            : null;

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
