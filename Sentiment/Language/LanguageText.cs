namespace Insights.Sentiment.Language;

/// <summary>A text and the language it is known to be in.</summary>
public readonly record struct LanguageText(string Language, string Text);
