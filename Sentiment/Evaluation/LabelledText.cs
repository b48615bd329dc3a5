namespace Insights.Sentiment.Evaluation;

/// <summary>One item of an evaluation file: its gold label, its text, and the line it came from (1-based).</summary>
public readonly record struct LabelledText(SentimentLabel Gold, string Text, int Line);
