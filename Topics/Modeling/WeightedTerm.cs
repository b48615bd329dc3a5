namespace Insights.Topics.Modeling;

/// <summary>A term of a topic (a word or a word pair) and its weight in the topic, larger first.</summary>
public sealed record WeightedTerm(string Term, double Weight);
