namespace Insights.Sentiment;

/// <summary>
/// How one text was scored. <see cref="Score"/> is a compound valence in [-1, 1]; the three probabilities sum to 1.
/// <see cref="Analyzer"/> names the analyzer and its version, so every stored score says where it came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.SentimentResult")]
public sealed record SentimentResult(
    [property: Id(0)] SentimentLabel Label,
    [property: Id(1)] double Score,
    [property: Id(2)] double Positive,
    [property: Id(3)] double Neutral,
    [property: Id(4)] double Negative,
    [property: Id(5)] string Analyzer);
