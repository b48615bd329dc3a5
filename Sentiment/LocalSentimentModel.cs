namespace Insights.Sentiment;

using Microsoft.Extensions.Configuration;

/// <summary>
/// The local analyzer chosen by <c>Insights:Sentiment:Local:Model</c>: <c>Learned</c> (default,
/// <see cref="LearnedSentimentAnalyzer"/> with the committed model) or <c>Lexicon</c>
/// (<see cref="LexiconSentimentAnalyzer"/>, the rule-based analyzer the model falls back to). The silo scores with it
/// (and falls back to it from Azure), and <c>insights replay</c> re-scores with it.
/// </summary>
public static class LocalSentimentModel
{
    public const string ConfigurationKey = "Insights:Sentiment:Local:Model";

    public const string Learned = "Learned";

    public const string Lexicon = "Lexicon";

    /// <summary>How to make the configured analyzer; throws at once, naming the key, for an unknown value.</summary>
    public static Func<ISentimentAnalyzer> Factory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration[ConfigurationKey] ?? Learned) switch
        {
            Learned => () => new LearnedSentimentAnalyzer(),
            Lexicon => () => new LexiconSentimentAnalyzer(),
            var other => throw new InvalidOperationException($"{ConfigurationKey} '{other}' is not supported (use {Learned} or {Lexicon})."),
        };
    }
}
