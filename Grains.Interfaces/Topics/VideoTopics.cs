namespace Insights.Topics;

/// <summary>
/// The topics of one video's comments on one day, most comments first. <see cref="TopicStats.Comments"/> and its
/// sentiment count this video's comments only; <see cref="TopicStats.Change"/> and <see cref="TopicStats.Videos"/> are the day's.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.VideoTopics")]
public sealed record VideoTopics
{
    [Id(0)] public string VideoId { get; init; } = "";
    [Id(1)] public DateOnly Date { get; init; }
    [Id(2)] public DateTimeOffset? BuiltAt { get; init; }
    /// <summary>The video's comments in the build.</summary>
    [Id(3)] public long Comments { get; init; }
    [Id(4)] public IReadOnlyList<TopicStats> Topics { get; init; } = [];
}
