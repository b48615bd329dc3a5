namespace Insights.Grains.Leaderboard;

using Insights.Leaderboard;
using Insights.Stats;

/// <summary>
/// Trending hashtags from the summaries the leaderboard holds, so they show from a video's first report on: every
/// video active in the window (an event in it, or published in it) counts its own hashtags with weight
/// 1 + its comments in the window, and adds the hashtags used in its comments (their counts over the video's life).
/// </summary>
public static class LeaderboardHashtags
{
    public static IReadOnlyList<TermCount> Trending(IEnumerable<VideoSummary> videos, string window, DateTimeOffset now, int limit)
    {
        var since = now - LeaderboardWindows.Span(window);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var video in videos)
        {
            var inWindow = LeaderboardWindows.Active(video, window, now);
            if (inWindow is null && !(video.PublishedAt >= since && video.PublishedAt <= now))
            {
                continue;
            }

            var weight = 1 + (inWindow?.Comments ?? 0);
            foreach (var tag in video.Hashtags.Select(Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
            {
                counts[tag] = counts.GetValueOrDefault(tag) + weight;
            }

            foreach (var tag in video.CommentHashtags)
            {
                if (Normalize(tag.Term) is { Length: > 0 } term)
                {
                    counts[term] = counts.GetValueOrDefault(term) + tag.Count;
                }
            }
        }

        return counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(c => new TermCount(c.Key, c.Value))
            .ToList();
    }

    /// <summary>Comment hashtags are lower case without '#' (the term extractor's form); video hashtags come as published.</summary>
    private static string Normalize(string tag) => tag.TrimStart('#').Trim().ToLowerInvariant();
}
