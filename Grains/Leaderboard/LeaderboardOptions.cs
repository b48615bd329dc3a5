namespace Insights.Grains.Leaderboard;

/// <summary>
/// Bound from configuration section <c>Insights:Leaderboard</c>; checked at start by <see cref="LeaderboardOptionsValidator"/>.
/// The ranking rule (<see cref="LeaderboardRules"/>) takes its minimums and prior weights from here, per window
/// from <see cref="Windows"/> where set.
/// </summary>
public sealed class LeaderboardOptions
{
    public const string SectionName = "Insights:Leaderboard";

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxLimit { get; set; } = 100;

    /// <summary>
    /// Views a video must have gained inside the window to be ranked by engagement, so that 58 likes on 87 views do not
    /// top the board.
    /// </summary>
    public long MinViews { get; set; } = 100;

    /// <summary>
    /// Scored comments a video needs inside the window to be ranked by sentiment, so one lucky comment does not top the
    /// board with a perfect score.
    /// </summary>
    public long MinComments { get; set; } = 5;

    /// <summary>
    /// m of the engagement ranking's Bayesian average: views at the mean rate added to every video's own, so a small
    /// sample stays near the mean and a large one keeps its own rate. 0 ranks the raw rate.
    /// </summary>
    public double EngagementPriorViews { get; set; } = 1000;

    /// <summary>m of the sentiment ranking's Bayesian average, in comments at the mean score. 0 ranks the raw score.</summary>
    public double SentimentPriorComments { get; set; } = 20;

    /// <summary>Overrides of the four figures above for one window (<c>5m</c>, <c>1h</c>, <c>24h</c>): views and comments differ by orders of magnitude between them.</summary>
    public Dictionary<string, LeaderboardWindowOptions> Windows { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One window's overrides of <see cref="LeaderboardOptions"/>; what is not set is taken from there.</summary>
public sealed class LeaderboardWindowOptions
{
    public long? MinViews { get; set; }

    public long? MinComments { get; set; }

    public double? EngagementPriorViews { get; set; }

    public double? SentimentPriorComments { get; set; }
}
