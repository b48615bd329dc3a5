namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using Insights.Sentiment;
using Insights.Stats;
using static TestEvents;

public class RecentCommentListTests
{
    private static RecentComment Recent(string id, DateTimeOffset at, string text = "nice", double score = 0.1234) => new()
    {
        CommentId = id, Username = "user_" + id, Text = text, CreateTime = at, Label = SentimentLabel.Positive, Score = score, Analyzer = "lexicon-1",
    };

    [Fact]
    public void Keeps_the_newest_by_creation_time_and_gives_back_exactly_what_it_was_given()
    {
        var list = new RecentCommentList(2);
        var text = "très bien 🔥 #fyp\nline two";
        list.Offer(Recent("1", T0, text, 0.6));
        list.Offer(Recent("3", T0.AddSeconds(2), score: -0.9876));
        list.Offer(Recent("2", T0.AddSeconds(1)));

        var items = TestSerialization.Copy(list).Items;
        Assert.Equal(["3", "2"], items.Select(c => c.CommentId));
        Assert.Equal(Recent("3", T0.AddSeconds(2), score: -0.9876), items[0]);

        list.Offer(Recent("9", T0.AddSeconds(9), text, 0.6));
        Assert.Equal(Recent("9", T0.AddSeconds(9), text, 0.6), list.Items[0]);
    }

    [Fact]
    public void Comments_written_in_the_old_layout_are_read_back()
    {
        var old = new LegacyRecentCommentList { Items = [Recent("2", T0.AddSeconds(1)), Recent("1", T0)], Capacity = 20 };
        var list = TestSerialization.Reread<LegacyRecentCommentList, RecentCommentList>(old);
        list.Configure(20);

        Assert.Equal(old.Items, list.Items);
    }
}
