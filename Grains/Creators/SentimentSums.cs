namespace Insights.Grains.Creators;

using Insights.Stats;

/// <summary>
/// Adds up sentiment summaries of disjoint sets of comments: tallies add, and both scores, being means over scored
/// comments, combine weighted by each set's count.
/// </summary>
public struct SentimentSums
{
    private long _positive;
    private long _neutral;
    private long _negative;
    private double _meanScoreSum;
    private double _scoreSum;

    public void Add(SentimentSummary summary)
    {
        var n = summary.Positive + summary.Neutral + summary.Negative;
        _positive += summary.Positive;
        _neutral += summary.Neutral;
        _negative += summary.Negative;
        _meanScoreSum += summary.MeanScore * n;
        _scoreSum += summary.Score * n;
    }

    public readonly SentimentSummary ToSummary()
    {
        var n = _positive + _neutral + _negative;
        return new SentimentSummary
        {
            Positive = _positive,
            Neutral = _neutral,
            Negative = _negative,
            MeanScore = n == 0 ? 0 : Math.Round(_meanScoreSum / n, 4),
            Score = n == 0 ? 0 : Math.Round(_scoreSum / n, 2),
        };
    }
}
