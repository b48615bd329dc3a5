namespace Insights.Sentiment;

/// <summary>
/// How one text was scored. <see cref="Score"/> is a compound valence in [-1, 1]; the three probabilities sum to 1.
/// <see cref="Analyzer"/> names the analyzer and its version, so every stored score says where it came from.
/// </summary>
public sealed record SentimentResult(
    SentimentLabel Label,
    double Score,
    double Positive,
    double Neutral,
    double Negative,
    string Analyzer);
