namespace Insights.Topics;

using Insights.Stats;

/// <summary>A topic of a day: what it is about, how many comments, how people feel, and how it moved since the day before.</summary>
[GenerateSerializer, Immutable, Alias("insights.TopicStats")]
public sealed record TopicStats
{
    /// <summary>Stable through the day's builds and across days while the topic carries on.</summary>
    [Id(0)] public string Id { get; init; } = "";
    /// <summary>Its top terms in a few words, for people.</summary>
    [Id(1)] public string Label { get; init; } = "";
    /// <summary>Top terms, weightiest first.</summary>
    [Id(2)] public IReadOnlyList<TopicTerm> Terms { get; init; } = [];
    [Id(3)] public long Comments { get; init; }
    /// <summary>Videos with at least one comment on the topic.</summary>
    [Id(4)] public long Videos { get; init; }
    [Id(5)] public SentimentSummary Sentiment { get; init; } = new();
    /// <summary>Comments minus the day before's on the same topic; null when the topic is new today.</summary>
    [Id(6)] public long? Change { get; init; }
    [Id(7)] public long? PreviousComments { get; init; }
}
