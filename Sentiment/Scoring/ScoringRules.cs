namespace Insights.Sentiment.Scoring;

/// <summary>
/// The strengths of the grammar rules, in one place. Changing any of them changes scores: bump
/// <see cref="LexiconSentimentAnalyzer.AnalyzerName"/> when you do.
/// </summary>
internal static class ScoringRules
{
    /// <summary>A negator reaches the next sentiment word across at most this many plain words ("not a fun one", "don't think it's good").</summary>
    public const int NegationReach = 2;

    /// <summary>A negated positive word turns negative, weaker ("not good" is less than "bad").</summary>
    public const double NegatedPositive = -0.6;

    /// <summary>A negated negative word turns mildly positive ("not terrible" is far from "great").</summary>
    public const double NegatedNegative = -0.4;

    /// <summary>A booster reaches the next sentiment word across at most this many plain words ("such a good"); boosters chain ("so very good").</summary>
    public const int BoosterReach = 1;

    public const double MinBoost = 0.25;
    public const double MaxBoost = 2.0;

    /// <summary>A word in capitals, in a text that is not all capitals ("this is SO good").</summary>
    public const double CapsEmphasis = 1.25;

    /// <summary>"loooove": stretched letters add a little intensity.</summary>
    public const double ElongationEmphasis = 1.15;

    /// <summary>"but", "however": everything before counts less, everything after counts more.</summary>
    public const double ContrastBefore = 0.5;
    public const double ContrastAfter = 1.4;

    /// <summary>"though", "although": the conceded clause counts less; the main clause after a leading one counts more.</summary>
    public const double ConcededClause = 0.5;
    public const double MainClauseAfterConcession = 1.3;

    /// <summary>"if", "unless": the rest of the clause is hypothetical.</summary>
    public const double ConditionalClause = 0.5;

    /// <summary>A sentiment word inside a run of capitalised words is part of a name or title ("Star Wars", "Bad Blood").</summary>
    public const double InName = 0.3;

    /// <summary>Each "!" of a sentence strengthens it, up to <see cref="MaxExclamations"/>.</summary>
    public const double ExclamationStep = 0.1;
    public const int MaxExclamations = 4;

    /// <summary>A question states less than an assertion ("is it good?").</summary>
    public const double QuestionDampening = 0.6;

    /// <summary>Emphasis markers (fr, no cap, 😭) multiply a sentence, at most by this much.</summary>
    public const double MaxEmphasis = 1.6;

    /// <summary>An emoji right after itself ("😂😂😂"), or a sentiment word equal to the previous one ("fun, fun, fun"), adds less each time.</summary>
    public const double Repetition = 0.5;

    /// <summary>"NOOOO", "no!": a shouted negator with nothing to negate.</summary>
    public const double ExclaimedRefusal = -1.6;

    /// <summary>"im dead", "dead 💀": laughter.</summary>
    public const double DeadAsLaughter = 2.0;
}
