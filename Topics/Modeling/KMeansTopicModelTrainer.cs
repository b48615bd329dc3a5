namespace Insights.Topics.Modeling;

using Insights.Topics.Text;
using Microsoft.Extensions.Options;
using Microsoft.ML;

/// <summary>
/// Topics as clusters of n-gram vectors: each comment's words (<see cref="TopicTokenizer"/>) restricted to a
/// vocabulary of words neither rare nor everywhere (<see cref="Vocabulary"/>), ML.NET's TF-IDF of words and word pairs
/// (<see cref="NgramFeaturizer"/>), clustered on the unit sphere (<see cref="SphericalKMeans"/>). Clusters rather
/// than ML.NET's LDA: a comment is a handful of words, too few for LDA's per-document topic mixtures to settle, and
/// each comment is meant to get one topic.
/// </summary>
public sealed class KMeansTopicModelTrainer(IOptions<TopicModelOptions> options) : ITopicModelTrainer
{
    public const string ModelName = "spherical-kmeans-ngrams/1";

    public ITopicModel Fit(IReadOnlyList<TopicDocument> documents, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        // Ordered by a hash of the id, not as given: the sample and the clustering's seeding then do not depend on the
        // order the day's files were read in.
        var sample = documents.OrderBy(d => StableHash(d.Id)).ThenBy(d => d.Id, StringComparer.Ordinal).Take(o.MaxTrainingComments).ToList();

        var tokenized = sample.Select(d => TopicTokenizer.Tokenize(d.Text, d.Language)).ToList();
        var vocabulary = Vocabulary.Build(tokenized, o);
        var rows = tokenized.Select(vocabulary.Keep).Where(t => t.Length > 0).ToList();
        cancellationToken.ThrowIfCancellationRequested();

        var k = Math.Min(o.Topics, rows.Count / o.MinCommentsPerTopic);
        if (k < 2)
        {
            return KMeansTopicModel.Empty(ModelName);
        }

        var featurizer = NgramFeaturizer.Fit(new MLContext(o.Seed), rows, o.MaxVocabulary * 4);
        var vectors = featurizer.Transform(rows).Where(v => !v.IsEmpty).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var centroids = SphericalKMeans.Fit(vectors, featurizer.SlotNames.Length, k, o.Seed);

        // Clusters nothing ended in are left out, so every topic has comments.
        var members = new int[centroids.Length];
        foreach (var vector in vectors)
        {
            if (SphericalKMeans.Nearest(vector, centroids) is { Cluster: >= 0 } nearest)
            {
                members[nearest.Cluster]++;
            }
        }

        var kept = centroids.Where((_, c) => members[c] > 0).ToArray();
        return new KMeansTopicModel(ModelName, featurizer, vocabulary, TopicTerms.Describe(kept, featurizer.SlotNames, o.TermsPerTopic), kept);
    }

    /// <summary>FNV-1a over the id: a sample that does not depend on file order and is the same on every run.</summary>
    internal static ulong StableHash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
