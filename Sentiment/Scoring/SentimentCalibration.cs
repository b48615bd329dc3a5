namespace Insights.Sentiment.Scoring;

/// <summary>
/// Turns the raw valence sum into the published numbers, with every constant in one place: the compound score
/// (a smooth squashing into [-1, 1]), the label thresholds, and the class probabilities.
/// <para>
/// Probabilities are a softmax over three logits that depend on the compound c only:
/// positive κ·(c − t₊), neutral 0, negative κ·(t₋ − c). They are smooth, P(positive) rises and P(negative)
/// falls monotonically with c, and the largest one is always the label, because a logit crosses zero exactly
/// at its threshold. The thresholds were calibrated for macro-F1 on the development files
/// (shared/data/sentiment), and κ for their log-loss.
/// </para>
/// </summary>
internal static class SentimentCalibration
{
    /// <summary>compound = x / sqrt(x² + α): a sum of ±α^½ maps to ±0.71.</summary>
    public const double Alpha = 10.0;

    /// <summary>
    /// Compound at or above which a text is positive: a raw sum of about +1.8, so one clearly positive word
    /// ("good", "cool", 🔥) is enough but one mild word ("ok", "lol") is not. Casual mild praise is common in
    /// neutral text; on the development files any value from 0.46 to 0.53 gives the same labels.
    /// </summary>
    public const double PositiveThreshold = 0.49;

    /// <summary>
    /// Compound at or below which a text is negative: a raw sum of about -1.0, so even a mild negative word
    /// ("weird", ":/") counts. Asymmetric on purpose: people rarely use negative words in passing.
    /// </summary>
    public const double NegativeThreshold = -0.30;

    /// <summary>κ: how fast the probabilities move away from the thresholds (fitted to the log-loss of the development files).</summary>
    public const double Sharpness = 3.0;

    /// <summary>
    /// The answer for text that is probably not English (see <see cref="LanguageCheck"/>). The result type has no
    /// field for "could not judge", so it is encoded as neutral with near-uniform probabilities and score 0:
    /// consumers can recognise it by a neutral probability below <see cref="NotJudgedNeutral"/> + 0.001.
    /// </summary>
    public const double NotJudgedNeutral = 0.36;
    public const double NotJudgedPolar = (1 - NotJudgedNeutral) / 2;

    public static double Compound(double sum) => sum / Math.Sqrt((sum * sum) + Alpha);

    public static SentimentLabel Label(double compound) => compound >= PositiveThreshold
        ? SentimentLabel.Positive
        : compound <= NegativeThreshold ? SentimentLabel.Negative : SentimentLabel.Neutral;

    public static (double Positive, double Neutral, double Negative) Probabilities(double compound)
    {
        var positive = Sharpness * (compound - PositiveThreshold);
        var negative = Sharpness * (NegativeThreshold - compound);

        // Softmax with the neutral logit fixed at 0, shifted by the largest logit for stability.
        var max = Math.Max(0, Math.Max(positive, negative));
        var ePositive = Math.Exp(positive - max);
        var eNeutral = Math.Exp(-max);
        var eNegative = Math.Exp(negative - max);
        var sum = ePositive + eNeutral + eNegative;
        return (ePositive / sum, eNeutral / sum, eNegative / sum);
    }
}
