namespace Insights.Topics.Evaluation;

/// <summary>
/// How well clusters recover known classes. <see cref="Purity"/>: the share of items in their cluster's most common
/// class (1 is perfect; it does not punish splitting a class over clusters). <see cref="NormalizedMutualInformation"/>:
/// I(classes; clusters) / ((H(classes) + H(clusters)) / 2), the arithmetic-mean normalization, which does punish
/// splitting and merging (1 is perfect, 0 independent).
/// </summary>
public sealed class ClusteringQuality
{
    private readonly Dictionary<(string Class, int Cluster), long> _joint = [];
    private readonly Dictionary<string, long> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _clusters = [];

    public long Items { get; private set; }

    public void Add(string @class, int cluster)
    {
        _joint[(@class, cluster)] = _joint.GetValueOrDefault((@class, cluster)) + 1;
        _classes[@class] = _classes.GetValueOrDefault(@class) + 1;
        _clusters[cluster] = _clusters.GetValueOrDefault(cluster) + 1;
        Items++;
    }

    public double Purity =>
        Items == 0 ? 0 : _joint.GroupBy(p => p.Key.Cluster).Sum(g => g.Max(p => p.Value)) / (double)Items;

    public double NormalizedMutualInformation
    {
        get
        {
            if (Items == 0)
            {
                return 0;
            }

            var n = (double)Items;
            var mutual = _joint.Sum(p => p.Value / n * Math.Log(p.Value * n / (_classes[p.Key.Class] * (double)_clusters[p.Key.Cluster])));
            var hClasses = Entropy(_classes.Values, n);
            var hClusters = Entropy(_clusters.Values, n);
            // One class in one cluster: nothing to explain, and nothing got mixed up.
            return hClasses + hClusters == 0 ? 1 : Math.Clamp(mutual / ((hClasses + hClusters) / 2), 0, 1);
        }
    }

    /// <summary>Each cluster's most common class and the share of the cluster it makes up.</summary>
    public IReadOnlyDictionary<int, (string Class, double Share)> Majorities =>
        _joint.GroupBy(p => p.Key.Cluster).ToDictionary(
            g => g.Key,
            g =>
            {
                var top = g.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Class, StringComparer.Ordinal).First();
                return (top.Key.Class, top.Value / (double)_clusters[g.Key]);
            });

    private static double Entropy(IEnumerable<long> counts, double n) => -counts.Sum(c => c / n * Math.Log(c / n));
}
