namespace Insights.Topics.Modeling;

/// <summary>
/// Names the clusters: each topic's terms ranked by how much more weight they have in its centroid than on average
/// over all centroids (so words every cluster shares do not name one), a word pair hiding its own words.
/// </summary>
internal static class TopicTerms
{
    public static IReadOnlyList<ModelTopic> Describe(float[][] centroids, string[] terms, int termsPerTopic)
    {
        var mean = new double[terms.Length];
        foreach (var centroid in centroids)
        {
            for (var i = 0; i < terms.Length; i++)
            {
                mean[i] += centroid[i] / centroids.Length;
            }
        }

        var topics = new List<ModelTopic>(centroids.Length);
        for (var t = 0; t < centroids.Length; t++)
        {
            var centroid = centroids[t];
            var ranked = Enumerable.Range(0, terms.Length)
                .Where(i => centroid[i] > 0 && centroid[i] > mean[i])
                .OrderByDescending(i => centroid[i] - mean[i]).ThenBy(i => terms[i], StringComparer.Ordinal);
            var chosen = new List<WeightedTerm>(termsPerTopic);
            foreach (var i in ranked)
            {
                if (chosen.Count == termsPerTopic)
                {
                    break;
                }

                if (!Redundant(terms[i], chosen))
                {
                    chosen.Add(new WeightedTerm(terms[i], Math.Round(centroid[i], 6)));
                }
            }

            topics.Add(new ModelTopic(t, string.Join(" · ", chosen.Take(3).Select(c => c.Term)), chosen));
        }

        return topics;
    }

    /// <summary>A word already inside a chosen pair, or a pair of words both already chosen, adds nothing.</summary>
    private static bool Redundant(string term, List<WeightedTerm> chosen)
    {
        var words = term.Split(' ');
        return words.Length == 1
            ? chosen.Any(c => c.Term.Split(' ').Contains(term, StringComparer.Ordinal))
            : words.All(w => chosen.Any(c => c.Term == w));
    }
}
