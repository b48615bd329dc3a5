namespace Insights.Grains.Tests.Domain;

using Insights.Events;
using Insights.Grains.Domain;
using Insights.Leaderboard;
using static TestEvents;

/// <summary>What a video tells the leaderboard about itself: enough for a person to know it, and its hashtags.</summary>
public class VideoSummaryTests
{
    private static VideoPublished Published(string description) => new()
    {
        VideoId = "v1",
        Username = "chef_ana",
        CreateTime = T0.AddMinutes(-3),
        VideoDescription = description,
        HashtagNames = ["cooking", "fyp"],
        IngestedAt = T0,
    };

    [Fact]
    public void Carries_the_creator_description_hashtags_and_publication_time()
    {
        var video = new VideoAggregate("v1", new VideoState(), new VideoOptions());
        video.ApplyVideo(Published("Pasta in 5 minutes #cooking #fyp"));
        var comment = Comment("c1", T0, "saving this #yum #yum #dinner");
        Assert.True(video.TryClaim(comment));
        video.ApplyComment(comment, Positive(), T0);

        var summary = video.ToSummary(T0);

        Assert.Equal(("chef_ana", "Pasta in 5 minutes #cooking #fyp"), (summary.Username, summary.Description));
        Assert.Equal(["cooking", "fyp"], summary.Hashtags);
        Assert.Equal(T0.AddMinutes(-3), summary.PublishedAt);
        Assert.Equal(2, summary.CommentHashtags.Single(t => t.Term == "yum").Count);
        Assert.Contains(summary.CommentHashtags, t => t.Term == "dinner");
    }

    [Fact]
    public void A_long_description_is_cut_without_splitting_a_character()
    {
        var video = new VideoAggregate("v1", new VideoState(), new VideoOptions());
        var emoji = "🔥";
        var description = new string('a', VideoSummary.MaxDescriptionLength - 2) + emoji + new string('b', 100);
        video.ApplyVideo(Published(description));

        var cut = video.ToSummary(T0).Description!;

        Assert.True(cut.Length <= VideoSummary.MaxDescriptionLength, cut.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(cut[^2]), "half an emoji was left before the ellipsis");
        Assert.StartsWith(new string('a', VideoSummary.MaxDescriptionLength - 2), cut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_without_its_publication_event_has_no_description_or_hashtags()
    {
        var video = new VideoAggregate("v1", new VideoState(), new VideoOptions());
        video.ApplyEngagement(Engagement(T0, 100, 10, 1), T0);

        var summary = video.ToSummary(T0);

        Assert.Null(summary.Description);
        Assert.Empty(summary.Hashtags);
        Assert.Null(summary.PublishedAt);
    }
}
