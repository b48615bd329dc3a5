namespace Insights.Leaderboard;

[GenerateSerializer, Immutable, Alias("insights.LeaderboardEntry")]
public sealed record LeaderboardEntry
{
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public string VideoId { get; init; } = "";
    [Id(2)] public string? Username { get; init; }
    /// <summary>
    /// The figure ranked on: comment count in the window, or engagement rate and sentiment score in the window
    /// shrunk toward the mean of every video in it (<see cref="RankingRule"/>).
    /// </summary>
    [Id(3)] public double Value { get; init; }
    [Id(4)] public long Comments { get; init; }
    /// <summary>The window's engagement rate as measured, before shrinking.</summary>
    [Id(5)] public double EngagementRate { get; init; }
    /// <summary>The window's sentiment score as measured, before shrinking.</summary>
    [Id(6)] public double SentimentScore { get; init; }
    [Id(7)] public DateTimeOffset? LastEventTime { get; init; }

    // 10-19: what identifies the video to a person, and the views behind the engagement figure.

    /// <summary>The video's description (cut to <see cref="VideoSummary.MaxDescriptionLength"/> characters).</summary>
    [Id(10)] public string? Description { get; init; }
    /// <summary>The video's own hashtags, as published.</summary>
    [Id(11)] public IReadOnlyList<string> Hashtags { get; init; } = [];
    /// <summary>Views gained inside the window.</summary>
    [Id(12)] public long Views { get; init; }
}
