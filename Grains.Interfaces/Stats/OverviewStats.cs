namespace Insights.Stats;

/// <summary>
/// Totals across every video the leaderboard holds (those with an event in the last 24 hours), for the dashboard.
/// Answer of the proposed <c>ILeaderboardGrain.Overview()</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.OverviewStats")]
public sealed record OverviewStats
{
    /// <summary>Videos summed over.</summary>
    [Id(0)] public int Videos { get; init; }
    /// <summary>Sum of the videos' all-time totals, as of their last report.</summary>
    [Id(1)] public Totals Totals { get; init; } = new();
    /// <summary>Comments of all those videos inside each window (5m, 1h, 24h), as of their last report.</summary>
    [Id(2)] public IReadOnlyDictionary<string, long> WindowComments { get; init; } = new Dictionary<string, long>();
    [Id(3)] public DateTimeOffset AsOf { get; init; }
}
