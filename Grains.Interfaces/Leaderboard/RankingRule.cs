namespace Insights.Leaderboard;

/// <summary>
/// Which videos a ranking admits and how it scores them, with the figures of the moment, so that a table can say
/// under it why its videos are there. Engagement and sentiment need a minimum sample in the window and are shrunk
/// toward the mean of every video in it (a Bayesian average): value = (n × x + m × mean) / (n + m), where n is the
/// video's sample (views for engagement, scored comments for sentiment), x its figure and m the prior weight.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.RankingRule")]
public sealed record RankingRule
{
    [Id(0)] public LeaderboardMetric Metric { get; init; }
    [Id(1)] public string Window { get; init; } = "";
    /// <summary>Views a video must have gained in the window to be ranked (engagement; 0 for the others).</summary>
    [Id(2)] public long MinViews { get; init; }
    /// <summary>Comments a video must have in the window to be ranked (scored comments for sentiment).</summary>
    [Id(3)] public long MinComments { get; init; }
    /// <summary>m: views (engagement) or comments (sentiment) of the mean added to every video's own; 0 ranks raw figures.</summary>
    [Id(4)] public double PriorWeight { get; init; }
    /// <summary>The mean shrunk toward, now: pooled over every video active in the window.</summary>
    [Id(5)] public double Prior { get; init; }
    /// <summary>The rule in one sentence, for people.</summary>
    [Id(6)] public string Description { get; init; } = "";
}
