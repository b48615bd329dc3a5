namespace Insights.Topics.Modeling;

/// <summary>
/// Names the clusters: each topic's terms ranked by how much more weight they have in its centroid than on average
/// over all centroids (so words every cluster shares do not name one). A word that mostly comes with a partner is
/// shown as the pair ("customer service", not "customer" and "service"), and a term whose words are all shown already
/// is left out (so is a misspelling of a shown word) and a pair half shown adds only its other word, so the top terms read as a set rather than the same
/// words three ways.
/// </summary>
internal static class TopicTerms
{
    /// <summary>A pair stands in for its word when it carries at least this share of the word's distinctive weight.</summary>
    private const double PairShare = 0.7;

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

        var pairsOf = PairsByWord(terms);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            index.TryAdd(terms[i], i);
        }

        var topics = new List<ModelTopic>(centroids.Length);
        for (var t = 0; t < centroids.Length; t++)
        {
            var centroid = centroids[t];
            var score = new double[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                score[i] = centroid[i] > 0 ? centroid[i] - mean[i] : 0;
            }

            var ranked = Enumerable.Range(0, terms.Length)
                .Where(i => score[i] > 0)
                .OrderByDescending(i => score[i]).ThenBy(i => terms[i], StringComparer.Ordinal);
            var chosen = new List<WeightedTerm>(termsPerTopic);
            var shown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var candidate in ranked)
            {
                if (chosen.Count == termsPerTopic)
                {
                    break;
                }

                var i = PairFor(candidate, terms, pairsOf, score) ?? candidate;
                var words = terms[i].Split(' ');
                var fresh = words.Where(w => !Shown(w, shown)).Distinct(StringComparer.Ordinal).ToArray();
                if (fresh.Length == 0)
                {
                    continue;
                }

                // A pair half shown already adds only its other word ("giveaway" shown: "entering giveaway" is "entering").
                if (fresh.Length < words.Length)
                {
                    if (fresh.Length != 1 || !index.TryGetValue(fresh[0], out i) || score[i] <= 0)
                    {
                        continue;
                    }

                    words = fresh;
                }

                chosen.Add(new WeightedTerm(terms[i], Math.Round(centroid[i], 6)));
                shown.UnionWith(words);
            }

            topics.Add(new ModelTopic(t, Label(chosen), chosen));
        }

        return topics;
    }

    /// <summary>
    /// Shown already, or a misspelling of a shown word (one letter dropped or added, or two neighbours swapped: "fel"
    /// after "fell"): comments repeat their typos often enough to reach the vocabulary, but a label should not. A
    /// changed letter does not count: it makes other words too often ("song" and "sing", "price" and "prize").
    /// </summary>
    private static bool Shown(string word, HashSet<string> shown) =>
        shown.Contains(word) || (word.Length >= 3 && shown.Any(s => s.Length >= 3 && OneEditApart(word, s)));

    internal static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }

    /// <summary>The strongest pair holding the single word <paramref name="i"/> if it nearly matches the word's own weight.</summary>
    private static int? PairFor(int i, string[] terms, Dictionary<string, List<int>> pairsOf, double[] score)
    {
        if (terms[i].Contains(' ', StringComparison.Ordinal) || !pairsOf.TryGetValue(terms[i], out var pairs))
        {
            return null;
        }

        var best = pairs.Where(p => score[p] >= PairShare * score[i])
            .OrderByDescending(p => score[p]).ThenBy(p => terms[p], StringComparer.Ordinal)
            .Select(p => (int?)p).FirstOrDefault();
        return best;
    }

    private static Dictionary<string, List<int>> PairsByWord(string[] terms)
    {
        var pairs = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            var words = terms[i].Split(' ');
            if (words.Length < 2)
            {
                continue;
            }

            foreach (var word in words.Distinct(StringComparer.Ordinal))
            {
                if (!pairs.TryGetValue(word, out var list))
                {
                    pairs[word] = list = [];
                }

                list.Add(i);
            }
        }

        return pairs;
    }

    /// <summary>Up to three of the top terms, leaving out one that repeats a word already in the label ("shipping · package", not "shipping · package shipping").</summary>
    internal static string Label(IReadOnlyList<WeightedTerm> terms)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<string>(3);
        foreach (var term in terms)
        {
            var termWords = term.Term.Split(' ');
            if (parts.Count == 3)
            {
                break;
            }

            if (!termWords.Any(words.Contains))
            {
                parts.Add(term.Term);
                words.UnionWith(termWords);
            }
        }

        return string.Join(" · ", parts);
    }
}
