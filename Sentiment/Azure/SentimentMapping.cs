namespace Insights.Sentiment.Azure;

/// <summary>
/// Turns one document's answer (<c>sentiment</c> and <c>confidenceScores</c>) into a <see cref="SentimentResult"/>:
/// <list type="bullet">
/// <item>probabilities: the three confidence scores divided by their sum, so they sum to 1 (the service rounds
/// them to two decimals);</item>
/// <item>compound score: positive - negative of those probabilities, in [-1, 1];</item>
/// <item>label: <c>positive</c>, <c>neutral</c> and <c>negative</c> as stated; <c>mixed</c> (both strongly
/// present) becomes the label of the larger of the positive and negative confidences, and neutral when they
/// are equal, so the label always agrees with the sign of the compound score.</item>
/// </list>
/// An unknown sentiment or unusable scores (negative, not finite, all zero) make the document an error.
/// </summary>
internal static class SentimentMapping
{
    public static bool TryMap(string? sentiment, double positive, double neutral, double negative, string analyzer, out SentimentResult result)
    {
        result = null!;
        if (!double.IsFinite(positive) || !double.IsFinite(neutral) || !double.IsFinite(negative)
            || positive < 0 || neutral < 0 || negative < 0)
        {
            return false;
        }

        var sum = positive + neutral + negative;
        if (sum <= 0)
        {
            return false;
        }

        positive /= sum;
        neutral /= sum;
        negative /= sum;
        SentimentLabel label;
        switch (sentiment)
        {
            case "positive":
                label = SentimentLabel.Positive;
                break;
            case "neutral":
                label = SentimentLabel.Neutral;
                break;
            case "negative":
                label = SentimentLabel.Negative;
                break;
            case "mixed":
                label = positive > negative ? SentimentLabel.Positive : negative > positive ? SentimentLabel.Negative : SentimentLabel.Neutral;
                break;
            default:
                return false;
        }

        result = new SentimentResult(label, positive - negative, positive, neutral, negative, analyzer);
        return true;
    }
}
