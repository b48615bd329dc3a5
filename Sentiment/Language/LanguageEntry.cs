namespace Insights.Sentiment.Language;

/// <summary>
/// One language of a <see cref="LanguageModel"/>: its code, the script its training text is written in, and the two
/// bounds set in training from its validation texts below which a text is not in it.
/// </summary>
/// <param name="MinMeanLogProbability">Lowest mean log-probability per n-gram.</param>
/// <param name="MinKnownWordShare">Lowest share of words that are among the language's frequent training words.</param>
public sealed record LanguageEntry(string Code, Script Script, float MinMeanLogProbability, float MinKnownWordShare);
