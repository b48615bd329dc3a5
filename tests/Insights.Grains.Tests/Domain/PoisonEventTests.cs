namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using static TestEvents;

/// <summary>
/// Events the API would never let through (a producer writing to the stream directly, a message from another
/// version) must fail where the video grain's per-event guard quarantines them, before they change anything.
/// </summary>
public class PoisonEventTests
{
    private static VideoAggregate NewAggregate() => new("v1", new VideoState(), new VideoOptions());

    [Fact]
    public void A_comment_without_id_text_or_username_fails_before_it_is_claimed()
    {
        var video = NewAggregate();
        var comment = Comment("c1", T0);

        Assert.Throws<ArgumentNullException>(() => video.TryClaim(comment with { Text = null! }));
        Assert.Throws<ArgumentNullException>(() => video.TryClaim(comment with { Username = null! }));
        Assert.Throws<ArgumentNullException>(() => video.TryClaim(comment with { CommentId = null! }));

        Assert.False(video.Exists);
        Assert.True(video.TryClaim(comment), "the poison claimed the id of the good comment");
    }

    [Fact]
    public void A_video_without_username_or_hashtag_list_fails_before_it_is_applied()
    {
        var video = NewAggregate();
        var published = new Insights.Events.VideoPublished { VideoId = "v1", Username = "ana", CreateTime = T0, HashtagNames = ["fyp"] };

        Assert.Throws<ArgumentNullException>(() => video.ApplyVideo(published with { Username = null! }));
        Assert.Throws<ArgumentNullException>(() => video.ApplyVideo(published with { HashtagNames = null! }));

        Assert.False(video.Exists);
        Assert.Null(video.Video);
    }
}
