namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Leaderboard;
using Insights.Leaderboard;
using Insights.Stats;
using static TestEvents;

public class LeaderboardRankingTests
{
    private static VideoSummary Video(string id, long comments, double rate, double score, DateTimeOffset last) => new()
    {
        VideoId = id,
        LastEventTime = last,
        Windows = new Dictionary<string, WindowStats>
        {
            ["1h"] = new()
            {
                Comments = comments,
                Views = 100,
                EngagementRate = rate,
                Sentiment = new SentimentSummary { Positive = comments, Score = score },
            },
        },
    };

    [Fact]
    public void Ranks_by_the_chosen_metric_and_limits()
    {
        var videos = new[]
        {
            Video("a", 10, 0.1, 50, T0),
            Video("b", 30, 0.05, 10, T0),
            Video("c", 20, 0.3, 90, T0),
        };
        var options = new LeaderboardOptions();

        Assert.Equal(["b", "c"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Comments, "1h", 2, T0, options).Select(e => e.VideoId));
        Assert.Equal(["c", "a", "b"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Engagement, "1h", 10, T0, options).Select(e => e.VideoId));
        Assert.Equal(["c", "a", "b"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "1h", 10, T0, options).Select(e => e.VideoId));
        Assert.Equal([1, 2, 3], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "1h", 10, T0, options).Select(e => e.Rank));
    }

    [Fact]
    public void Leaves_out_videos_quiet_for_longer_than_the_window_and_thin_sentiment()
    {
        var videos = new[]
        {
            Video("quiet", 50, 0.5, 90, T0.AddHours(-2)),
            Video("thin", 2, 0.5, 100, T0),
            Video("ok", 6, 0.1, 20, T0),
        };

        Assert.Equal(["ok", "thin"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Comments, "1h", 10, T0, new()).Select(e => e.VideoId));
        Assert.Equal(["ok"], LeaderboardRanking.Rank(videos, LeaderboardMetric.Sentiment, "1h", 10, T0, new()).Select(e => e.VideoId));
    }
}
