namespace Insights.Dashboard.Tests;

using Insights.Grains.Leaderboard;
using Insights.Leaderboard;
using Insights.Stats;

public sealed class LeaderboardOverviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static VideoSummary Summary(string id, DateTimeOffset last, long comments5m, long comments1h) => new()
    {
        VideoId = id,
        LastEventTime = last,
        Totals = new Totals { Views = 100, Likes = 10, Shares = 1, Comments = comments1h + 3 },
        Windows = new Dictionary<string, WindowStats>
        {
            [WindowNames.FiveMinutes] = new() { Comments = comments5m },
            [WindowNames.OneHour] = new() { Comments = comments1h },
            [WindowNames.OneDay] = new() { Comments = comments1h },
        },
    };

    [Fact]
    public void Sums_totals_and_window_comments_of_every_video()
    {
        var overview = LeaderboardOverview.Compute(
            [Summary("a", Now.AddMinutes(-1), 4, 10), Summary("b", Now.AddMinutes(-30), 2, 5)], Now);

        Assert.Equal(2, overview.Videos);
        Assert.Equal(new Totals { Views = 200, Likes = 20, Shares = 2, Comments = 21 }, overview.Totals);
        Assert.Equal(4, overview.WindowComments[WindowNames.FiveMinutes]); // b is quiet for longer than 5 minutes
        Assert.Equal(15, overview.WindowComments[WindowNames.OneHour]);
        Assert.Equal(15, overview.WindowComments[WindowNames.OneDay]);
        Assert.Equal(Now, overview.AsOf);
    }

    [Fact]
    public void Is_zero_without_videos()
    {
        var overview = LeaderboardOverview.Compute([], Now);
        Assert.Equal(0, overview.Videos);
        Assert.Equal(new Totals(), overview.Totals);
        Assert.All(WindowNames.All, w => Assert.Equal(0, overview.WindowComments[w]));
    }
}
