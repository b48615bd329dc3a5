namespace Insights.Grains.Leaderboard;

using Insights.Leaderboard;
using Insights.Stats;

/// <summary>Ranks video summaries by one metric inside one window.</summary>
public static class LeaderboardRanking
{
    public static IReadOnlyList<LeaderboardEntry> Rank(
        IEnumerable<VideoSummary> videos, LeaderboardMetric by, string window, int limit, DateTimeOffset now, LeaderboardOptions options)
    {
        var span = window switch
        {
            WindowNames.FiveMinutes => TimeSpan.FromMinutes(5),
            WindowNames.OneHour => TimeSpan.FromHours(1),
            WindowNames.OneDay => TimeSpan.FromDays(1),
            _ => throw new ArgumentException($"unknown window '{window}'", nameof(window)),
        };
        limit = Math.Clamp(limit, 1, options.MaxLimit);
        var since = now - span;

        var candidates = new List<(VideoSummary Video, WindowStats Stats, double Value)>();
        foreach (var video in videos)
        {
            // A summary is as of its last report; a video quiet for longer than the window has nothing in it.
            if (video.LastEventTime is null || video.LastEventTime < since || !video.Windows.TryGetValue(window, out var stats))
            {
                continue;
            }

            double? value = by switch
            {
                LeaderboardMetric.Comments when stats.Comments > 0 => stats.Comments,
                LeaderboardMetric.Engagement when stats.Views > 0 => stats.EngagementRate,
                LeaderboardMetric.Sentiment when stats.Sentiment.Positive + stats.Sentiment.Neutral + stats.Sentiment.Negative >= options.MinCommentsForSentiment => stats.Sentiment.Score,
                _ => null,
            };
            if (value is { } v)
            {
                candidates.Add((video, stats, v));
            }
        }

        return candidates
            .OrderByDescending(c => c.Value)
            .ThenByDescending(c => c.Stats.Comments)
            .ThenBy(c => c.Video.VideoId, StringComparer.Ordinal)
            .Take(limit)
            .Select((c, i) => new LeaderboardEntry
            {
                Rank = i + 1,
                VideoId = c.Video.VideoId,
                Username = c.Video.Username,
                Value = c.Value,
                Comments = c.Stats.Comments,
                EngagementRate = c.Stats.EngagementRate,
                SentimentScore = c.Stats.Sentiment.Score,
                LastEventTime = c.Video.LastEventTime,
            })
            .ToList();
    }
}
