namespace Insights.Sentiment;

/// <summary>
/// How one text was scored. <see cref="Score"/> is a compound valence in [-1, 1]; the three probabilities sum to 1.
/// <see cref="Analyzer"/> names the analyzer and its version, so every stored score says where it came from.
/// <see cref="Language"/> is the comment's language as identified before scoring: an ISO 639-1 code, <c>other</c> for
/// a language the identifier does not know, <c>und</c> (undetermined) when there was nothing to tell or no identifier.
/// </summary>
public sealed record SentimentResult(
    SentimentLabel Label,
    double Score,
    double Positive,
    double Neutral,
    double Negative,
    string Analyzer,
    string Language = SentimentResult.Undetermined)
{
    /// <summary>ISO 639-2's code for "undetermined": no letters to tell by, or no language identification.</summary>
    public const string Undetermined = "und";
}
