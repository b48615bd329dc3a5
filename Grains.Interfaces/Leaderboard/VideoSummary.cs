namespace Insights.Leaderboard;

using Insights.Stats;

/// <summary>What a video grain tells the leaderboard about itself on each flush.</summary>
[GenerateSerializer, Immutable, Alias("insights.VideoSummary")]
public sealed record VideoSummary
{
    [Id(0)] public string VideoId { get; init; } = "";
    [Id(1)] public string? Username { get; init; }
    [Id(2)] public Totals Totals { get; init; } = new();
    [Id(3)] public double EngagementRate { get; init; }
    [Id(4)] public double SentimentScore { get; init; }
    [Id(5)] public DateTimeOffset? LastEventTime { get; init; }
    [Id(6)] public IReadOnlyDictionary<string, WindowStats> Windows { get; init; } = new Dictionary<string, WindowStats>();

    // 10-19: what identifies the video to a person, and its hashtags for the trending list.

    /// <summary>The video's description, cut to <see cref="MaxDescriptionLength"/> characters.</summary>
    [Id(10)] public string? Description { get; init; }
    /// <summary>The video's own hashtags, as published.</summary>
    [Id(11)] public IReadOnlyList<string> Hashtags { get; init; } = [];
    /// <summary>The most used hashtags in the video's comments, counted over its life.</summary>
    [Id(12)] public IReadOnlyList<TermCount> CommentHashtags { get; init; } = [];
    /// <summary>When the video was published; a video counts as active from then, before any comment or observation.</summary>
    [Id(13)] public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Longest description a summary carries: enough to recognise a video, bounded for the leaderboard's state.</summary>
    public const int MaxDescriptionLength = 160;

    /// <summary>All-time sentiment tallies, which a creator's roll-up sums across its videos.</summary>
    [Id(20)] public SentimentSummary Sentiment { get; init; } = new();
}
