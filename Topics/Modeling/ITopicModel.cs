namespace Insights.Topics.Modeling;

/// <summary>A fitted topic model: its topics and the assignment of any document to one of them.</summary>
public interface ITopicModel
{
    /// <summary>Name and version of the method, kept with its output (for example <c>kmeans-tfidf/1</c>).</summary>
    string Name { get; }

    IReadOnlyList<ModelTopic> Topics { get; }

    /// <summary>
    /// The topic of each document, in order; null for a document with nothing to go on (only stop words, emoji,
    /// mentions). Streams: callers pass a whole day of comments.
    /// </summary>
    IEnumerable<TopicAssignment?> Assign(IEnumerable<TopicDocument> documents);
}
