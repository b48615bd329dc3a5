namespace Insights.Grains.Leaderboard;

using Insights.Leaderboard;
using Insights.Stats;

/// <summary>Sums the summaries the leaderboard holds into <see cref="OverviewStats"/>.</summary>
public static class LeaderboardOverview
{
    public static OverviewStats Compute(IEnumerable<VideoSummary> videos, DateTimeOffset now)
    {
        int count = 0;
        long views = 0, likes = 0, shares = 0, comments = 0;
        var windows = WindowNames.All.ToDictionary(w => w, _ => 0L, StringComparer.Ordinal);
        foreach (var video in videos)
        {
            count++;
            views += video.Totals.Views;
            likes += video.Totals.Likes;
            shares += video.Totals.Shares;
            comments += video.Totals.Comments;
            foreach (var name in WindowNames.All)
            {
                // As in the ranking: a video quiet for longer than a window has nothing in it any more.
                if (LeaderboardWindows.Active(video, name, now) is { } window)
                {
                    windows[name] += window.Comments;
                }
            }
        }

        return new OverviewStats
        {
            Videos = count,
            Totals = new Totals { Views = views, Likes = likes, Shares = shares, Comments = comments },
            WindowComments = windows,
            AsOf = now,
        };
    }
}
