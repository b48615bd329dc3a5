namespace Insights.Events;

/// <summary>
/// Cumulative counters of a video as a poller saw them at <see cref="ObservedAt"/>.
/// Counters only grow at the source, so a repeated or older observation carries no news.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.EngagementObserved")]
public sealed record EngagementObserved : VideoStreamEvent
{
    [Id(0)] public DateTimeOffset ObservedAt { get; init; }
    [Id(1)] public long ViewCount { get; init; }
    [Id(2)] public long LikeCount { get; init; }
    [Id(3)] public long ShareCount { get; init; }

    public override DateTimeOffset EventTime => ObservedAt;
}
