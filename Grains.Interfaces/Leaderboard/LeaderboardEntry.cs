namespace Insights.Leaderboard;

[GenerateSerializer, Immutable, Alias("insights.LeaderboardEntry")]
public sealed record LeaderboardEntry
{
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public string VideoId { get; init; } = "";
    [Id(2)] public string? Username { get; init; }
    /// <summary>The figure ranked on: engagement rate, comment count or sentiment score in the window.</summary>
    [Id(3)] public double Value { get; init; }
    [Id(4)] public long Comments { get; init; }
    [Id(5)] public double EngagementRate { get; init; }
    [Id(6)] public double SentimentScore { get; init; }
    [Id(7)] public DateTimeOffset? LastEventTime { get; init; }
}
