namespace Insights.Leaderboard;

using Insights.Stats;

/// <summary>What a video grain tells the leaderboard about itself on each flush.</summary>
[GenerateSerializer, Immutable, Alias("insights.VideoSummary")]
public sealed record VideoSummary
{
    [Id(0)] public string VideoId { get; init; } = "";
    [Id(1)] public string? Username { get; init; }
    [Id(2)] public Totals Totals { get; init; } = new();
    [Id(3)] public double EngagementRate { get; init; }
    [Id(4)] public double SentimentScore { get; init; }
    [Id(5)] public DateTimeOffset? LastEventTime { get; init; }
    [Id(6)] public IReadOnlyDictionary<string, WindowStats> Windows { get; init; } = new Dictionary<string, WindowStats>();
    /// <summary>All-time sentiment tallies, which a creator's roll-up sums across its videos.</summary>
    [Id(20)] public SentimentSummary Sentiment { get; init; } = new();
}
