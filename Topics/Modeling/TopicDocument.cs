namespace Insights.Topics.Modeling;

/// <summary>
/// One text the topic model reads: a comment (or a video description) with the language the sentiment stage
/// identified (ISO 639-1, <c>other</c> or <c>und</c>), which picks its stop words.
/// </summary>
public sealed record TopicDocument(string Id, string Text, string Language);
