namespace Insights.Grains.Leaderboard;

using Insights.Leaderboard;
using Insights.Stats;

/// <summary>Ranks video summaries by one metric inside one window, by the rule of <see cref="LeaderboardRules"/>.</summary>
public static class LeaderboardRanking
{
    public static IReadOnlyList<LeaderboardEntry> Rank(
        IEnumerable<VideoSummary> videos, LeaderboardMetric by, string window, int limit, DateTimeOffset now, LeaderboardOptions options)
    {
        limit = Math.Clamp(limit, 1, options.MaxLimit);
        var active = ActiveIn(videos, window, now);
        var rules = LeaderboardRules.For(by, window, options, active.Select(a => a.Stats).ToList());

        var candidates = new List<(VideoSummary Video, WindowStats Stats, double Value)>();
        foreach (var (video, stats) in active)
        {
            if (rules.Score(stats) is { } value)
            {
                candidates.Add((video, stats, value));
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
                Description = c.Video.Description,
                Hashtags = c.Video.Hashtags,
                Views = c.Stats.Views,
            })
            .ToList();
    }

    /// <summary>The rule <see cref="Rank"/> applies now, with the mean of the videos active in the window.</summary>
    public static RankingRule Rule(IEnumerable<VideoSummary> videos, LeaderboardMetric by, string window, DateTimeOffset now, LeaderboardOptions options) =>
        LeaderboardRules.For(by, window, options, ActiveIn(videos, window, now).Select(a => a.Stats).ToList()).Rule;

    private static List<(VideoSummary Video, WindowStats Stats)> ActiveIn(IEnumerable<VideoSummary> videos, string window, DateTimeOffset now)
    {
        _ = LeaderboardWindows.Span(window); // an unknown window fails here, whatever the videos
        var active = new List<(VideoSummary, WindowStats)>();
        foreach (var video in videos)
        {
            if (LeaderboardWindows.Active(video, window, now) is { } stats)
            {
                active.Add((video, stats));
            }
        }

        return active;
    }
}
