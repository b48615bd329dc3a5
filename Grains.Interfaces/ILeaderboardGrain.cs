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
}
