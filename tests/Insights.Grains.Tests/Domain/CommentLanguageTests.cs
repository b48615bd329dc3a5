namespace Insights.Grains.Tests.Domain;

using System.Text;
using Insights.Grains.Domain;
using Insights.Grains.Videos;
using Insights.Sentiment;
using Insights.Stats;

/// <summary>The comment's language is kept in grain state, the API's recent comments and the lake rows; old state reads as undetermined.</summary>
public sealed class CommentLanguageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static SentimentResult Scored(string language) => new(SentimentLabel.Positive, 0.6, 0.8, 0.15, 0.05, "test", language);

    [Fact]
    public void The_sentiment_result_keeps_its_language_through_serialization()
    {
        var result = Scored("pt");

        Assert.Equal(result, TestSerialization.Copy(result));
    }

    [Fact]
    public void A_sentiment_result_written_before_languages_reads_as_undetermined()
    {
        var old = new LegacySentimentResultSurrogate(SentimentLabel.Negative, -0.5, 0.1, 0.2, 0.7, "lexicon/1");

        var surrogate = TestSerialization.Reread<LegacySentimentResultSurrogate, SentimentResultSurrogate>(old);
        var result = new SentimentResultSurrogateConverter().ConvertFromSurrogate(surrogate);

        Assert.Equal(new SentimentResult(SentimentLabel.Negative, -0.5, 0.1, 0.2, 0.7, "lexicon/1", SentimentResult.Undetermined), result);
    }

    [Fact]
    public void Recent_comments_report_each_comments_language_after_a_state_round_trip()
    {
        var video = new VideoAggregate("v1", new VideoState(), new VideoOptions());
        video.ApplyComment(TestEvents.Comment("c1", T0, "me encanta"), Scored("es"), T0);
        video.ApplyComment(TestEvents.Comment("c2", T0.AddSeconds(1), "Это видео"), Scored("other"), T0);
        video.ApplyComment(TestEvents.Comment("c3", T0.AddSeconds(2), "love it"), Scored("en"), T0);

        var list = TestSerialization.Copy(video.ToStats(T0).RecentComments.Aggregate(new RecentCommentList(10), (l, c) =>
        {
            l.Offer(c);
            return l;
        }));
        list.Configure(10);

        Assert.Equal(["en", "other", "es"], video.ToStats(T0).RecentComments.Select(c => c.Language));
        Assert.Equal(["en", "other", "es"], list.Items.Select(c => c.Language));
    }

    [Fact]
    public void Packed_recent_comments_written_before_languages_read_as_undetermined()
    {
        var old = new LegacyPackedRecentCommentList
        {
            Entries = [new LegacyRecentCommentEntry { CreateTicks = T0.UtcTicks, Utf8 = Encoding.UTF8.GetBytes("c1u1hello"), IdBytes = 2, UsernameBytes = 2, ScoreTenThousandths = 5000, Label = SentimentLabel.Positive, Analyzer = 0 }],
            Count = 1,
            Analyzers = ["lexicon/1"],
        };

        var list = TestSerialization.Reread<LegacyPackedRecentCommentList, RecentCommentList>(old);
        list.Configure(10);
        list.Offer(new RecentComment { CommentId = "c2", Username = "u2", Text = "hola", CreateTime = T0.AddSeconds(1), Analyzer = "lexicon/1", Language = "es" });

        Assert.Equal([("c2", "es"), ("c1", SentimentResult.Undetermined)], list.Items.Select(c => (c.CommentId, c.Language)));
        Assert.Equal("hello", list.Items[1].Text);
    }

    [Fact]
    public void The_processed_comment_row_carries_the_language()
    {
        var row = LakeRows.Comment(TestEvents.Comment("c1", T0, "que vídeo lindo"), Scored("pt"));

        Assert.Equal("pt", row.Language);
    }
}
