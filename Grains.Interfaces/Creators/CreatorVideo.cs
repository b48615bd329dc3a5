namespace Insights.Creators;

using Insights.Stats;

/// <summary>One of a creator's videos in its ranking, as of the video's last report.</summary>
[GenerateSerializer, Immutable, Alias("insights.CreatorVideo")]
public sealed record CreatorVideo
{
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public string VideoId { get; init; } = "";
    /// <summary>The video's description, cut to a bounded length.</summary>
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public DateTimeOffset CreateTime { get; init; }
    [Id(4)] public Totals Totals { get; init; } = new();
    [Id(5)] public double EngagementRate { get; init; }
    [Id(6)] public double SentimentScore { get; init; }
    [Id(7)] public DateTimeOffset? LastEventTime { get; init; }
}
