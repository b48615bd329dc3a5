namespace Insights.Grains.Domain;

using System.Runtime.InteropServices;
using Insights.Sentiment;

/// <summary>
/// What happened to a video during one bucket of event time, in 48 bytes (a <see cref="WindowBucket"/> took 88): counts
/// as 32-bit integers, which saturate rather than wrap (a bucket is at most 15 minutes of one video: no count comes
/// near 4 billion; engagement growth is what the counters rose by between observations), and of the sentiment sums
/// only the two that figures are derived from (<see cref="SentimentTally.ToSummary"/> uses the probabilities only
/// as positive minus negative).
/// </summary>
[GenerateSerializer]
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct PackedWindowBucket
{
    /// <summary>Bucket number: event time in ticks divided by the bucket width.</summary>
    [Id(0)] public long Index;
    [Id(1)] public double ScoreSum;
    /// <summary>Sum over comments of the positive minus the negative probability.</summary>
    [Id(2)] public double NetProbabilitySum;
    [Id(3)] public uint Positive;
    [Id(4)] public uint Neutral;
    [Id(5)] public uint Negative;
    [Id(6)] public uint Views;
    [Id(7)] public uint Likes;
    [Id(8)] public uint Shares;

    public readonly long Comments => (long)Positive + Neutral + Negative;

    public void AddComment(SentimentResult result)
    {
        switch (result.Label)
        {
            case SentimentLabel.Positive: Positive = Saturating(Positive, 1); break;
            case SentimentLabel.Negative: Negative = Saturating(Negative, 1); break;
            default: Neutral = Saturating(Neutral, 1); break;
        }

        ScoreSum += result.Score;
        NetProbabilitySum += result.Positive - result.Negative;
    }

    public void AddEngagement(long views, long likes, long shares)
    {
        Views = Saturating(Views, views);
        Likes = Saturating(Likes, likes);
        Shares = Saturating(Shares, shares);
    }

    /// <summary>The sentiment as a tally whose figures are this bucket's.</summary>
    public readonly SentimentTally Sentiment => new()
    {
        Positive = Positive,
        Neutral = Neutral,
        Negative = Negative,
        ScoreSum = ScoreSum,
        PositiveProbabilitySum = NetProbabilitySum,
    };

    /// <summary>A bucket of the layout before packing.</summary>
    public static PackedWindowBucket From(in WindowBucket old)
    {
        var bucket = new PackedWindowBucket
        {
            Index = old.Index,
            ScoreSum = old.Sentiment.ScoreSum,
            NetProbabilitySum = old.Sentiment.PositiveProbabilitySum - old.Sentiment.NegativeProbabilitySum,
            Positive = Saturating(0, old.Sentiment.Positive),
            // Comments counted without a sentiment (none are, but the layout allowed it) stay counted, as neutral.
            Neutral = Saturating(0, old.Sentiment.Neutral + Math.Max(0, old.Comments - old.Sentiment.Count)),
            Negative = Saturating(0, old.Sentiment.Negative),
        };
        bucket.AddEngagement(old.Views, old.Likes, old.Shares);
        return bucket;
    }

    private static uint Saturating(uint value, long increment) =>
        (uint)Math.Clamp(value + increment, 0, uint.MaxValue);
}
