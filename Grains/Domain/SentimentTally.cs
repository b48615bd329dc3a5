namespace Insights.Grains.Domain;

using Insights.Sentiment;
using Insights.Stats;

/// <summary>Sums over scored comments from which every sentiment figure is derived.</summary>
[GenerateSerializer]
public struct SentimentTally
{
    [Id(0)] public long Positive;
    [Id(1)] public long Neutral;
    [Id(2)] public long Negative;
    [Id(3)] public double ScoreSum;
    [Id(4)] public double PositiveProbabilitySum;
    [Id(5)] public double NegativeProbabilitySum;

    public readonly long Count => Positive + Neutral + Negative;

    public void Add(SentimentResult result)
    {
        switch (result.Label)
        {
            case SentimentLabel.Positive: Positive++; break;
            case SentimentLabel.Negative: Negative++; break;
            default: Neutral++; break;
        }

        ScoreSum += result.Score;
        PositiveProbabilitySum += result.Positive;
        NegativeProbabilitySum += result.Negative;
    }

    public void Add(in SentimentTally other)
    {
        Positive += other.Positive;
        Neutral += other.Neutral;
        Negative += other.Negative;
        ScoreSum += other.ScoreSum;
        PositiveProbabilitySum += other.PositiveProbabilitySum;
        NegativeProbabilitySum += other.NegativeProbabilitySum;
    }

    public readonly SentimentSummary ToSummary()
    {
        var n = Count;
        return new SentimentSummary
        {
            Positive = Positive,
            Neutral = Neutral,
            Negative = Negative,
            MeanScore = n == 0 ? 0 : Math.Round(ScoreSum / n, 4),
            Score = n == 0 ? 0 : Math.Round((PositiveProbabilitySum - NegativeProbabilitySum) / n * 100, 2),
        };
    }
}
