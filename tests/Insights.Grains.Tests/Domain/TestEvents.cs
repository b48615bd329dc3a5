namespace Insights.Grains.Tests.Domain;

using Insights.Events;
using Insights.Sentiment;

internal static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static CommentPosted Comment(string id, DateTimeOffset at, string text = "nice video", string video = "v1") =>
        new() { VideoId = video, CommentId = id, Text = text, CreateTime = at, IngestedAt = at, Username = "user_" + id };

    public static EngagementObserved Engagement(DateTimeOffset at, long views, long likes, long shares, string video = "v1") =>
        new() { VideoId = video, ObservedAt = at, ViewCount = views, LikeCount = likes, ShareCount = shares, IngestedAt = at };

    public static SentimentResult Positive(double p = 0.8, double n = 0.05) => new(SentimentLabel.Positive, 0.6, p, 1 - p - n, n, "test");

    public static SentimentResult Negative(double p = 0.1, double n = 0.7) => new(SentimentLabel.Negative, -0.5, p, 1 - p - n, n, "test");

    public static SentimentResult Neutral() => new(SentimentLabel.Neutral, 0, 0.2, 0.6, 0.2, "test");
}
