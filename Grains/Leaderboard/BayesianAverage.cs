namespace Insights.Grains.Leaderboard;

/// <summary>
/// Shrinks a figure measured on a small sample toward a prior mean: (n × x + m × prior) / (n + m). A video with a
/// sample n much larger than the prior weight m keeps about its own figure x; one with a small sample stays near the
/// prior, as if m more observations at the mean had been added to its own.
/// </summary>
public static class BayesianAverage
{
    /// <param name="total">n × x: the sum the figure is the mean of (interactions for a rate, the summed scores for a mean score).</param>
    /// <param name="sample">n, at least 0.</param>
    /// <param name="prior">The mean shrunk toward.</param>
    /// <param name="weight">m, at least 0; with <paramref name="sample"/> both 0 the answer is the prior.</param>
    public static double Of(double total, double sample, double prior, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        return sample + weight == 0 ? prior : (total + weight * prior) / (sample + weight);
    }

    /// <summary>The pooled mean of several samples: Σ totals / Σ samples, 0 when there is no sample at all.</summary>
    public static double PooledMean(IEnumerable<(double Total, double Sample)> samples)
    {
        double total = 0, sample = 0;
        foreach (var s in samples)
        {
            total += s.Total;
            sample += s.Sample;
        }

        return sample > 0 ? total / sample : 0;
    }
}
