namespace Insights.Grains.Leaderboard;

/// <summary>Bound from configuration section <c>Insights:Leaderboard</c>.</summary>
public sealed class LeaderboardOptions
{
    public const string SectionName = "Insights:Leaderboard";

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Comments a video needs inside the window to be ranked by sentiment, so one lucky comment does not top the
    /// board with a perfect score.
    /// </summary>
    public int MinCommentsForSentiment { get; set; } = 5;

    public int MaxLimit { get; set; } = 100;
}
