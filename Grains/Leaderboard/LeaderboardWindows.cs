namespace Insights.Grains.Leaderboard;

using Insights.Leaderboard;
using Insights.Stats;

/// <summary>The spans of the leaderboard's windows, and which of a video's figures still fall inside one.</summary>
public static class LeaderboardWindows
{
    public static TimeSpan Span(string window) => window switch
    {
        WindowNames.FiveMinutes => TimeSpan.FromMinutes(5),
        WindowNames.OneHour => TimeSpan.FromHours(1),
        WindowNames.OneDay => TimeSpan.FromDays(1),
        _ => throw new ArgumentException($"unknown window '{window}'", nameof(window)),
    };

    /// <summary>
    /// The video's figures of the window, or null when it has been quiet for longer than the window: a summary is as
    /// of its last report, so its windows may hold events that have left them since.
    /// </summary>
    public static WindowStats? Active(VideoSummary video, string window, DateTimeOffset now) =>
        video.LastEventTime is { } last && last >= now - Span(window) && video.Windows.TryGetValue(window, out var stats) ? stats : null;

    /// <summary>For people: "last 5 min", "last hour", "last 24 hours".</summary>
    public static string Label(string window) => window switch
    {
        WindowNames.FiveMinutes => "last 5 min",
        WindowNames.OneHour => "last hour",
        _ => "last 24 hours",
    };
}
