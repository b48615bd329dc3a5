namespace Insights.Topics.Modeling;

/// <summary>Fits a topic model on a sample of a day's documents.</summary>
public interface ITopicModelTrainer
{
    ITopicModel Fit(IReadOnlyList<TopicDocument> documents, CancellationToken cancellationToken = default);
}
