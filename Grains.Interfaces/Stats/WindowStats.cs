namespace Insights.Stats;

/// <summary>
/// Figures of one rolling window by event time. Views, likes and shares are the growth of the
/// cumulative counters observed inside the window.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.WindowStats")]
public sealed record WindowStats
{
    [Id(0)] public DateTimeOffset From { get; init; }
    [Id(1)] public DateTimeOffset To { get; init; }
    [Id(2)] public long Comments { get; init; }
    [Id(3)] public long Views { get; init; }
    [Id(4)] public long Likes { get; init; }
    [Id(5)] public long Shares { get; init; }
    [Id(6)] public double EngagementRate { get; init; }
    [Id(7)] public SentimentSummary Sentiment { get; init; } = new();
}
