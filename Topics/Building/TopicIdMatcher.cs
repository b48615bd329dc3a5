namespace Insights.Topics.Building;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Insights.Topics.Modeling;

/// <summary>
/// Gives a build's topics stable ids: each new topic takes the id of the earlier topic its terms resemble most
/// (cosine similarity of the term weights, greedy best pairs first, at least the threshold), the same day's previous
/// build before the day before; a topic that matches nothing gets a new id made from the day and its terms.
/// </summary>
public static class TopicIdMatcher
{
    public static IReadOnlyList<string> Assign(
        DateOnly date, IReadOnlyList<ModelTopic> topics, IReadOnlyList<KnownTopic> sameDay, IReadOnlyList<KnownTopic> dayBefore, double threshold)
    {
        var ids = new string?[topics.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var vectors = topics.Select(t => Vector(t.Terms)).ToList();
        foreach (var earlier in new[] { sameDay, dayBefore })
        {
            var pairs =
                from n in Enumerable.Range(0, topics.Count)
                from known in earlier
                let similarity = Cosine(vectors[n], known.Terms)
                where similarity >= threshold
                orderby similarity descending, n, known.Id
                select (n, known.Id);
            foreach (var (n, id) in pairs)
            {
                if (ids[n] is null && used.Add(id))
                {
                    ids[n] = id;
                }
            }
        }

        for (var n = 0; n < topics.Count; n++)
        {
            if (ids[n] is null)
            {
                var id = NewId(date, topics[n]);
                for (var suffix = 2; !used.Add(id); suffix++)
                {
                    id = NewId(date, topics[n]) + "-" + suffix.ToString(CultureInfo.InvariantCulture);
                }

                ids[n] = id;
            }
        }

        return ids!;
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        double dot = 0;
        foreach (var (term, weight) in a)
        {
            if (b.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }

        var norm = Math.Sqrt(a.Values.Sum(w => w * w)) * Math.Sqrt(b.Values.Sum(w => w * w));
        return norm == 0 ? 0 : dot / norm;
    }

    public static Dictionary<string, double> Vector(IEnumerable<WeightedTerm> terms)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            vector[term.Term] = vector.GetValueOrDefault(term.Term) + term.Weight;
        }

        return vector;
    }

    private static string NewId(DateOnly date, ModelTopic topic)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + string.Join(",", topic.Terms.Select(t => t.Term));
        return "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
