namespace Insights.Topics.Modeling;

/// <summary>The topic a document belongs to (<see cref="ModelTopic.Index"/>) and how strongly, in [0, 1].</summary>
public readonly record struct TopicAssignment(int Topic, double Weight);
