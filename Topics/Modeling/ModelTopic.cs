namespace Insights.Topics.Modeling;

/// <summary>A topic as the model found it: its index in the model, a readable label and its top terms.</summary>
public sealed record ModelTopic(int Index, string Label, IReadOnlyList<WeightedTerm> Terms);
