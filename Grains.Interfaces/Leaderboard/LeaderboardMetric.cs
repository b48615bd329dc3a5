namespace Insights.Leaderboard;

[GenerateSerializer, Alias("insights.LeaderboardMetric")]
public enum LeaderboardMetric
{
    Engagement,
    Comments,
    Sentiment,
}
