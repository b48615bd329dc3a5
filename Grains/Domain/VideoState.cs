namespace Insights.Grains.Domain;

using Insights.Stats;

/// <summary>Everything a video grain persists. Mutated only through <see cref="VideoAggregate"/>.</summary>
[GenerateSerializer]
public sealed class VideoState
{
    [Id(0)] public VideoInfo? Video { get; set; }
    [Id(1)] public EngagementCounters Engagement;
    [Id(2)] public long Comments { get; set; }
    [Id(3)] public SentimentTally Sentiment;
    [Id(4)] public List<RollingWindow> Windows { get; set; } = [];
    [Id(5)] public RecentCommentList? Recent { get; set; }
    [Id(6)] public TermCounter? Terms { get; set; }
    [Id(7)] public TermCounter? Hashtags { get; set; }
    [Id(8)] public CommentIdSet? SeenComments { get; set; }
    [Id(9)] public long DuplicateComments { get; set; }
    [Id(10)] public long StaleObservations { get; set; }
    [Id(11)] public long LateEvents { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(13)] public DateTimeOffset? LastEventTime { get; set; }
    /// <summary>Grows with every change; lets the grain tell whether there is anything to flush or report.</summary>
    [Id(14)] public long Version { get; set; }
}
