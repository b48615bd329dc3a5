namespace Insights.Stats;

/// <summary>
/// Sentiment of a set of comments. <see cref="Score"/> is TikTok comment insights' sentiment score:
/// (mean positive probability - mean negative probability) x 100, in [-100, 100].
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.SentimentSummary")]
public sealed record SentimentSummary
{
    [Id(0)] public long Positive { get; init; }
    [Id(1)] public long Neutral { get; init; }
    [Id(2)] public long Negative { get; init; }
    /// <summary>Mean compound score in [-1, 1].</summary>
    [Id(3)] public double MeanScore { get; init; }
    [Id(4)] public double Score { get; init; }
}
