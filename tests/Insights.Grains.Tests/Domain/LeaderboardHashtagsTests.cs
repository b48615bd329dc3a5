namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Leaderboard;
using Insights.Leaderboard;
using Insights.Stats;
using static TestEvents;

public class LeaderboardHashtagsTests
{
    private static VideoSummary Video(string id, string[] tags, long commentsToday, DateTimeOffset? last, DateTimeOffset? published = null, TermCount[]? inComments = null) => new()
    {
        VideoId = id,
        Hashtags = tags,
        CommentHashtags = inComments ?? [],
        LastEventTime = last,
        PublishedAt = published,
        Windows = new Dictionary<string, WindowStats> { [WindowNames.OneDay] = new() { Comments = commentsToday } },
    };

    [Fact]
    public void Video_hashtags_count_one_plus_the_videos_comments_today_and_comment_hashtags_add_theirs()
    {
        var videos = new[]
        {
            Video("a", ["fyp", "Cooking"], commentsToday: 9, last: T0.AddMinutes(-1), inComments: [new TermCount("cooking", 4), new TermCount("yum", 2)]),
            Video("b", ["#fyp", "dance"], commentsToday: 0, last: T0.AddHours(-3)),
        };

        var tags = LeaderboardHashtags.Trending(videos, WindowNames.OneDay, T0, 10);

        // fyp: 10 (a) + 1 (b); cooking: 10 + 4 in comments; dance: 1; yum: 2. Case and '#' do not split a tag.
        Assert.Equal(
            [new TermCount("cooking", 14), new TermCount("fyp", 11), new TermCount("yum", 2), new TermCount("dance", 1)],
            tags);
        Assert.Equal([new TermCount("cooking", 14)], LeaderboardHashtags.Trending(videos, WindowNames.OneDay, T0, 1));
    }

    [Fact]
    public void A_video_counts_as_soon_as_it_is_published_and_not_once_quiet_for_longer_than_the_window()
    {
        var videos = new[]
        {
            Video("just-published", ["new"], 0, last: null, published: T0.AddMinutes(-2)),
            Video("published-long-ago", ["old"], 0, last: null, published: T0.AddDays(-30)),
            Video("quiet", ["quiet"], 5, last: T0.AddDays(-2), published: T0.AddDays(-3)),
        };

        Assert.Equal([new TermCount("new", 1)], LeaderboardHashtags.Trending(videos, WindowNames.OneDay, T0, 10));
    }
}
