namespace Insights.Topics;

/// <summary>One of a topic's top terms and its weight in the topic.</summary>
[GenerateSerializer, Immutable, Alias("insights.TopicTerm")]
public sealed record TopicTerm
{
    [Id(0)] public string Term { get; init; } = "";
    [Id(1)] public double Weight { get; init; }
}
