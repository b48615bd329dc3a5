namespace Insights.Tools.Training;

using Insights.Sentiment;

/// <summary>One labelled text of a training file, with the language of its file and its weight in the loss.</summary>
public sealed record TrainingItem(SentimentLabel Label, string Text, string Language, float Weight);
