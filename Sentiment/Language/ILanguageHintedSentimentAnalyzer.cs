namespace Insights.Sentiment.Language;

/// <summary>
/// An analyzer that scores better knowing each text's language (a model per language, a service that takes it as a
/// hint). <see cref="LanguageAwareSentimentAnalyzer"/> calls this instead of the plain method when its inner
/// analyzer has it.
/// </summary>
public interface ILanguageHintedSentimentAnalyzer : ISentimentAnalyzer
{
    /// <param name="texts">The texts.</param>
    /// <param name="languages">Each text's language (<see cref="LanguageCodes"/>), in the same order.</param>
    /// <param name="cancellationToken">Cancels the scoring.</param>
    ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, IReadOnlyList<string> languages, CancellationToken cancellationToken = default);
}
