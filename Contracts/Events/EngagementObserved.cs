namespace Insights.Events;

/// <summary>
/// Cumulative counters of a video as a poller saw them at <see cref="ObservedAt"/>.
/// Counters only grow at the source, so a repeated or older observation carries no news.
/// </summary>
public sealed record EngagementObserved : VideoStreamEvent
{
    public DateTimeOffset ObservedAt { get; init; }
    public long ViewCount { get; init; }
    public long LikeCount { get; init; }
    public long ShareCount { get; init; }

    public override DateTimeOffset EventTime => ObservedAt;
}
