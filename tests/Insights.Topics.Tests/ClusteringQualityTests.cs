namespace Insights.Topics.Tests;

using Insights.Topics.Evaluation;

/// <summary>Purity and NMI against examples worked out by hand.</summary>
public sealed class ClusteringQualityTests
{
    private static ClusteringQuality Of(params (string Class, int Cluster, int Count)[] cells)
    {
        var quality = new ClusteringQuality();
        foreach (var (@class, cluster, count) in cells)
        {
            for (var i = 0; i < count; i++)
            {
                quality.Add(@class, cluster);
            }
        }

        return quality;
    }

    [Fact]
    public void Textbook_example_of_three_clusters()
    {
        // Manning, Raghavan and Schütze, Introduction to Information Retrieval, fig. 16.4: 17 items, purity
        // (5 + 4 + 3) / 17 = 0.71; I = 0.3919, H(classes) = 1.0551, H(clusters) = 1.0951 (nats), NMI = 0.36.
        var quality = Of(("x", 1, 5), ("o", 1, 1), ("x", 2, 1), ("o", 2, 4), ("d", 2, 1), ("x", 3, 2), ("d", 3, 3));

        Assert.Equal(17, quality.Items);
        Assert.Equal(12 / 17.0, quality.Purity, 10);
        Assert.Equal(0.364562, quality.NormalizedMutualInformation, 6);
    }

    [Fact]
    public void Splitting_a_class_keeps_purity_but_costs_NMI()
    {
        // a a b b into clusters 0 1 2 2: every cluster pure; I = ln 2, H(classes) = ln 2, H(clusters) = 1.5 ln 2,
        // so NMI = ln 2 / (1.25 ln 2) = 0.8.
        var quality = Of(("a", 0, 1), ("a", 1, 1), ("b", 2, 2));

        Assert.Equal(1.0, quality.Purity, 10);
        Assert.Equal(0.8, quality.NormalizedMutualInformation, 10);
    }

    [Fact]
    public void Merging_every_class_into_one_cluster_explains_nothing()
    {
        var quality = Of(("a", 0, 3), ("b", 0, 1));

        Assert.Equal(0.75, quality.Purity, 10);
        Assert.Equal(0.0, quality.NormalizedMutualInformation, 10);
    }

    [Fact]
    public void A_perfect_clustering_scores_one_whatever_the_cluster_numbers()
    {
        var quality = Of(("a", 7, 4), ("b", 2, 3), ("c", 5, 1));

        Assert.Equal(1.0, quality.Purity, 10);
        Assert.Equal(1.0, quality.NormalizedMutualInformation, 10);
        Assert.Equal(("a", 1.0), quality.Majorities[7]);
        Assert.Equal(("b", 1.0), quality.Majorities[2]);
    }

    [Fact]
    public void Independent_clusters_score_zero_NMI()
    {
        // Each cluster holds the classes in the same proportions as the whole: I = 0.
        var quality = Of(("a", 0, 2), ("b", 0, 2), ("a", 1, 2), ("b", 1, 2));

        Assert.Equal(0.5, quality.Purity, 10);
        Assert.Equal(0.0, quality.NormalizedMutualInformation, 10);
    }

    [Fact]
    public void Majorities_name_the_commonest_class_and_its_share()
    {
        var quality = Of(("x", 1, 5), ("o", 1, 1), ("x", 3, 2), ("d", 3, 3));

        Assert.Equal(("x", 5 / 6.0), quality.Majorities[1]);
        Assert.Equal(("d", 0.6), quality.Majorities[3]);
    }

    [Fact]
    public void Nothing_measured_scores_zero()
    {
        var quality = new ClusteringQuality();

        Assert.Equal(0, quality.Items);
        Assert.Equal(0.0, quality.Purity);
        Assert.Equal(0.0, quality.NormalizedMutualInformation);
        Assert.Empty(quality.Majorities);
    }
}
