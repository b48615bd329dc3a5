namespace Insights;

using Insights.Leaderboard;
using Insights.Stats;
using Orleans.Concurrency;

/// <summary>
/// Keeps the latest summary of every active video so that top-N queries never scan video grains.
/// One per cluster (key <see cref="GlobalKey"/>).
/// </summary>
[Alias("insights.ILeaderboardGrain")]
public interface ILeaderboardGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    [OneWay, Alias("Report")]
    Task Report(VideoSummary summary);

    [ReadOnly, Alias("Top")]
    Task<IReadOnlyList<LeaderboardEntry>> Top(LeaderboardMetric by, string window, int limit);

    /// <summary>Totals across every video it holds (those with an event in the last day), as of their last reports.</summary>
    [ReadOnly, Alias("Overview")]
    Task<OverviewStats> Overview();

    /// <summary>How <see cref="Top"/> admits and scores videos for this metric and window, with the current mean.</summary>
    [ReadOnly, Alias("Rule")]
    Task<RankingRule> Rule(LeaderboardMetric by, string window);

    /// <summary>
    /// The hashtags of the videos active in the window, each weighted by 1 + the video's comments in the window, plus
    /// the hashtags used in their comments, most frequent first. Counts from a video's first report on.
    /// </summary>
    [ReadOnly, Alias("TrendingHashtags")]
    Task<IReadOnlyList<TermCount>> TrendingHashtags(string window, int limit);
}
