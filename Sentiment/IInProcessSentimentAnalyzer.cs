namespace Insights.Sentiment;

/// <summary>
/// A local analyzer that scores one text at a time in process, with nothing to wait for. A caller that already knows
/// each text's language (<see cref="Language.LanguageAwareSentimentAnalyzer"/>) scores through this directly, one text
/// at a time, instead of building sub-batches for the batch call and copying every result to set its language.
/// </summary>
internal interface IInProcessSentimentAnalyzer : ISentimentAnalyzer
{
    /// <summary>The result of <paramref name="text"/> with <see cref="SentimentResult.Language"/> set to <paramref name="language"/>.</summary>
    SentimentResult Analyze(string? text, string language);
}
