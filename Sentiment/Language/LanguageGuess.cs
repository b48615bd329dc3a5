namespace Insights.Sentiment.Language;

/// <summary>
/// The language of a text (<see cref="LanguageCodes"/>) and how sure the identifier is, from 0 to 1: the model's
/// probability of that language among those of the text's script, or the share of letters in the script that decided.
/// </summary>
public readonly record struct LanguageGuess(string Language, double Confidence);
