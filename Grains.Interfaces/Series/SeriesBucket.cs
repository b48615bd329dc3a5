namespace Insights.Series;

using Insights.Stats;

/// <summary>
/// What happened to a video during one bucket of a series: comments received and their sentiment (by comment time),
/// growth of views, likes and shares observed in the bucket, and the bucket's engagement rate
/// (likes + comments + shares) / views of that growth, 0 without views.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.SeriesBucket")]
public sealed record SeriesBucket
{
    /// <summary>Start of the bucket (UTC); the bucket ends where the next one starts.</summary>
    [Id(0)] public DateTimeOffset Start { get; init; }
    [Id(1)] public long Comments { get; init; }
    [Id(2)] public long Views { get; init; }
    [Id(3)] public long Likes { get; init; }
    [Id(4)] public long Shares { get; init; }
    [Id(5)] public double EngagementRate { get; init; }
    [Id(6)] public SentimentSummary Sentiment { get; init; } = new();
}
