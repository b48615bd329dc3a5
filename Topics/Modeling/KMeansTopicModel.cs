namespace Insights.Topics.Modeling;

using Insights.Topics.Text;

/// <summary>A fitted <see cref="KMeansTopicModelTrainer"/> model: its topics, and the nearest one for any comment.</summary>
internal sealed class KMeansTopicModel : ITopicModel
{
    /// <summary>Comments featurized at a time: large enough to amortize an ML.NET transform, small enough to stream a day.</summary>
    private const int Chunk = 4096;

    private readonly NgramFeaturizer? _featurizer;
    private readonly Vocabulary? _vocabulary;
    private readonly float[][] _centroids;

    public KMeansTopicModel(string name, NgramFeaturizer featurizer, Vocabulary vocabulary, IReadOnlyList<ModelTopic> topics, float[][] centroids)
    {
        Name = name;
        Topics = topics;
        _featurizer = featurizer;
        _vocabulary = vocabulary;
        _centroids = centroids;
    }

    private KMeansTopicModel(string name)
    {
        Name = name;
        Topics = [];
        _centroids = [];
    }

    public string Name { get; }

    public IReadOnlyList<ModelTopic> Topics { get; }

    /// <summary>A day too small to cluster: no topics, every comment unassigned.</summary>
    public static KMeansTopicModel Empty(string name) => new(name);

    public IEnumerable<TopicAssignment?> Assign(IEnumerable<TopicDocument> documents)
    {
        var pending = new List<string[]>(Chunk);
        foreach (var document in documents)
        {
            pending.Add(_vocabulary is null ? [] : _vocabulary.Keep(TopicTokenizer.Tokenize(document.Text, document.Language)));
            if (pending.Count == Chunk)
            {
                foreach (var assignment in AssignChunk(pending))
                {
                    yield return assignment;
                }

                pending.Clear();
            }
        }

        foreach (var assignment in AssignChunk(pending))
        {
            yield return assignment;
        }
    }

    private List<TopicAssignment?> AssignChunk(List<string[]> chunk)
    {
        if (_featurizer is null || chunk.All(t => t.Length == 0))
        {
            return chunk.Select(_ => (TopicAssignment?)null).ToList();
        }

        return _featurizer.Transform(chunk).Select(vector =>
        {
            var (cluster, cosine) = vector.IsEmpty ? (-1, 0) : SphericalKMeans.Nearest(vector, _centroids);
            return cluster < 0 ? (TopicAssignment?)null : new TopicAssignment(cluster, Math.Round(Math.Min(cosine, 1), 6));
        }).ToList();
    }
}
