namespace Insights.Topics.Tests.Building;

using Insights.Topics.Modeling;

/// <summary>
/// A test-only model with known topics: a document belongs to the first theme one of whose keywords it contains.
/// Fitting keeps the themes some fitted document mentions, so a day's topics follow its comments.
/// </summary>
internal sealed class KeywordTopicModelTrainer(params (string Label, string[] Keywords)[] themes) : ITopicModelTrainer
{
    public int Fits { get; private set; }

    public IReadOnlyList<TopicDocument> LastFitted { get; private set; } = [];

    public ITopicModel Fit(IReadOnlyList<TopicDocument> documents, CancellationToken cancellationToken = default)
    {
        Fits++;
        LastFitted = documents;
        var present = themes
            .Select((theme, index) => (theme, index))
            .Where(t => documents.Any(d => Matches(d.Text, t.theme.Keywords)))
            .Select(t => new ModelTopic(t.index, t.theme.Label, t.theme.Keywords.Select((k, r) => new WeightedTerm(k, 1.0 / (r + 1))).ToList()))
            .ToList();
        return new Model(present, themes);
    }

    private static bool Matches(string text, string[] keywords) =>
        keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));

    private sealed class Model(IReadOnlyList<ModelTopic> topics, (string Label, string[] Keywords)[] themes) : ITopicModel
    {
        public string Name => "keywords/test";

        public IReadOnlyList<ModelTopic> Topics => topics;

        public IEnumerable<TopicAssignment?> Assign(IEnumerable<TopicDocument> documents)
        {
            foreach (var document in documents)
            {
                var topic = topics.FirstOrDefault(t => Matches(document.Text, themes[t.Index].Keywords));
                yield return topic is null ? null : new TopicAssignment(topic.Index, 0.9);
            }
        }
    }
}
