namespace Insights.Topics.Building;

using Insights.Lake.Records;

/// <summary>
/// Sums over a set of processed comments from which a topic's sentiment figures come, defined as everywhere else:
/// mean compound score, and (mean positive probability - mean negative probability) x 100, rounded alike.
/// </summary>
public sealed class SentimentSums
{
    public long Comments => Positive + Neutral + Negative;

    public long Positive { get; private set; }

    public long Neutral { get; private set; }

    public long Negative { get; private set; }

    private double _score;
    private double _positiveProbability;
    private double _negativeProbability;

    public void Add(CommentRow comment)
    {
        switch (comment.SentimentLabel)
        {
            case "positive": Positive++; break;
            case "negative": Negative++; break;
            default: Neutral++; break;
        }

        _score += comment.SentimentScore;
        _positiveProbability += comment.ProbabilityPositive;
        _negativeProbability += comment.ProbabilityNegative;
    }

    public double MeanScore => Comments == 0 ? 0 : Math.Round(_score / Comments, 4);

    public double SentimentScore => Comments == 0 ? 0 : Math.Round((_positiveProbability - _negativeProbability) / Comments * 100, 2);
}
